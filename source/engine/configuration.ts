import type {NodeView, ProtocolInstance} from './protocol.js';
import {BEHAVIOURS, type Behaviour, type Bit, type Message, startMessage} from './types.js';

/** What a game is played on: the protocol instance, inputs, f and the allowed behaviours. */
export interface Setup {
	readonly protocol: ProtocolInstance;
	readonly n: number;
	readonly f: number;
	/** inputs[i - 1] is node i's input. */
	readonly inputs: readonly Bit[];
	/** Allowed corruptions, in the order of BEHAVIOURS; empty means none. */
	readonly allowed: readonly Behaviour[];
	/** The rounds, for a protocol that takes them (`Protocol.hasRounds`); undefined otherwise. */
	readonly rounds?: number;
}

export interface NodeState {
	readonly started: boolean;
	readonly corrupt: Behaviour | null;
	/** First value recorded per (sender, slot), -1 for none: index `from * slotCount + slot`. */
	readonly received: readonly number[];
	readonly local: readonly number[];
	readonly output: Bit | null;
}

export interface PoolEntry {
	readonly message: Message;
	/** The step at which the message entered the pool (start messages: 0). */
	readonly age: number;
	/** The message's rank in the tie-break order: recipient, sender, slot, value. */
	readonly id: number;
}

/**
 * A configuration: everything docs/model.md counts as one. Immutable; moves make new ones.
 * `pool` is kept sorted oldest first (age, then recipient, sender, slot, value).
 */
export interface Configuration {
	readonly setup: Setup;
	/** Moves applied so far: the next move is step `step + 1`. */
	readonly step: number;
	/** nodes[i - 1] is node i. */
	readonly nodes: readonly NodeState[];
	readonly pool: readonly PoolEntry[];
	/** Ids of the messages byzantine nodes have sent, sorted. */
	readonly sent: readonly number[];
}

export interface SetupInput {
	readonly protocol: ProtocolInstance;
	readonly inputs: readonly Bit[];
	readonly allowed: readonly Behaviour[];
	/** For a protocol that takes rounds. */
	readonly rounds?: number;
}

export function makeSetup({protocol, inputs, allowed, rounds}: SetupInput): Setup {
	const ordered = BEHAVIOURS.filter(b => allowed.includes(b));
	return {protocol, n: protocol.n, f: protocol.f, inputs: [...inputs], allowed: ordered, ...(rounds === undefined ? {} : {rounds})};
}

/**
 * A message's rank in the tie-break order. Start messages (from 0, slot -1, value -1) rank first
 * among a recipient's messages.
 */
export function messageId(setup: Setup, m: Message): number {
	const slots = setup.protocol.slots.length;
	const values = maxDomain(setup);
	return ((m.to * (setup.n + 1) + m.from) * (slots + 1) + (m.slot + 1)) * (values + 1) + (m.value + 1);
}

export function maxDomain(setup: Setup): number {
	let most = 0;
	for (const slot of setup.protocol.slots) most = Math.max(most, slot.values.length);
	return most;
}

export function comparePool(a: PoolEntry, b: PoolEntry): number {
	return a.age - b.age || a.id - b.id;
}

export function initialConfiguration(setup: Setup): Configuration {
	const size = (setup.n + 1) * setup.protocol.slots.length;
	const node: NodeState = {
		started: false,
		corrupt: null,
		received: new Array<number>(size).fill(-1),
		local: [...setup.protocol.initialLocal],
		output: null,
	};
	const pool: PoolEntry[] = [];
	for (let r = 1; r <= setup.n; r++) {
		const message = startMessage(r);
		pool.push({message, age: 0, id: messageId(setup, message)});
	}
	return {setup, step: 0, nodes: Array.from({length: setup.n}, () => node), pool, sent: []};
}

export const nodeOf = (c: Configuration, i: number): NodeState => {
	const node = c.nodes[i - 1];
	if (!node) throw new Error(`bug: no node ${i} in a configuration of ${c.nodes.length}`);
	return node;
};

/** Nodes whose honest logic still runs (honest or corrupted as `lie`). */
export const isProcessing = (node: NodeState): boolean => node.corrupt === null || node.corrupt === 'lie';

export const corruptCount = (c: Configuration): number => c.nodes.filter(node => node.corrupt !== null).length;

/** The input node i acts on: its own, or the opposite for a lying node. */
export function actingInput(c: Configuration, i: number): Bit {
	const v = c.setup.inputs[i - 1] ?? 0;
	return nodeOf(c, i).corrupt === 'lie' ? ((1 - v) as Bit) : v;
}

export const isQuiescent = (c: Configuration): boolean => c.pool.length === 0;

/** The oldest pending message, or undefined for an empty pool. */
export const oldest = (c: Configuration): PoolEntry | undefined => c.pool[0];

/**
 * "The same configuration" as a key: node states, the pool (as a set, or in its order when
 * `ordered`, since the oldest message depends on it) and the byzantine nodes' sends. Ages and the
 * step count are left out. (The analysis's packed keys, and `flp attack`'s search key, mean less:
 * they also leave out what can no longer matter.)
 */
export function configKey(c: Configuration, ordered = false): string {
	const pool = c.pool.map(e => e.id);
	if (!ordered) pool.sort((a, b) => a - b);
	const nodes = c.nodes.map(node => `${node.started ? 1 : 0}${node.corrupt?.[0] ?? '-'}${node.output ?? '-'}:${node.received.join(',')}:${node.local.join(',')}`);
	return `${nodes.join('|')}#${pool.join(',')}#${c.sent.join(',')}`;
}

export function findInPool(c: Configuration, m: Message): PoolEntry | undefined {
	const id = messageId(c.setup, m);
	return c.pool.find(entry => entry.id === id);
}

/** A read-only view of node i, for protocol summaries and the UI. */
export function nodeView(c: Configuration, i: number): NodeView {
	const node = nodeOf(c, i);
	const slots = c.setup.protocol.slots.length;
	return {
		n: c.setup.n,
		self: i,
		input: actingInput(c, i),
		started: node.started,
		local: node.local,
		output: node.output,
		get: (from, slot) => node.received[from * slots + slot] ?? -1,
	};
}

/** The protocol's one-line summary of node i's local state. */
export const nodeSummary = (c: Configuration, i: number): string => c.setup.protocol.summary(nodeView(c, i));
