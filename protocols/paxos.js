// Single-decree Paxos with bounded ballots, written as a protocol module: the same kind of file
// docs/protocols.md shows how to write, loaded through the same loader (flp analyze --protocol
// paxos, or the path of this file).
//
// Nodes 1 and 2 propose; every node accepts and learns. Ballots are numbered 1, 2, 3, ...: node 1
// owns the odd ones and node 2 the even ones, `rounds` ballots each. Majority quorums.
//
//   prepare.b            the owner of ballot b asks every node to promise b
//   promise.b = none     "I promise b, and I have accepted nothing"
//   promise.b = a/v      "I promise b; the last ballot I accepted was a, with value v"
//   accept.b = v         the owner asks every node to accept v in ballot b
//   accepted.b = v       "I accepted v in ballot b"
//
// An acceptor promises a ballot higher than any it promised, and accepts a ballot at least as
// high. A proposer that hears promises from a majority proposes the value of the highest ballot
// among them, or its own input if none was accepted. Every node decides v once a majority has
// accepted v in one ballot. A proposer that learns of a higher ballot (it promised one itself, or
// sees a promise or an acceptance of one) moves to its next ballot above it, or gives up when it
// has none left. Messages go to every node, so every node sees every promise and acceptance.

// Local state.
const PROMISED = 0; // the highest ballot promised, 0 for none
const ACCEPTED = 1; // the last ballot accepted, 0 for none
const VALUE = 2; // its value (0 while none)
const BALLOT = 3; // a proposer's current ballot, 0 before its first
const PHASE = 4; // a proposer's phase: 0 idle, 1 preparing, 2 accepting, 3 out of ballots

const PREPARE = 0;
const PROMISE = 1;
const ACCEPT = 2;
const ACCEPTED_MSG = 3;

const slotOf = (kind, ballot) => (ballot - 1) * 4 + kind;
const ballotOf = slot => (slot >> 2) + 1;
const kindOf = slot => slot & 3;
const isProposer = self => self === 1 || self === 2;
/** The k-th ballot of proposer p (k from 1). */
const ownBallot = (p, k) => 2 * (k - 1) + p;

/** promise.b carries none, or a/v for every earlier ballot a and value v: value index 1 + 2(a - 1) + v. */
function promiseValues(ballot) {
	const values = ['none'];
	for (let a = 1; a < ballot; a++) values.push(`${a}/0`, `${a}/1`);
	return values;
}

function slots(rounds) {
	const list = [];
	for (let b = 1; b <= 2 * rounds; b++) {
		list.push(
			{name: `prepare.${b}`, values: ['go']},
			{name: `promise.${b}`, values: promiseValues(b)},
			{name: `accept.${b}`, values: ['0', '1']},
			{name: `accepted.${b}`, values: ['0', '1']},
		);
	}

	return list;
}

const majority = n => Math.floor(n / 2) + 1;

/** Promise ballot b (the node's own acceptor, when it is higher than any promised). */
function promise(node, b) {
	const local = node.local;
	if (b <= local[PROMISED]) return;
	local[PROMISED] = b;
	const a = local[ACCEPTED];
	node.broadcast(slotOf(PROMISE, b), a === 0 ? 0 : 1 + 2 * (a - 1) + local[VALUE]);
}

/** Accept v in ballot b, unless a higher ballot was promised. */
function accept(node, b, v) {
	const local = node.local;
	if (b < local[PROMISED]) return;
	local[PROMISED] = b;
	local[ACCEPTED] = b;
	local[VALUE] = v;
	node.broadcast(slotOf(ACCEPTED_MSG, b), v);
}

/** Decide once a majority accepted one value in one ballot. */
function learn(node, ballots) {
	if (node.output !== null) return;
	for (let b = 1; b <= ballots; b++) {
		const counts = [0, 0];
		for (let j = 1; j <= node.n; j++) {
			const v = node.get(j, slotOf(ACCEPTED_MSG, b));
			if (v >= 0) counts[v]++;
		}

		for (const v of [0, 1]) {
			if (counts[v] >= majority(node.n)) {
				node.decide(v);
				return;
			}
		}
	}
}

/** The highest ballot this node knows of: promised here, or promised or accepted anywhere. */
function highestSeen(node, ballots) {
	let high = node.local[PROMISED];
	for (let b = ballots; b > high; b--) {
		for (let j = 1; j <= node.n; j++) {
			if (node.get(j, slotOf(PROMISE, b)) >= 0 || node.get(j, slotOf(ACCEPTED_MSG, b)) >= 0) return b;
		}
	}

	return high;
}

