/** The vote-counting protocols (wait-all, quorum): one definition, told apart by a threshold. */
import type {NodeView, NodeWork, Protocol} from '../engine/protocol.js';
import type {Slot} from '../engine/types.js';

const VOTE_SLOTS: readonly Slot[] = [{name: 'vote', values: ['0', '1']}];
const VOTE = 0;

/** The recorded votes, own included: how many, and how many are 1. */
function tally(node: NodeWork): {count: number; ones: number} {
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
const majority = (ones: number, count: number): 0 | 1 => (2 * ones > count ? 1 : 0);

/** "votes 0 1 ·": the vote recorded from each node, · where none. */
function voteSummary(node: Readonly<NodeView>): string {
	const votes: string[] = [];
	for (let s = 1; s <= node.n; s++) {
		const v = node.get(s, VOTE);
		votes.push(v < 0 ? '·' : String(v));
	}

	return `votes ${votes.join(' ')}`;
}

/** What tells two vote-counting protocols apart: their texts and how many votes decide. */
export interface VoteProtocolSpec {
	readonly id: string;
	readonly title: string;
	readonly flaw: string;
	/** How many recorded votes (own included) a node waits for before it decides on them. */
	readonly threshold: (n: number, f: number) => number;
}

/**
 * A protocol in which each node broadcasts its input as a vote, and decides the majority of the
 * votes it has recorded (a tie gives 0) the moment it has recorded `threshold(n, f)` of them.
 */
export function voteProtocol({id, title, flaw, threshold}: VoteProtocolSpec): Protocol {
	return {
		id,
		title,
		flaw,
		hasRounds: false,
		instantiate(n, f) {
			const needed = threshold(n, f);
			const decideAtThreshold = (node: NodeWork): void => {
				const {count, ones} = tally(node);
				if (count >= needed && node.output === null) node.decide(majority(ones, count));
			};

			return {
				id,
				n,
				f,
				params: {rounds: 1},
				slots: VOTE_SLOTS,
				initialLocal: [],
				start(node) {
					node.broadcast(VOTE, node.input);
					decideAtThreshold(node);
				},
				receive: node => decideAtThreshold(node),
				summary: voteSummary,
				// Every node plays the same part.
				orderFree: true,
				// A node counts values; who sent them does not matter.
				senderBlind: true,
				// The input is the vote start sends; later steps count the votes recorded.
				inputOnlyAtStart: true,
				role: () => 0,
				// Decided: it never counts votes again.
				closed: node => node.output !== null,
			};
		},
	};
}
