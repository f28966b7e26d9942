import {voteProtocol} from './votes.js';

/** quorum: decide on the first n - f votes (own included), on exactly those votes. */
export const quorum = voteProtocol({
	id: 'quorum',
	title: 'wait for n − f votes',
	flaw: 'which n − f votes a node sees is the scheduler’s choice (agreement, validity)',
	threshold: (n, f) => n - f,
});
