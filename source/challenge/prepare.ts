/** Everything `flp challenge FILE` checks before the clock can start: file, player, seed, levels. */
import {userInfo} from 'node:os';
import {type Failure, type FailureCode, type Result, fail, ok} from '../engine/types.js';
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

/**
 * Its own refusals read as `flp challenge` prints them, after `flp: ` (the challenge file's
 * report, which names the file, is as it is): the game's menu shows the same line.
 */
const refuse = (code: FailureCode, message: string): Failure => fail(code, `flp: ${message}`);

/** The run to play and where its result goes, or why not (the line to show, as it is). */
export function prepareChallenge(args: readonly string[], options: ChallengeOptions): Result<Prepared> {
	if (args.length !== 1) return refuse('bad-flag', 'challenge takes one file: flp challenge FILE [--player NAME] [--seed N]');
	const challenge = readChallenge(args[0]!);
	if (!challenge.ok) return challenge;
	const player = (options.player ?? userInfo().username).trim();
	if (player === '') return refuse('bad-flag', '--player needs a name');
	if (options.seed !== undefined && (!Number.isInteger(options.seed) || options.seed < 0)) return refuse('bad-flag', '--seed must be a whole number ≥ 0');
	if (options.seed !== undefined && (challenge.value.file.seeds ?? 'player') === 'player') {
		return refuse('bad-flag', 'this challenge derives each seed from the player name (seeds: player); --seed is not allowed');
	}

	const seed = options.seed ?? hashSeed(player);
	const levels = instances(challenge.value, seed);
	if (!levels.ok) return refuse(levels.code, levels.message);
	const safe = player.replace(/[^\w.-]+/g, '_');
	const out = options.out ?? `flp-result-${challenge.value.file.id}-${safe}.json`;
	return ok({run: newRun(challenge.value, levels.value, player, seed), out});
}
