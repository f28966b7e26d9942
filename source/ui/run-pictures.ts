/**
 * What the play screen's pictures need, as plain functions: the run being looked at (the game,
 * or the game followed by a witness run), the positions to analyse in the background, and the
 * timeline's cells and the diagram's labels from the reports in hand.
 */
import type {AnalysisLabel} from '../engine/analysis.js';
import type {Configuration} from '../engine/configuration.js';
import type {GoalSpec} from '../engine/goals.js';
import {applyLegal} from '../engine/moves.js';
import {formatMoves} from '../engine/notation.js';
import {type Session, playAll} from '../engine/session.js';
import type {Move, Result} from '../engine/types.js';
import type {Cell} from '../diagram/timeline.js';
import type {PositionReport} from '../worker/position.js';
import {runCells} from './run-cells.js';

/** A whole run: every configuration and move from the initial configuration on. */
export interface WholeRun {
	readonly configs: readonly Configuration[];
	readonly moves: readonly Move[];
	/** keys[i]: the position after i moves, as the analysis knows it (its moves in notation). */
	readonly keys: readonly string[];
}

/** The game, followed by the first `k` moves of a witness run when one is being stepped through. */
export function wholeRun(session: Session, witness?: {readonly run: readonly Move[]; readonly k: number}): WholeRun {
	const configs = [...session.configs];
	const extra = witness ? witness.run.slice(0, witness.k) : [];
	for (const move of extra) configs.push(applyLegal(configs.at(-1)!, move));
	const moves = [...session.moves, ...extra];
	const names = formatMoves(configs[0]!.setup, moves);
	return {configs, moves, keys: configs.map((_, i) => names.slice(0, i).join(';'))};
}

/**
 * The positions to analyse in the background: a witness run's first (the one being looked
 * at), then the game's own from the player's start.
 */
export function fillKeys(session: Session, start: number, witness?: {readonly run: readonly Move[]}): string[] {
	const game = wholeRun(session).keys.slice(start);
	const steps = witness ? wholeRun(session, {run: witness.run, k: witness.run.length}).keys.slice(session.moves.length + 1) : [];
	return [...steps, ...game];
}

export interface Pictured {
	readonly run: WholeRun;
	readonly reportFor: (key: string) => PositionReport | undefined;
	/** The strip's first cell: the player's start. */
	readonly start: number;
	readonly target?: Session['target'];
	readonly goal?: GoalSpec;
}

export function cellsOf({run, reportFor, start, target = null, goal}: Pictured): Cell[] {
	return runCells({configs: run.configs, moves: run.moves, start, reportAt: i => reportFor(run.keys[i]!), target, ...(goal ? {goal} : {})});
}

/** labels[s] for the diagram: the label at step s of the run, from the player's start on. */
export function labelsOf({run, reportFor, start}: Pictured): (AnalysisLabel | undefined)[] {
	return run.keys.map((key, i) => (i >= start ? reportFor(key)?.now.label : undefined));
}

/** The game followed by a witness run's first k moves, as a session (to save it as a file). */
export const witnessSession = (session: Session, run: readonly Move[], k: number): Result<Session> => playAll(session, run.slice(0, k));
