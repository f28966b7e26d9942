/**
 * The protocol adapter: runs a protocol's own code (`start`, `receive`, `closed`) on a packed
 * state, through a reused node object (`ByteNode`) that reads and writes the node's block, and
 * keeps every state canonical: what can no longer matter is blanked (`settle`). Inert messages
 * (reduce.ts) are dropped and the dead state of crashed or byzantine nodes left out;
 * docs/engine.md says why R stays exact.
 */
import type {Configuration, Setup} from '../configuration.js';
import type {Bit} from '../types.js';
import type {NodeView, NodeWork} from '../protocol.js';
import {CLOSED, KIND, OUTPUT, OUTPUT_SHIFT, type PackedLayout, STARTED, STATUS, lowestBit} from './layout.js';

export class ProtocolAdapter {
	private readonly nodes: ByteNode[] = [];
	/**
	 * Where the broadcasts of the step being recorded are noted (`record`), -1 for none: a count
	 * (-1 once there were more than 2 per slot), then each as slot << 8 | value.
	 */
	private recording = -1;
	private notes: Int32Array = new Int32Array(0);
	private readonly n: number;
	private readonly block: number;
	private readonly slots: number;
	private readonly rows: number;
	private readonly poolAt: number;
	private readonly perRecipient: number;
	private readonly toOf: Int16Array;
	private readonly fromOf: Int16Array;
	private readonly slotOf: Int16Array;
	private readonly valueOf: Int16Array;

	constructor(
		readonly layout: PackedLayout,
		readonly setup: Setup,
	) {
		({n: this.n, block: this.block, slots: this.slots, rows: this.rows, poolAt: this.poolAt, perRecipient: this.perRecipient} = layout);
		({toOf: this.toOf, fromOf: this.fromOf, slotOf: this.slotOf, valueOf: this.valueOf} = layout);
		for (let node = 1; node <= this.n; node++) this.nodes[node] = new ByteNode(this, node);
	}

	/** Note the broadcasts of the deliveries from now on in `notes` at `at` (see `recording`); -1 stops. */
	record(notes: Int32Array, at: number): void {
		this.notes = notes;
		this.recording = at;
	}

	/** Note a broadcast of the step being recorded. */
	noteBroadcast(slot: number, value: number): void {
		if (this.recording < 0) return;
		const notes = this.notes;
		const count = notes[this.recording]!;
		if (count < 0) return;
		if (count === 2 * this.slots) {
			notes[this.recording] = -1;
			return;
		}

		notes[this.recording + count + 1] = (slot << 8) | value;
		notes[this.recording] = count + 1;
	}

	/** Run the recipient's reaction to message `id`, in place (the recipient is processing). */
	deliver(state: Uint8Array, id: number): void {
		const to = this.toOf[id]!;
		const {protocol} = this.setup;
		const at = (to - 1) * this.block;
		const slot = this.slotOf[id]!;
		const work = this.nodes[to]!;
		if ((state[at]! & STARTED) === 0) {
			state[at]! |= STARTED;
			work.load(state);
			protocol.start(work);
			work.store();
		}

		if (slot === -1) return;
		const from = this.fromOf[id]!;
		const index = at + this.rows + from * this.slots + slot;
		if (state[index] !== 0) return;
		const value = this.valueOf[id]!;
		state[index] = value + 1;
		work.load(state);
		protocol.receive(work, from, slot, value);
		work.store();
	}

	/** Record a send: the message joins the pool unless the recipient would ignore it. */
	send(state: Uint8Array, to: number, from: number, slot: number, value: number): void {
		// (The layout's `processing`, read here: a send is the model's most frequent step.)
		const status = state[(to - 1) * this.block]! & STATUS;
		if (status !== 0 && status !== 2) return;
		const at = (to - 1) * this.block + this.rows + from * this.slots + slot;
		if (state[at] !== 0) return;
		const id = this.layout.id(to, from, slot, value);
		state[this.poolAt + (id >> 3)]! |= 1 << (id & 7);
	}

	/** The state of a configuration, canonical. */
	encode(c: Configuration): Uint8Array {
		const {size, local} = this.layout;
		const state = new Uint8Array(size);
		for (const [index, node] of c.nodes.entries()) {
			const at = index * this.block;
			state[at] = (node.corrupt ? KIND[node.corrupt] : 0) | (node.started ? STARTED : 0) | ((node.output ?? 2) << OUTPUT_SHIFT);
			for (let j = 0; j < local; j++) state[at + 1 + j] = node.local[j]!;
			// (A configuration keeps a row for sender 0 too, never written: it is left out here.)
			for (let j = this.slots; j < node.received.length; j++) state[at + this.rows + j] = node.received[j]! + 1;
		}

		for (const {message: m} of c.pool) {
			const id = this.layout.id(m.to, m.from, m.slot, m.value);
			state[this.poolAt + (id >> 3)]! |= 1 << (id & 7);
		}
		this.canonicalize(state);
		return state;
	}

	/** Blank what can no longer matter and drop inert messages, for every node. */
	private canonicalize(state: Uint8Array): void {
		for (let node = 1; node <= this.n; node++) this.settle(state, node);
	}

