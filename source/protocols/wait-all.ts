import type {NodeWork, Protocol} from '../engine/protocol.js';
import {VOTE, VOTE_SLOTS, majority, tally, voteSummary} from './votes.js';

function decideWhenAll(node: NodeWork): void {
	const {count, ones} = tally(node);
	if (count === node.n && node.output === null) node.decide(majority(ones, count));
}

/** wait-all: wait for every vote, then take the majority (a tie gives 0). */
export const waitAll: Protocol = {
	id: 'wait-all',
	title: 'wait for every vote',
	flaw: 'one silent node and nobody ever decides (termination)',
	hasRounds: false,
	instantiate: (n, f) => ({
		id: 'wait-all',
		n,
		f,
		params: {rounds: 1},
		slots: VOTE_SLOTS,
		initialLocal: [],
		start(node) {
			node.broadcast(VOTE, node.input);
			decideWhenAll(node);
		},
		receive: node => decideWhenAll(node),
		summary: voteSummary,
		// Every node plays the same part.
		orderFree: true,
		role: () => 0,
		// Decided: it never counts votes again.
		closed: node => node.output !== null,
	}),
};
