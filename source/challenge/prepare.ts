/** Everything `flp challenge FILE` checks before the clock can start: file, player, seed, levels. */
import {userInfo} from 'node:os';
import {type CommandResult, usageError} from '../commands/result.js';
import {instances, readChallenge} from './challenge.js';
import {hashSeed} from './random.js';
import {type ChallengeRun, newRun} from './run.js';

export interface ChallengeOptions {
	readonly player?: string;
	readonly seed?: number;
	readonly out?: string;
}

export interface Prepared {
	readonly run: ChallengeRun;
	/** Where the result file is written. */
	readonly out: string;
}

/** The run to play and where its result goes, or the user's error. */
export function prepareChallenge(args: readonly string[], options: ChallengeOptions): Prepared | CommandResult {
	if (args.length !== 1) return usageError('challenge takes one file: flp challenge FILE [--player NAME] [--seed N]');
	const challenge = readChallenge(args[0]!);
	if (!challenge.ok) return {code: 2, stdout: '', stderr: `${challenge.message}\n`};
	const player = (options.player ?? userInfo().username).trim();
	if (player === '') return usageError('--player needs a name');
	if (options.seed !== undefined && (!Number.isInteger(options.seed) || options.seed < 0)) return usageError('--seed must be a whole number ≥ 0');
	if (options.seed !== undefined && (challenge.value.file.seeds ?? 'player') === 'player') {
		return usageError('this challenge derives each seed from the player name (seeds: player); --seed is not allowed');
	}

	const seed = options.seed ?? hashSeed(player);
	const levels = instances(challenge.value, seed);
	if (!levels.ok) return {code: 2, stdout: '', stderr: `flp: ${levels.message}\n`};
	const safe = player.replace(/[^\w.-]+/g, '_');
	const out = options.out ?? `flp-result-${challenge.value.file.id}-${safe}.json`;
	return {run: newRun(challenge.value, levels.value, player, seed), out};
}