	/**
	 * Canonical form again after node's state changed: blank a corrupt node's dead state or its
	 * newly closed slots, and drop the messages to it that became inert. Messages to it have
	 * contiguous ids, so only that stretch of the pool is looked at.
	 */
	settle(state: Uint8Array, node: number): void {
		const {n, block, slots, poolAt} = this;
		const at = (node - 1) * block;
		const first = this.layout.id(node, 0, -1, -1);
		const last = first + this.perRecipient;
		if (!this.layout.processing(state, node)) {
			state[at]! &= STATUS;
			state.fill(0, at + 1, at + block);
			for (let id = first; id < last; id++) {
				const byte = poolAt + (id >> 3);
				if (state[byte] !== 0) state[byte]! &= ~(1 << (id & 7));
			}

			return;
		}

		const base = at + this.rows;
		const started = (state[at]! & STARTED) !== 0;
		if (started) {
			const protocol = this.setup.protocol;
			// Local state that no step reads before writing it carries nothing (rule 4).
			const scratch = protocol.scratch;
			if (scratch) for (const j of scratch) state[at + 1 + j] = 0;
			let view: NodeView | null = null;
			for (let slot = 0; slot < slots; slot++) {
				// Closed for one sender (sender 1's record) is closed for all.
				if (state[base + slots + slot] === CLOSED) continue;
				// The node is read only when some slot is still open.
				view ??= this.nodes[node]!.load(state);
				if (!protocol.closed(view, slot)) continue;
				for (let from = 1; from <= n; from++) state[base + from * slots + slot] = CLOSED;
			}
		}

		// Only the pending ones: whole empty bytes are skipped. A start message is inert once the
		// node started, any other once its slot holds a record from that sender (or is closed).
		for (let byte = poolAt + (first >> 3); byte <= poolAt + ((last - 1) >> 3); byte++) {
			let bits = state[byte]!;
			if (bits === 0) continue;
			for (let rest = bits; rest !== 0; rest &= rest - 1) {
				const b = lowestBit(rest);
				const id = ((byte - poolAt) << 3) + b;
				if (id < first || id >= last) continue;
				if (this.inert(state, base, started, id)) bits &= ~(1 << b);
			}

			state[byte] = bits;
		}
	}

	/**
	 * Whether a message to a processing node is inert: a start message once the node started,
	 * any other once its slot holds a record from that sender (or is closed). `base` is where the
	 * node's records are.
	 */
	private inert(state: Uint8Array, base: number, started: boolean, id: number): boolean {
		const slot = this.slotOf[id]!;
		return slot === -1 ? started : state[base + this.fromOf[id]! * this.slots + slot] !== 0;
	}
}

/**
 * One node over the state it loaded last, reused: the view that `closed` reads and the work
 * copy a protocol step changes (`load` before a step, `store` after).
 */
class ByteNode implements NodeView, NodeWork {
	readonly n: number;
	readonly f: number;
	readonly local: number[];
	input: Bit = 0;
	private readonly at: number;
	private readonly base: number;
	private readonly slots: number;
	/** The input, and the one a `lie` node acts on. */
	private readonly honestInput: Bit;
	private readonly lieInput: Bit;
	/** The state loaded last. */
	private state: Uint8Array = new Uint8Array(0);

	constructor(
		private readonly adapter: ProtocolAdapter,
		readonly self: number,
	) {
		const {layout, setup} = adapter;
		this.n = layout.n;
		this.f = setup.f;
		this.at = (self - 1) * layout.block;
		this.base = this.at + layout.rows;
		this.slots = layout.slots;
		this.local = new Array<number>(layout.local).fill(0);
		this.honestInput = setup.inputs[self - 1] ?? 0;
		this.lieInput = (1 - this.honestInput) as Bit;
	}

	/** Read input and local state from a state. */
	load(state: Uint8Array): this {
		this.state = state;
		this.input = (state[this.at]! & STATUS) === 2 ? this.lieInput : this.honestInput;
		const local = this.local;
		for (let j = 0; j < local.length; j++) local[j] = state[this.at + 1 + j]!;
		return this;
	}

	/** Write local state back into the state loaded last. */
	store(): void {
		const state = this.state;
		const local = this.local;
		for (let j = 0; j < local.length; j++) state[this.at + 1 + j] = local[j]!;
	}

	get started(): boolean {
		return (this.state[this.at]! & STARTED) !== 0;
	}

	get output(): Bit | null {
		const o = (this.state[this.at]! & OUTPUT) >> OUTPUT_SHIFT;
		return o === 2 ? null : (o as Bit);
	}

	get(from: number, slot: number): number {
		const b = this.state[this.base + from * this.slots + slot]!;
		return b === 0 || b === CLOSED ? -1 : b - 1;
	}

	broadcast(slot: number, value: number): void {
		const state = this.state;
		const own = this.base + this.self * this.slots + slot;
		if (state[own] === 0) state[own] = value + 1;
		this.adapter.noteBroadcast(slot, value);
		for (let to = 1; to <= this.n; to++) if (to !== this.self) this.adapter.send(state, to, this.self, slot, value);
	}

	decide(value: Bit): void {
		const state = this.state;
		if ((state[this.at]! & OUTPUT) === 2 << OUTPUT_SHIFT) state[this.at] = (state[this.at]! & ~OUTPUT) | (value << OUTPUT_SHIFT);
	}
}
