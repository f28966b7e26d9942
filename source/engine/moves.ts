/**
 * The adversary's moves: which are legal in a configuration, in a fixed order, and what each
 * does. `applyMove` never throws for an illegal move: it returns a failure naming the move.
 *
 * The fixed order of `legalMoves`:
 *   1. deliveries, oldest message first (age, then recipient, sender, slot, value);
 *   2. corruptions, by node 1..n, then behaviour crash, lie, byzantine (allowed ones only);
 *   3. byzantine sends, by sender, then recipient, slot (declared order), value (domain order).
 */
import {
	type Configuration,
	type NodeState,
	type PoolEntry,
	comparePool,
	corruptCount,
	findInPool,
	initialConfiguration,
	isProcessing,
	messageId,
	nodeOf,
} from './configuration.js';
import {formatMove} from './notation.js';
import {type NodeWork, ProtocolFault} from './protocol.js';
import {type Behaviour, type Bit, type Message, type Move, type Result, fail, isStart, ok} from './types.js';

interface Outgoing {
	readonly to: number;
	readonly slot: number;
	readonly value: number;
}

/** Run one protocol step of node i (its start action, or a message it acts on). */
function runNode(
	c: Configuration,
	i: number,
	step: (work: NodeWork) => void,
	node: NodeState,
): {node: NodeState; outgoing: Outgoing[]} {
	const {protocol, n, f} = c.setup;
	const slots = protocol.slots.length;
	const received = [...node.received];
	const local = [...node.local];
	const outgoing: Outgoing[] = [];
	const v = c.setup.inputs[i - 1] ?? 0;
	let output = node.output;
	const work: NodeWork = {
		n,
		f,
		self: i,
		input: node.corrupt === 'lie' ? ((1 - v) as Bit) : v,
		local,
		get: (from, slot) => received[from * slots + slot] ?? -1,
		broadcast(slot, value) {
			if (received[i * slots + slot] === -1) received[i * slots + slot] = value;
			for (let to = 1; to <= n; to++) if (to !== i) outgoing.push({to, slot, value});
		},
		decide(value) {
			if (output === null) output = value;
		},
		get output() {
			return output;
		},
	};
	step(work);
	return {node: {...node, received, local, output}, outgoing};
}

function replaceNode(nodes: readonly NodeState[], i: number, node: NodeState): NodeState[] {
	const next = [...nodes];
	next[i - 1] = node;
	return next;
}

/** Deliver a pending message. The caller has checked it is in the pool. */
function deliver(c: Configuration, entry: PoolEntry): Configuration {
	const step = c.step + 1;
	const m = entry.message;
	const pool = c.pool.filter(e => e !== entry);
	let node = nodeOf(c, m.to);
	if (!isProcessing(node)) return {...c, step, pool};

	const outgoing: Outgoing[] = [];
	const protocol = c.setup.protocol;
	if (!node.started) {
		const started = runNode(c, m.to, work => protocol.start(work), {...node, started: true});
		node = started.node;
		outgoing.push(...started.outgoing);
	}

	if (!isStart(m)) {
		const index = m.from * protocol.slots.length + m.slot;
		if (node.received[index] === -1) {
			const received = [...node.received];
			received[index] = m.value;
			const acted = runNode(c, m.to, work => protocol.receive(work, m.from, m.slot, m.value), {...node, received});
			node = acted.node;
			outgoing.push(...acted.outgoing);
		}
	}

	for (const out of outgoing) {
		const message: Message = {to: out.to, from: m.to, slot: out.slot, value: out.value};
		const id = messageId(c.setup, message);
		if (!pool.some(e => e.id === id)) pool.push({message, age: step, id});
	}

	pool.sort(comparePool);
	return {...c, step, pool, nodes: replaceNode(c.nodes, m.to, node)};
}

/** Why a corruption is illegal, or null when it is legal. */
function corruptProblem(c: Configuration, k: number, behaviour: Behaviour): string | null {
	const {f, allowed, n} = c.setup;
	if (f === 0 || allowed.length === 0) return 'this game allows no corruption';
	if (!allowed.includes(behaviour)) return `${behaviour} is not allowed here (allowed: ${allowed.join(', ')})`;
	if (k < 1 || k > n) return `node ${k} does not exist (nodes are 1..${n})`;
	const node = nodeOf(c, k);
	if (node.corrupt) return `node ${k} is already corrupt (${node.corrupt})`;
	if (corruptCount(c) >= f) return `already ${f} corrupt node${f === 1 ? '' : 's'}, the most f = ${f} allows`;
	if (behaviour === 'lie' && node.started) {
		return `node ${k} has already had a delivery; lie must be chosen before its first one`;
	}

	return null;
}

