/** Challenge files (docs/classroom.md): same YAML/JSON conventions as scenario files. */
import type {GoalKind} from '../engine/goals.js';

export const CHALLENGE_FORMAT = 1;

export const HINTS = ['none', 'label', 'full'] as const;
export type HintsMode = (typeof HINTS)[number];

/** How a level is scored; every field is a number of points. */
export interface Scoring {
	/** For reaching the goal. */
	readonly solved: number;
	/** For each move under par (a solved level only). */
	readonly underPar: number;
	/** Taken for each move over par (a solved level only; the score never goes below `floor`). */
	readonly overPar: number;
	/** The least a solved level scores. */
	readonly floor: number;
}

export const DEFAULT_SCORING: Scoring = {solved: 100, underPar: 10, overPar: 5, floor: 20};

/** A level generator: seeded variants that the engine checks are solvable. */
export interface Generator {
	readonly goal: Extract<GoalKind, 'break-agreement' | 'break-validity' | 'break-termination' | 'stall' | 'find-ambiguous-start'>;
	/** Protocols to choose from. */
	readonly protocols: readonly string[];
	/** Node counts to choose from. */
	readonly nodes: readonly number[];
	/** Allowed behaviour sets to choose from (each a list; [] is none). */
	readonly allow: ReadonlyArray<readonly string[]>;
	readonly par?: number;
	/** How far par may vary between students (checked by `flp challenge check`). */
	readonly parSpread?: number;
}

export type ChallengeLevel = {readonly file: string} | {readonly generate: Generator};

export interface ChallengeFile {
	readonly format: number;
	readonly id: string;
	readonly title: string;
	/** Seconds for the whole challenge. */
	readonly timeLimit: number;
	/**
	 * What the screen shows of the analysis, the same for everyone: `none` (no label, previews
	 * or witness runs), `label` (only the current 0/1/ambiguous label), `full` (everything).
	 * `false` means none and `true` full. Left out: none.
	 */
	readonly hints?: boolean | HintsMode;
	readonly scoring?: Partial<Scoring>;
	/**
	 * `player` (the default): each student's seed is derived from their name, so nobody can pick
	 * an easier seed. `free`: any seed (`flp challenge --seed N`), e.g. seeds handed out in class.
	 */
	readonly seeds?: 'player' | 'free';
	/** A file of the names allowed to hand in, one a line (relative to the challenge file). */
	readonly roster?: string;
	readonly levels: readonly ChallengeLevel[];
}