/** Start ballot b: promise it here and ask everyone. */
function prepare(node, b) {
	node.local[BALLOT] = b;
	node.local[PHASE] = 1;
	promise(node, b);
	node.broadcast(slotOf(PREPARE, b), 0);
}

/** A proposer's progress: as far as what it has recorded allows. */
function propose(node, rounds) {
	const local = node.local;
	const p = node.self;
	if (!isProposer(p) || node.output !== null) return;
	for (;;) {
		const b = local[BALLOT];
		if (local[PHASE] === 3 || local[PHASE] === 0) return;
		const high = highestSeen(node, 2 * rounds);
		if (high > b) {
			// Pre-empted: the next own ballot above it, if any is left.
			let k = 1;
			while (ownBallot(p, k) <= high) k++;
			if (k > rounds) {
				local[PHASE] = 3;
				return;
			}

			prepare(node, ownBallot(p, k));
			continue;
		}

		if (local[PHASE] !== 1) return;
		let count = 0;
		let best = 0;
		let value = node.input;
		for (let j = 1; j <= node.n; j++) {
			const got = node.get(j, slotOf(PROMISE, b));
			if (got < 0) continue;
			count++;
			if (got > 0) {
				const a = ((got - 1) >> 1) + 1;
				if (a > best) {
					best = a;
					value = (got - 1) & 1;
				}
			}
		}

		if (count < majority(node.n)) return;
		local[PHASE] = 2;
		node.broadcast(slotOf(ACCEPT, b), value);
		accept(node, b, value);
		learn(node, 2 * rounds);
		return;
	}
}

/** @type {import('flp-adversary').Protocol} */
export default {
	id: 'paxos',
	title: 'single-decree Paxos, nodes 1 and 2 propose',
	flaw: 'duelling proposers pre-empt each other until the ballots run out (termination)',
	hasRounds: true,
	instantiate(n, f, params) {
		const rounds = params.rounds ?? 1;
		const ballots = 2 * rounds;
		return {
			id: 'paxos',
			n,
			f,
			params: {rounds},
			slots: slots(rounds),
			initialLocal: [0, 0, 0, 0, 0],
			start(node) {
				if (isProposer(node.self)) prepare(node, ownBallot(node.self, 1));
				propose(node, rounds);
			},
			receive(node, from, slot, value) {
				const b = ballotOf(slot);
				const kind = kindOf(slot);
				// Only the owner of a ballot may prepare it or ask to accept in it.
				const owner = b % 2 === 1 ? 1 : 2;
				if (kind === PREPARE && from === owner) promise(node, b);
				if (kind === ACCEPT && from === owner) accept(node, b, value);
				learn(node, ballots);
				propose(node, rounds);
			},
			// Nodes 1 and 2 each play their own part; the other acceptors are interchangeable.
			role: self => (isProposer(self) ? self : 0),
			closed(node, slot) {
				const b = ballotOf(slot);
				const kind = kindOf(slot);
				const local = node.local;
				// An acceptor ignores a prepare it cannot promise and an accept below its promise.
				if (kind === PREPARE) return b <= local[PROMISED];
				if (kind === ACCEPT) return b < local[PROMISED];
				// Promises and acceptances are read to learn, to count promises and to notice a
				// higher ballot: never again once the node has decided.
				if (node.output !== null) return true;
				if (kind === ACCEPTED_MSG) return false;
				// promise.b: only a proposer still in the running reads it, for its own ballot in phase
				// 1 or for a higher ballot.
				if (!isProposer(node.self) || local[PHASE] === 3) return true;
				return b < local[BALLOT] || (b === local[BALLOT] && local[PHASE] === 2);
			},
			summary(node) {
				const [promised, accepted, value, ballot, phase] = node.local;
				const acceptor = `promised ${promised || '-'}, accepted ${accepted ? `${accepted}/${value}` : '-'}`;
				if (!isProposer(node.self)) return acceptor;
				const role = phase === 0 ? 'idle' : phase === 3 ? 'out of ballots' : `ballot ${ballot} ${phase === 1 ? 'preparing' : 'accepting'}`;
				return `${role}; ${acceptor}`;
			},
		};
	},
};
