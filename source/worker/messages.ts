import type {PositionReport, PositionRequest} from './position.js';

/** UI → worker. */
export type ToWorker = {readonly kind: 'position'; readonly request: PositionRequest; readonly budgetMs: number; readonly maxBytes?: number};

/** Worker → UI. */
export type FromWorker =
	| {readonly kind: 'progress'; readonly id: number; readonly states: number}
	| {readonly kind: 'report'; readonly report: PositionReport};

/**
 * The shared control words: [0] the newest request id, [1] a cancelled request id. A running
 * analysis stops as soon as a newer request arrives or its own is cancelled.
 */
export const LATEST = 0;
export const CANCELLED = 1;
