import type {NodeWork, Protocol} from '../engine/protocol.js';
import {VOTE, VOTE_SLOTS, majority, tally, voteSummary} from './votes.js';

/** Decide the moment n - f votes are recorded, on exactly those votes. */
function decideAtQuorum(node: NodeWork): void {
	const {count, ones} = tally(node);
	if (count >= node.n - node.f && node.output === null) node.decide(majority(ones, count));
}

/** quorum: decide on the first n - f votes (own included). */
export const quorum: Protocol = {
	id: 'quorum',
	title: 'wait for n − f votes',
	flaw: 'which n − f votes a node sees is the scheduler’s choice (agreement, validity)',
	hasRounds: false,
	instantiate: (n, f) => ({
		id: 'quorum',
		n,
		f,
		params: {rounds: 1},
		slots: VOTE_SLOTS,
		initialLocal: [],
		start(node) {
			node.broadcast(VOTE, node.input);
			decideAtQuorum(node);
		},
		receive: node => decideAtQuorum(node),
		summary: voteSummary,
		// Every node plays the same part.
		orderFree: true,
		role: () => 0,
		// Decided: it never counts votes again.
		closed: node => node.output !== null,
	}),
};
