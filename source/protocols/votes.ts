/** Shared pieces of the vote-counting protocols (wait-all, quorum). */
import type {NodeView, NodeWork} from '../engine/protocol.js';
import type {Slot} from '../engine/types.js';

export const VOTE_SLOTS: readonly Slot[] = [{name: 'vote', values: ['0', '1']}];
export const VOTE = 0;

/** The recorded votes, own included: how many, and how many are 1. */
export function tally(node: NodeWork): {count: number; ones: number} {
	let count = 0;
	let ones = 0;
	for (let s = 1; s <= node.n; s++) {
		const v = node.get(s, VOTE);
		if (v >= 0) count++;
		if (v === 1) ones++;
	}

	return {count, ones};
}

/** 1 if more than half of `count` votes are 1, else 0 (a tie gives 0). */
export const majority = (ones: number, count: number): 0 | 1 => (2 * ones > count ? 1 : 0);

/** "votes 0 1 ·": the vote recorded from each node, · where none. */
export function voteSummary(node: Readonly<NodeView>): string {
	const votes: string[] = [];
	for (let s = 1; s <= node.n; s++) {
		const v = node.get(s, VOTE);
		votes.push(v < 0 ? '·' : String(v));
	}

	return `votes ${votes.join(' ')}`;
}
