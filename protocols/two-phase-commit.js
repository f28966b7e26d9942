// Two-phase commit, written as a protocol module: the same kind of file docs/protocols.md shows
// how to write, loaded through the same loader (flp analyze --protocol two-phase-commit, or the
// path of this file).
//
// Node 1 coordinates. Every node votes its input (1 = yes). The coordinator decides commit (1)
// only when every vote, its own included, is yes, and abort (0) as soon as it sees a no; it then
// broadcasts the decision. Participants decide what the coordinator sends them. Nobody else may
// decide: a crashed coordinator leaves every participant waiting for ever (blocking).

const VOTE = 0;
const DECISION = 1;
const COORDINATOR = 1;

/** The coordinator's step: decide once it knows the outcome, and tell everyone. */
function tally(node) {
	if (node.self !== COORDINATOR || node.output !== null) return;
	let yes = 0;
	for (let j = 1; j <= node.n; j++) {
		const vote = j === COORDINATOR ? node.input : node.get(j, VOTE);
		if (vote === 0) {
			node.decide(0);
			node.broadcast(DECISION, 0);
			return;
		}

		if (vote === 1) yes++;
	}

	if (yes === node.n) {
		node.decide(1);
		node.broadcast(DECISION, 1);
	}
}

/** @type {import('flp-adversary').Protocol} */
export default {
	id: 'two-phase-commit',
	title: 'two-phase commit (node 1 coordinates)',
	flaw: 'a crashed coordinator blocks every participant (termination)',
	hasRounds: false,
	instantiate: (n, f) => ({
		id: 'two-phase-commit',
		n,
		f,
		params: {rounds: 1},
		slots: [
			{name: 'vote', values: ['0', '1']},
			{name: 'decision', values: ['0', '1']},
		],
		initialLocal: [],
		start(node) {
			if (node.self === COORDINATOR) tally(node);
			else node.broadcast(VOTE, node.input);
		},
		receive(node, from, slot, value) {
			if (node.self === COORDINATOR) {
				if (slot === VOTE) tally(node);
			} else if (slot === DECISION && from === COORDINATOR) {
				node.decide(value);
			}
		},
		// The coordinator reads only votes, until it decides; a participant reads only the
		// decision, until it has one.
		closed: (node, slot) => (node.self === COORDINATOR ? slot === DECISION || node.output !== null : slot === VOTE || node.output !== null),
		// Votes counted as a set: the order they arrive in never matters.
		orderFree: true,
		// The participants are interchangeable.
		role: self => (self === COORDINATOR ? 1 : 0),
		summary(node) {
			if (node.self === COORDINATOR) {
				const votes = [];
				for (let j = 2; j <= node.n; j++) {
					const v = node.get(j, VOTE);
					votes.push(v < 0 ? '·' : String(v));
				}

				const state = node.output === null ? 'collecting' : node.output === 1 ? 'commit sent' : 'abort sent';
				return `coordinator, votes ${votes.join(' ')}: ${state}`;
			}

			if (!node.started) return 'participant';
			if (node.output !== null) return `told ${node.output === 1 ? 'commit' : 'abort'}`;
			return `voted ${node.input}, waiting for node 1`;
		},
	}),
};