/** Why a byzantine send is illegal, or null when it is legal. */
function sendProblem(c: Configuration, m: Message): string | null {
	const {n, protocol} = c.setup;
	if (m.from < 1 || m.from > n) return `node ${m.from} does not exist (nodes are 1..${n})`;
	if (m.to < 1 || m.to > n) return `node ${m.to} does not exist (nodes are 1..${n})`;
	const sender = nodeOf(c, m.from);
	if (sender.corrupt !== 'byzantine') {
		return sender.corrupt
			? `node ${m.from} is corrupt as ${sender.corrupt}, and only a byzantine node sends at will`
			: `node ${m.from} is honest; corrupt it as byzantine first`;
	}

	if (m.to === m.from) return 'a node never sends to itself';
	const slot = protocol.slots[m.slot];
	if (!slot) return `there is no slot #${m.slot}`;
	if (m.value < 0 || m.value >= slot.values.length) return `slot ${slot.name} has no value #${m.value}`;
	const id = messageId(c.setup, m);
	if (c.sent.includes(id)) return `node ${m.from} has already sent this message`;
	if (c.pool.some(e => e.id === id)) return 'this message is already pending';
	return null;
}

/** Apply a move: the new configuration, or a failure that names the move and why. */
export function applyMove(c: Configuration, move: Move): Result<Configuration> {
	const name = formatMove(c.setup, move);
	switch (move.kind) {
		case 'deliver': {
			const entry = findInPool(c, move.message);
			if (!entry) return fail('not-pending', `${name}: no such message is pending`);
			try {
				return ok(deliver(c, entry));
			} catch (error) {
				// A protocol module that misbehaves: the move fails with its one-line report.
				if (error instanceof ProtocolFault) return fail('protocol-fault', error.message);
				throw error;
			}
		}

		case 'corrupt': {
			const problem = corruptProblem(c, move.node, move.behaviour);
			if (problem) return fail('illegal-corrupt', `${name}: ${problem}`);
			const node: NodeState = {...nodeOf(c, move.node), corrupt: move.behaviour};
			return ok({...c, step: c.step + 1, nodes: replaceNode(c.nodes, move.node, node)});
		}

		case 'send': {
			const problem = sendProblem(c, move.message);
			if (problem) return fail('illegal-send', `${name}: ${problem}`);
			const step = c.step + 1;
			const id = messageId(c.setup, move.message);
			const pool = [...c.pool, {message: move.message, age: step, id}].sort(comparePool);
			const sent = [...c.sent, id].sort((a, b) => a - b);
			return ok({...c, step, pool, sent});
		}
	}
}

/**
 * Apply moves in order: the configuration after each move (after move 1, 2, ...), or the failure
 * that says which move (1-based) failed and why.
 */
export function applyMovesTrail(c: Configuration, moves: readonly Move[]): Result<Configuration[]> {
	const trail: Configuration[] = [];
	let current = c;
	for (const [i, move] of moves.entries()) {
		const next = applyMove(current, move);
		if (!next.ok) return fail(next.code, `move ${i + 1}: ${next.message}`);
		current = next.value;
		trail.push(current);
	}

	return ok(trail);
}

/** Apply moves in order; the failure says which move (1-based) failed and why. */
export function applyMoves(c: Configuration, moves: readonly Move[]): Result<Configuration> {
	const trail = applyMovesTrail(c, moves);
	return trail.ok ? ok(trail.value.at(-1) ?? c) : trail;
}

/** Apply a move known to be legal (a bug otherwise). */
export function applyLegal(c: Configuration, move: Move): Configuration {
	const next = applyMove(c, move);
	if (!next.ok && next.code === 'protocol-fault') throw new ProtocolFault(next.message);
	if (!next.ok) throw new Error(`bug: a move taken as legal was refused: ${next.message}`);
	return next.value;
}

/** The corruptions that are legal now, in the fixed order. */
export function legalCorruptions(c: Configuration): Move[] {
	const moves: Move[] = [];
	for (let k = 1; k <= c.setup.n; k++) {
		for (const behaviour of c.setup.allowed) {
			if (corruptProblem(c, k, behaviour) === null) moves.push({kind: 'corrupt', node: k, behaviour});
		}
	}

	return moves;
}

/** The byzantine sends that are legal now, in the fixed order. */
export function legalSends(c: Configuration): Move[] {
	const moves: Move[] = [];
	const {n, protocol} = c.setup;
	for (let from = 1; from <= n; from++) {
		if (nodeOf(c, from).corrupt !== 'byzantine') continue;
		for (let to = 1; to <= n; to++) {
			for (const [slot, declared] of protocol.slots.entries()) {
				for (let value = 0; value < declared.values.length; value++) {
					const message = {to, from, slot, value};
					if (sendProblem(c, message) === null) moves.push({kind: 'send', message});
				}
			}
		}
	}

	return moves;
}

/**
 * The sends an honest node k with input b makes in its start action, as byzantine send moves
 * (for the "pretend input b" strategy and the seed's concealed input).
 */
export function honestStartSends(setup: Configuration['setup'], k: number, b: Bit): Move[] {
	const fresh: Configuration = {...initialConfiguration(setup), setup: {...setup, inputs: setup.inputs.map((v, i) => (i === k - 1 ? b : v))}};
	const {outgoing} = runNode(fresh, k, work => setup.protocol.start(work), {...nodeOf(fresh, k), started: true});
	return outgoing.map(out => ({kind: 'send', message: {to: out.to, from: k, slot: out.slot, value: out.value}}));
}

/** Every legal move, in the fixed order documented above. */
export function legalMoves(c: Configuration): Move[] {
	const deliveries: Move[] = c.pool.map(e => ({kind: 'deliver', message: e.message}));
	return [...deliveries, ...legalCorruptions(c), ...legalSends(c)];
}
