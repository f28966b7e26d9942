/** A challenge in progress, and the result file it makes. */
import {resolve} from 'node:path';
import {formatMoves} from '../engine/notation.js';
import type {Session} from '../engine/session.js';
import {writeAtomic} from '../scenario/save.js';
import {type Challenge, type Instance, scoreLevel} from './challenge.js';
import {type ChallengeResult, type LevelResult, RESULT_KIND} from './result.js';

/** How a challenge ended: the hand-in, the clock, Ctrl-C, or leaving before the clock started. */
export type ChallengeEnd = 'handed-in' | 'time-up' | 'interrupted' | 'left';

/**
 * One level of a run. The rule for a solved level: it stays solved, with the moves that solved
 * it (`solution`). Moves made on it afterwards, undo included, are not recorded, so they neither
 * unsolve it nor count against par; the result file, the list and `verify` all use `solution`.
 */
export interface LevelState {
	readonly session?: Session;
	/** The player's moves when the goal was first reached. */
	readonly solution?: readonly string[];
	/** Setup moves of the level: the player's moves come after. */
	readonly start: number;
	readonly inputs?: string;
	readonly solved: boolean;
	readonly timeMs: number;
	readonly hintsUsed: number;
}

export interface ChallengeRun {
	readonly challenge: Challenge;
	readonly instances: readonly Instance[];
	readonly player: string;
	readonly seed: number;
	readonly levels: readonly LevelState[];
	/** How many times this player has started this challenge here (1 the first time). */
	readonly attempt: number;
}

/** The level solved by `session` (what the goal judged); a level already solved keeps its first solution. */
export function solveLevel(level: LevelState, session: Session): LevelState {
	if (level.solved) return level;
	return {...level, solved: true, solution: formatMoves(session.configs[0]!.setup, session.moves.slice(level.start))};
}

export const newRun = (challenge: Challenge, instances: readonly Instance[], player: string, seed: number, attempt = 1): ChallengeRun => ({
	challenge,
	instances,
	player,
	seed,
	attempt,
	levels: instances.map(() => ({start: 0, solved: false, timeMs: 0, hintsUsed: 0})),
});

/** The moves that count: the solving moves of a solved level, else the moves made so far. */
export function playerMoves(level: LevelState): readonly string[] {
	if (level.solution) return level.solution;
	if (!level.session) return [];
	return formatMoves(level.session.configs[0]!.setup, level.session.moves.slice(level.start));
}

export function levelScore(run: ChallengeRun, index: number): number {
	const level = run.levels[index]!;
	const file = run.instances[index]!.file;
	const count = file.inputs === 'choose' ? 1 : playerMoves(level).length;
	return scoreLevel(run.challenge.scoring, file.par, level.solved, count);
}

export function toResult(run: ChallengeRun, timeMs: number, finished: boolean): ChallengeResult {
	const levels: LevelResult[] = run.instances.map((instance, i) => {
		const level = run.levels[i]!;
		return {
			index: instance.index,
			id: instance.file.id ?? `level-${i + 1}`,
			...(level.inputs ? {inputs: level.inputs} : {}),
			moves: [...playerMoves(level)],
			solved: level.solved,
			timeMs: Math.round(level.timeMs),
			hintsUsed: level.hintsUsed,
			score: levelScore(run, i),
		};
	});
	return {
		format: 1,
		kind: RESULT_KIND,
		player: run.player,
		seed: run.seed,
		challenge: {id: run.challenge.file.id, sha256: run.challenge.hash},
		timeLimit: run.challenge.file.timeLimit,
		timeMs: Math.round(Math.min(timeMs, run.challenge.file.timeLimit * 1000)),
		finished,
		attempt: run.attempt,
		total: levels.reduce((sum, l) => sum + l.score, 0),
		levels,
	};
}

export const writeResult = (path: string, result: ChallengeResult): void => writeAtomic(path, `${JSON.stringify(result, null, 2)}\n`);

/** Write the result; the sentence says where, or why it could not be written. */
export function saveResult(path: string, result: ChallengeResult): string {
	try {
		writeResult(path, result);
		return `Result written to ${resolve(path)}.`;
	} catch (error) {
		return `Could not write ${path}: ${(error as Error).message}`;
	}
}
