import type {Protocol} from '../engine/protocol.js';

const VALUE = 0;
const LEADER = 1;

/** leader: node 1 outputs its input and sends it; the others output what node 1 sends. */
export const leader: Protocol = {
	id: 'leader',
	title: 'follow node 1',
	flaw: 'a silent leader (termination), a two-faced leader (agreement, validity)',
	hasRounds: false,
	instantiate: (n, f) => ({
		id: 'leader',
		n,
		f,
		params: {rounds: 1},
		slots: [{name: 'value', values: ['0', '1']}],
		initialLocal: [],
		start(node) {
			if (node.self !== LEADER) return;
			node.decide(node.input);
			node.broadcast(VALUE, node.input);
		},
		receive(node, from, _slot, value) {
			if (from === LEADER && node.output === null) node.decide(value === 1 ? 1 : 0);
		},
		// Node 1 leads; the followers are interchangeable.
		orderFree: true,
		// Only node 1 reads its input, in start; a follower outputs what node 1 sent.
		inputOnlyAtStart: true,
		role: self => (self === LEADER ? 1 : 0),
		// The leader never reads a value; a follower stops reading once it has output.
		closed: node => node.self === LEADER || node.output !== null,
		summary(node) {
			if (node.self === LEADER) return node.started ? 'leader, sent its value' : 'leader';
			const heard = node.get(LEADER, VALUE);
			return heard < 0 ? 'waiting for node 1' : `heard ${heard} from node 1`;
		},
	}),
};
