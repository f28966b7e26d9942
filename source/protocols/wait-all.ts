import {voteProtocol} from './votes.js';

/** wait-all: wait for every vote, then take the majority (a tie gives 0). */
export const waitAll = voteProtocol({
	id: 'wait-all',
	title: 'wait for every vote',
	flaw: 'one silent node and nobody ever decides (termination)',
	threshold: n => n,
});
