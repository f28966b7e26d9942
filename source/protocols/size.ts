/** The size of a game a protocol module is tried at: nodes, most faults, rounds. */
import {MAX_NODES, MAX_ROUNDS, MIN_NODES} from '../engine/game.js';

export interface TrialSize {
	readonly n: number;
	readonly f: number;
	readonly rounds: number;
}

/** The size a module is tried at when the command does not say (the sandbox's first game). */
export const TRIAL_SIZE: TrialSize = {n: 3, f: 1, rounds: 1};

const whole = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/**
 * The size a file or the command line gives (f and rounds default to 1), when it is one the game
 * allows; else none (the game's own checks then say what is wrong).
 */
export function allowedSize(nodes: unknown, f: unknown = 1, rounds: unknown = 1): TrialSize | undefined {
	if (!whole(nodes, MIN_NODES, MAX_NODES) || !whole(f, 0, nodes - 1) || !whole(rounds, 1, MAX_ROUNDS)) return undefined;
	return {n: nodes, f, rounds};
}
