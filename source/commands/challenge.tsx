/** `flp challenge FILE`: check the options, make the levels for the seed, then play. */
import {userInfo} from 'node:os';
import {Box, useApp} from 'ink';
import React from 'react';
import {readChallenge} from '../challenge/challenge.js';
import {instances} from '../challenge/challenge.js';
import {hashSeed} from '../challenge/random.js';
import type {ChallengeResult} from '../challenge/result.js';
import {type ChallengeRun, newRun} from '../challenge/run.js';
import {ChallengeScreen} from '../ui/challenge-screen.js';
import {useTerminalSize} from '../ui/use-terminal-size.js';
import {TooSmall, fits} from '../ui/size-guard.js';
import type {AnalysisService} from '../worker/service.js';
import {type CommandResult, usageError} from './result.js';

export interface ChallengeOptions {
	readonly player?: string;
	readonly seed?: number;
	readonly out?: string;
}

/** The run to play and where its result goes, or the user's error. */
export function prepareChallenge(args: readonly string[], options: ChallengeOptions): {run: ChallengeRun; out: string} | CommandResult {
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

export interface ChallengeAppProps {
	readonly run: ChallengeRun;
	readonly service: AnalysisService;
	readonly colour: boolean;
	readonly clock: () => number;
	readonly onResult: (result: ChallengeResult) => string;
}

export function ChallengeApp({run, service, colour, clock, onResult}: ChallengeAppProps): React.JSX.Element {
	const {exit} = useApp();
	const size = useTerminalSize();
	// Hidden, not unmounted, while the terminal is too small: the challenge keeps its state.
	return (
		<>
			{fits(size) ? null : <TooSmall {...size} />}
			<Box display={fits(size) ? 'flex' : 'none'}>
				<ChallengeScreen run={run} service={service} colour={colour} rows={Math.min(size.rows, 30)} clock={clock} onResult={onResult} onExit={() => exit()} />
			</Box>
		</>
	);
}
