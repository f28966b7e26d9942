/**
 * A step of a protocol module that never returns (a loop without end) cannot be stopped in the
 * thread that runs it. So module code runs in a worker thread (the game's analysis worker, and
 * `flp analyze`/`flp attack` on a module), which shares a heartbeat with the thread that started
 * it (guard.ts writes it around every step); the watchdog here, in that other thread, sees a step
 * that has been running for STEP_LIMIT_MS and says which one, so the worker can be terminated
 * and the step reported with the protocol, node and move.
 */
import type {Slot} from '../engine/types.js';
import {stepName} from './guard.js';

/** Words of the heartbeat: step entries + exits (odd while a step runs), node, sender, slot, value. */
export const HEARTBEAT_WORDS = 5;
/** How long one step may run before it is taken for one that never returns. */
export const STEP_LIMIT_MS = 10_000;

export interface StuckStep {
	readonly node: number;
	/** The sender, 0 for a start. */
	readonly from: number;
	readonly slot: number;
	readonly value: number;
}

/**
 * Watch a heartbeat: `onStuck` is called once a step has run for `limitMs`. Answers the function
 * that stops watching. The timer does not keep the process alive.
 */
export function watchSteps(words: Int32Array, onStuck: (step: StuckStep) => void, limitMs = STEP_LIMIT_MS, clock: () => number = Date.now): () => void {
	let last = -1;
	let since = clock();
	const timer = setInterval(
		() => {
			const count = Atomics.load(words, 0);
			if (count % 2 === 0 || count !== last) {
				last = count;
				since = clock();
				return;
			}

			if (clock() - since >= limitMs) {
				clearInterval(timer);
				onStuck({node: words[1]!, from: words[2]!, slot: words[3]!, value: words[4]!});
			}
		},
		Math.max(10, Math.min(250, limitMs / 4)),
	);
	timer.unref();
	return () => clearInterval(timer);
}

/** The sentence for a stuck step: the protocol, the node, the move, and what was done. */
export function stuckText(protocol: string, slots: readonly Slot[] | undefined, step: StuckStep, limitMs = STEP_LIMIT_MS): string {
	const move = stepName(slots ?? [], step.node, step.from, step.slot, step.value);
	return `protocol ${protocol}: node ${step.node} on ${move} did not return within ${limitMs / 1000} s, so the analysis was stopped (a loop without end?)`;
}
