/**
 * The one file format for levels, saved games and replays (docs/scenario-format.md).
 * YAML or JSON, same schema.
 */
import type {GoalKind} from '../engine/goals.js';

export const FORMAT_VERSION = 1;

/** What a checkpoint may say of the goal at its point of the run. */
export const CHECKPOINT_GOALS = ['reached', 'open', 'failed'] as const;

export interface Goal {
	readonly kind: GoalKind;
	/** stall: the target message (default: the oldest pending when play starts). */
	readonly target?: string;
	/** forever: how many FIFO rounds of Lemma 2 to complete. */
	readonly rounds?: number;
	/** diamond with hide: the two deliveries whose order a byzantine recipient hides. */
	readonly pair?: readonly [string, string];
	readonly hide?: boolean;
	/** diamond: show that deliveries to different nodes commute. */
	readonly commute?: boolean;
}

export interface Checkpoint {
	/** After how many moves (0 = before any). */
	readonly after: number;
	readonly label?: string;
	readonly star?: string;
	readonly flags?: {readonly agreement?: boolean; readonly termination?: boolean; readonly validity?: boolean};
	/** Whether the goal is reached (or still open, or failed) at this point. */
	readonly goal?: (typeof CHECKPOINT_GOALS)[number];
}

export interface ScenarioFile {
	readonly format: number;
	readonly id?: string;
	readonly title?: string;
	readonly story?: string;
	/** A protocol's id, or a module's path (relative to the file; absolute once read). */
	readonly protocol: string;
	/** With a module: the sha256 of its source when the game was saved (hex). */
	readonly protocolHash?: string;
	readonly rounds?: number;
	readonly nodes: number;
	/** A bit string, node 1 first; or "choose" for a Lemma 1 level where the player picks. */
	readonly inputs: string;
	readonly f?: number;
	readonly allow?: readonly string[];
	readonly goal?: Goal;
	readonly par?: number;
	readonly hints?: boolean;
	/** Seconds. */
	readonly timeLimit?: number;
	/** Moves made before the player starts (the level's position). */
	readonly setup?: readonly string[];
	/** The player's moves (saved games and replays). */
	readonly moves?: readonly string[];
	readonly expect?: readonly Checkpoint[];
}
