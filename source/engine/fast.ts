/**
 * The analysis graph on flat bytes: one Uint8Array per state, compared by its bytes. Inert
 * messages (reduce.ts) are dropped, byzantine sends merged with their delivery, closed slots and
 * the dead state of crashed or byzantine nodes left out (docs/engine.md says why R stays exact),
 * and it is built for speed: no objects per state, and a key made of the state's bytes.
 *
 * Layout: per node i (1..n) a block of B bytes at (i - 1) * B:
 *   [0] a header: bits 0-1 the status (0 honest, 1 crash, 2 lie, 3 byzantine), bit 2 started,
 *       bits 3-4 the output (0, 1, or 2 for none)
 *   [1 .. 1 + L) local state   [1 + L ..) received, n * S bytes, sender by sender (1..n) and slot by
 *   slot: value + 1, 0 none, 255 closed (a closed slot is 255 for every sender)
 *   (padded to 5 bytes at least, so that a block lies in two words or more)
 * then the pool: one bit per message that can exist, by a dense id in the order of the tie-break
 * rank of configuration.ts (so moves are tried in the game's order).
 * Every state is canonical: what can no longer matter is blanked (see `canonicalize`).
 */
import type {Configuration, Setup} from './configuration.js';
import {BEHAVIOURS, type Behaviour, type Bit, type Message} from './types.js';
import type {NodeView, NodeWork} from './protocol.js';
import {INVALID, ONE, type OutcomeMask, SPLIT, STUCK, ZERO} from './outcomes.js';

/** A corruption's behaviour as a number (a node's status, in its header byte, and in corruption moves). */
export const KIND: Record<Behaviour, number> = {crash: 1, lie: 2, byzantine: 3};
const CLOSED = 255;
/** A node's header byte: its status (bits 0-1), whether it started (bit 2), its output (bits 3-4). */
const STATUS = 3;
const STARTED = 4;
const OUTPUT_SHIFT = 3;
const OUTPUT = 3 << OUTPUT_SHIFT;
/** Entries of the step cache (`FastModel.step`): a power of two. */
const STEP_ENTRIES = 1 << 16;
const STEP_MASK = STEP_ENTRIES - 1;
/** Whether this machine stores numbers little-endian (the step cache reads a state's bytes as words). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
/** Where an entry of the step cache keeps the block before the step (after the message id). */
const STEP_BEFORE = 1;

/** 256 well-mixed numbers, so sums of them tell multisets of bytes apart (almost always). */
const MIX = (() => {
	const table = new Int32Array(256);
	let x = 0x9e3779b9;
	for (let i = 0; i < 256; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		table[i] = x;
	}

	return table;
})();

/** An analysis move, as a number: a delivery, a corruption or an injection (see `decode`). */
export type FastMove = number;

export class FastModel {
	readonly n: number;
	readonly slots: number;
	readonly local: number;
	readonly block: number;
	/**
	 * Where sender 0's row of records would be in a block (there is none: senders are 1..n), so
	 * that sender s's record of slot k is at the block's start + rows + s * slots + k.
	 */
	readonly rows: number;
	readonly messages: number;
	readonly poolAt: number;
	readonly size: number;
	private readonly toOf: Int16Array;
	private readonly fromOf: Int16Array;
	private readonly slotOf: Int16Array;
	private readonly valueOf: Int16Array;
	private readonly behaviours: number[];
	/** Whether the protocol declares arrival order at a node irrelevant (`orderFree`). */
	readonly orderFree: boolean;
	/** The node each move acts on (`nodeOf`), by move number: one read in the search's loop. */
	readonly nodeOfMove: Int8Array;
	/** Where each slot's values start among one sender's messages; how many values in all. */
	private readonly slotBase: Int32Array;
	/** How many values each slot carries. */
	private readonly domains: Int32Array;
	private readonly perSender: number;
	private readonly perRecipient: number;
	private readonly nodes: ByteNode[] = [];

	/**
	 * `symmetry: false` keeps every node's number (for measuring raw exploration); `stepCache:
	 * false` computes every step afresh (to check the cache against).
	 */
	constructor(
		readonly setup: Setup,
		symmetry = true,
		stepCache = true,
	) {
		const {n, protocol} = setup;
		this.n = n;
		this.slots = protocol.slots.length;
		this.local = protocol.initialLocal.length;
		this.block = Math.max(5, 1 + this.local + n * this.slots);
		this.rows = 1 + this.local - this.slots;
		// Dense message ids, in the order of the tie-break rank (configuration.ts): by recipient,
		// its start message first, then by sender, slot and value. Messages to one node are
		// contiguous, and the pool holds a bit for every message that can exist.
		this.slotBase = new Int32Array(this.slots);
		this.domains = Int32Array.from(protocol.slots, slot => slot.values.length);
		let domains = 0;
		for (let slot = 0; slot < this.slots; slot++) {
			this.slotBase[slot] = domains;
			domains += protocol.slots[slot]!.values.length;
		}

		this.perSender = domains;
		this.perRecipient = 1 + n * domains;
		this.messages = n * this.perRecipient;
		this.poolAt = n * this.block;
		// A whole number of 32-bit words, so states hash and compare a word at a time.
		this.size = Math.ceil((this.poolAt + Math.ceil(this.messages / 8)) / 4) * 4;
		this.toOf = new Int16Array(this.messages);
		this.fromOf = new Int16Array(this.messages);
		this.slotOf = new Int16Array(this.messages);
		this.valueOf = new Int16Array(this.messages);
		for (let to = 1; to <= n; to++) {
			const start = this.id(to, 0, -1, -1);
			this.toOf[start] = to;
			this.slotOf[start] = -1;
			this.valueOf[start] = -1;
			for (let from = 1; from <= n; from++) {
				for (let slot = 0; slot < this.slots; slot++) {
					for (let value = 0; value < protocol.slots[slot]!.values.length; value++) {
						const id = this.id(to, from, slot, value);
						this.toOf[id] = to;
						this.fromOf[id] = from;
						this.slotOf[id] = slot;
						this.valueOf[id] = value;
					}
				}
			}
		}

		this.orderFree = protocol.orderFree === true;
		this.nodeOfMove = new Int8Array(this.maxMoves);
		for (let move = 0; move < this.maxMoves; move++) {
			const m = this.messages;
			this.nodeOfMove[move] = move < m ? this.toOf[move]! : move < 2 * m ? this.toOf[move - m]! : (move - 2 * m) >> 2;
		}

		this.behaviours = setup.f === 0 ? [] : setup.allowed.map(b => KIND[b]);
		for (let node = 1; node <= n; node++) this.nodes[node] = new ByteNode(this, node);
		const groups = new Map<string, number[]>();
		let symmetric = protocol.role !== undefined;
		for (let node = 1; node <= n; node++) {
			const role = protocol.role?.(node);
			if (role === undefined) symmetric = false;
			const group = `${role}/${setup.inputs[node - 1]}`;
			groups.set(group, [...(groups.get(group) ?? []), node]);
		}

		this.classes = symmetry && symmetric ? [...groups.values()].filter(members => members.length > 1) : [];
		this.sigs = new Int32Array(n + 1);
		this.ids = new Int32Array(this.messages);
		this.newOf = new Int8Array(n + 1);

		// Every renumbering that keeps each class, numbered from 0 (the identity).
		let perms: Int8Array[] = [Int8Array.from({length: n + 1}, (_, node) => node)];
		for (const members of this.classes) {
			perms = perms.flatMap(base =>
				arrangements(members).map(order => {
					const perm = base.slice();
					for (const [k, m] of members.entries()) perm[m] = order[k]!;
					return perm;
				}),
			);
		}

		// The memo's links keep a renumbering in 10 bits (state-table.ts); n ≤ 6 needs at most 720.
		if (perms.length > 1024) throw new Error('bug: renumberings must fit the memo links (at most 1,024)');
		this.perms = perms;
		this.permIndex = new Int16Array((n + 1) ** (n + 1)).fill(-1);
		for (const [index, perm] of perms.entries()) this.permIndex[this.codeOf(perm)] = index;
		const count = perms.length;
		this.composed = new Int16Array(count * count);
		this.inverses = new Int16Array(count);
		for (let k1 = 0; k1 < count; k1++) {
			for (let k2 = 0; k2 < count; k2++) {
				const both = perms[k2]!.map(node => perms[k1]![node]!);
				const index = this.permIndex[this.codeOf(both)]!;
				this.composed[k1 * count + k2] = index;
				if (index === 0) this.inverses[k1] = k2;
			}
		}

		// The step cache. Per node: the words its block lies in, with masks of the block's bytes
		// in the first and last, and the words its incoming messages lie in (message id's bit is bit
		// 8 * poolAt + id of the state, counting from bit 0 of word 0: words are little-endian).
		// A block is at least 5 bytes, so it lies in 2 words or more.
		this.blockAt = new Int32Array(n + 1);
		this.blockWordsOf = new Int32Array(n + 1);
		this.headMask = new Int32Array(n + 1);
		this.tailMask = new Int32Array(n + 1);
		this.spanAt = new Int32Array(n + 1);
		this.spanOf = new Int32Array(n + 1);
		let widest = 0;
		for (let node = 1; node <= n; node++) {
			const at = (node - 1) * this.block;
			this.blockAt[node] = at >> 2;
			widest = Math.max(widest, ((at + this.block - 1) >> 2) - (at >> 2) + 1);
			const first = 8 * this.poolAt + this.id(node, 0, -1, -1);
			this.spanAt[node] = first >> 5;
			this.spanOf[node] = ((first + this.perRecipient - 1) >> 5) - (first >> 5) + 1;
		}

		this.blockWords = widest;
		for (let node = 1; node <= n; node++) {
			const at = (node - 1) * this.block;
			const end = at + this.block - 1;
			this.blockWordsOf[node] = (end >> 2) - (at >> 2) + 1;
			this.headMask[node] = -1 << (8 * (at & 3));
			this.tailMask[node] = -1 >>> (8 * (3 - (end & 3)));
		}

		this.stepSends = STEP_BEFORE + 2 * this.blockWords;
		this.stepKeep = this.stepSends + 1 + 2 * this.slots;
		this.stepStride = Math.ceil((this.stepKeep + Math.max(...this.spanOf)) / 8) * 8;
		this.caching = stepCache && LITTLE_ENDIAN;
		this.poolWord = this.poolAt >> 2;
		this.slotBits = Int32Array.from(protocol.slots, (slot, k) => (this.perSender > 32 ? 0 : (2 ** slot.values.length - 1) * 2 ** this.slotBase[k]!) | 0);
		// The pool's bytes in its first word: the high bytes on a little-endian machine, the low ones else.
		this.poolHead = LITTLE_ENDIAN ? -1 << (8 * (this.poolAt & 3)) : -1 >>> (8 * (this.poolAt & 3)) | 0;
		// Per node, per word of the state from the pool's first on: the pool's bits that are not
		// messages to the node (for `absorber`).
		const poolWords = this.size / 4 - this.poolWord;
		this.othersOf = new Int32Array((n + 1) * poolWords);
		for (let node = 1; node <= n; node++) {
			for (let id = 0; id < this.messages; id++) {
				if (this.toOf[id] === node) continue;
				const byte = this.poolAt + (id >> 3);
				const bit = 8 * (LITTLE_ENDIAN ? byte & 3 : 3 - (byte & 3)) + (id & 7);
				this.othersOf[node * poolWords + (byte >> 2) - this.poolWord]! |= 1 << bit;
			}
		}
		this.steps = new Int32Array(this.caching ? STEP_ENTRIES * this.stepStride : 0);

		const most = this.maxMoves;
		this.moveMaps = new Int32Array(count * most);
		for (let k = 0; k < count; k++) {
			const perm = perms[k]!;
			for (let move = 0; move < most; move++) this.moveMaps[k * most + move] = this.renumberMove(move, perm);
		}
	}

	/**
	 * Renumberings of nodes that keep every class (each a new number per node, index 0 unused),
	 * numbered from 0, the identity; with symmetry off there is only the identity. `key` says
	 * which one it used (`lastPerm`), and the memo links store them, so a stored state's links,
	 * kept in its key's numbering, serve every state with that key.
	 */
	private readonly perms: readonly Int8Array[];
	/** The renumbering `key` applied last: real numbers to the key's. */
	lastPerm = 0;
	private readonly permIndex: Int16Array;
	private readonly composed: Int16Array;
	private readonly inverses: Int16Array;
	private readonly moveMaps: Int32Array;

	private codeOf(perm: Int8Array): number {
		let code = 0;
		for (let node = this.n; node >= 1; node--) code = code * (this.n + 1) + perm[node]!;
		return code;
	}

	/** The renumbering that does `second` after `first`. */
	compose(second: number, first: number): number {
		return this.composed[second * this.perms.length + first]!;
	}

	inverse(perm: number): number {
		return this.inverses[perm]!;
	}

	/** A move with its nodes renumbered by `perm` (an index into `perms`). */
	renumbered(perm: number, move: FastMove): FastMove {
		return perm === 0 ? move : this.moveMaps[perm * this.maxMoves + move]!;
	}

	private renumberMove(move: FastMove, perm: Int8Array): FastMove {
		const m = this.messages;
		if (move >= 2 * m) return 2 * m + perm[(move - 2 * m) >> 2]! * 4 + ((move - 2 * m) & 3);
		const id = move < m ? move : move - m;
		const moved = this.id(perm[this.toOf[id]!]!, perm[this.fromOf[id]!]!, this.slotOf[id]!, this.valueOf[id]!);
		return move < m ? moved : m + moved;
	}

	/**
	 * Classes of interchangeable nodes (same role, same input), each of two or more; empty when
	 * no renumbering can merge states.
	 */
	private readonly classes: number[][];
	private readonly sigs: Int32Array;
	/** Pending message ids of the state being keyed or expanded (see `pending`). */
	private readonly ids: Int32Array;
	private readonly newOf: Int8Array;

	/**
	 * The key of a state: the state with interchangeable nodes renumbered in a fixed way (sorted
	 * by a signature that does not depend on node numbers), written into `into`. States with the
	 * same key are renumberings of each other, so they have the same R.
	 *
	 * A node's signature is the hash of its own block (`blockSignature`) plus, for each pending
	 * message, a number for its kind, added to its recipient's and (times 3) to its sender's.
	 */
	key(state: Uint8Array, into: Uint8Array): Uint8Array {
		if (this.classes.length === 0) {
			this.lastPerm = 0;
			return state;
		}

		return this.arrange(state, into, this.signaturesOf(state));
	}

	/** Whether keys renumber nodes at all (false with symmetry off or no interchangeable nodes). */
	get renumbers(): boolean {
		return this.classes.length > 0;
	}

	/**
	 * A state's signatures as `key` computes them, written at `at` (n + 1 numbers from there)
	 * into `sigs`, with the block signatures alone into `blocks`: what `keyAfter` needs of a
	 * parent.
	 */
	signatures(state: Uint8Array, sigs: Int32Array, blocks: Int32Array, at: number): void {
		this.signaturesOf(state, blocks, at);
		for (let node = 1; node <= this.n; node++) sigs[at + node] = this.sigs[node]!;
	}

	/**
	 * A state's signatures, into `sigs` (and its block signatures into `blocks` at `at`, when
	 * given), with its pending ids listed in `ids`; returns how many there are.
	 */
	private signaturesOf(state: Uint8Array, blocks?: Int32Array, at = 0): number {
		for (let node = 1; node <= this.n; node++) {
			this.sigs[node] = this.blockSignature(state, node);
			if (blocks) blocks[at + node] = this.sigs[node]!;
		}

		const count = this.pending(state);
		for (let k = 0; k < count; k++) this.addTraffic(this.sigs, this.ids[k]!, 1);
		return count;
	}

	/**
	 * The key of `state` (as `key` gives it), a successor of `parent` by a move on `node`, from
	 * the parent's signatures (`signatures`, at `from` in `parentSigs` and `parentBlocks`): only
	 * that node's block and the pool changed, so only they are read. The successor's signatures
	 * are written at `to` in `sigs` and `blocks`.
	 */
	keyAfter(
		parent: Uint8Array,
		parentSigs: Int32Array,
		parentBlocks: Int32Array,
		from: number,
		state: Uint8Array,
		node: number,
		into: Uint8Array,
		sigs: Int32Array,
		blocks: Int32Array,
		to: number,
	): Uint8Array {
		const sig = this.sigs;
		for (let other = 1; other <= this.n; other++) {
			sig[other] = parentSigs[from + other]!;
			blocks[to + other] = parentBlocks[from + other]!;
		}

		blocks[to + node] = this.blockSignature(state, node);
		sig[node] = (sig[node]! - parentBlocks[from + node]! + blocks[to + node]!) | 0;
		for (let byte = this.poolAt; byte < state.length; byte++) {
			for (let changed = state[byte]! ^ parent[byte]!; changed !== 0; changed &= changed - 1) {
				const b = lowestBit(changed);
				this.addTraffic(sig, ((byte - this.poolAt) << 3) + b, (state[byte]! & (1 << b)) !== 0 ? 1 : -1);
			}
		}

		for (let other = 1; other <= this.n; other++) sigs[to + other] = sig[other]!;
		return this.arrange(state, into, -1);
	}

	/** A node's own bytes and records, and the values others sent it (as a sum, so the senders' numbers do not matter). */
	private blockSignature(state: Uint8Array, node: number): number {
		const {n, block, slots, local} = this;
		const at = (node - 1) * block;
		let h = 0;
		for (let j = 0; j < 1 + local; j++) h = Math.imul(h ^ state[at + j]!, 0x01000193);
		const base = at + this.rows;
		for (let slot = 0; slot < slots; slot++) {
			h = Math.imul(h ^ state[base + node * slots + slot]!, 0x01000193);
			let others = 0;
			for (let from = 1; from <= n; from++) if (from !== node) others += MIX[state[base + from * slots + slot]!]!;
			h = Math.imul(h ^ others ^ (slot << 24), 0x01000193);
		}

		return h;
	}

	/** Add (sign 1) or take away (sign -1) a pending message's part of its nodes' signatures. */
	private addTraffic(sig: Int32Array, id: number, sign: number): void {
		const kind = MIX[((this.slotOf[id]! + 2) * 8 + this.valueOf[id]! + 1) & 255]!;
		const to = this.toOf[id]!;
		sig[to] = (sig[to]! + sign * kind) | 0;
		const from = this.fromOf[id]!;
		if (from !== 0) sig[from] = (sig[from]! + sign * Math.imul(kind, 3)) | 0;
	}

	/**
	 * Renumber by the signatures in `sigs`: within each class, by (signature, number). `count` is
	 * how many pending ids `ids` holds for this state, or -1 when they are still to be listed.
	 */
	private arrange(state: Uint8Array, into: Uint8Array, count: number): Uint8Array {
		const n = this.n;
		const sig = this.sigs;
		const newOf = this.newOf;
		let identity = true;
		for (let node = 0; node <= n; node++) newOf[node] = node;
		for (const members of this.classes) {
			// A member's new number: its rank in the class by (signature, number).
			for (const m of members) {
				let rank = 0;
				for (const other of members) if (sig[other]! < sig[m]! || (sig[other] === sig[m] && other < m)) rank++;
				newOf[m] = members[rank]!;
				if (newOf[m] !== m) identity = false;
			}
		}

		if (identity) {
			this.lastPerm = 0;
			return state;
		}

		this.lastPerm = this.permIndex[this.codeOf(newOf)]!;
		// Every node byte is written below, from where the renumbering takes it; only the pool
		// and the padding need clearing.
		const sources = this.sourcesOf(this.lastPerm);
		const poolAt = this.poolAt;
		// Four bytes a turn: V8 checks the arrays and reloads their data once per turn, not per byte.
		let k = 0;
		for (; k + 4 <= poolAt; k += 4) {
			into[k] = state[sources[k]!]!;
			into[k + 1] = state[sources[k + 1]!]!;
			into[k + 2] = state[sources[k + 2]!]!;
			into[k + 3] = state[sources[k + 3]!]!;
		}

		for (; k < poolAt; k++) into[k] = state[sources[k]!]!;
		into.fill(0, poolAt);

		const ids = this.ids;
		const pending = count >= 0 ? count : this.pending(state);
		for (let k = 0; k < pending; k++) {
			const moved = this.renumbered(this.lastPerm, ids[k]!);
			into[this.poolAt + (moved >> 3)]! |= 1 << (moved & 7);
		}

		return into;
	}

	/** Per renumbering, made on first use: where each node byte of a renumbered state comes from. */
	private readonly sources: (Int32Array | undefined)[] = [];

	private sourcesOf(perm: number): Int32Array {
		const known = this.sources[perm];
		if (known) return known;
		const {n, block, slots} = this;
		const newOf = this.perms[perm]!;
		const sources = new Int32Array(this.poolAt);
		for (let old = 1; old <= n; old++) {
			const from = (old - 1) * block;
			const to = (newOf[old]! - 1) * block;
			// The header, local state and any padding stay in place; the records move by sender.
			for (let j = 0; j < block; j++) sources[to + j] = from + j;
			for (let sender = 1; sender <= n; sender++) {
				const row = from + this.rows + sender * slots;
				const target = to + this.rows + newOf[sender]! * slots;
				for (let slot = 0; slot < slots; slot++) sources[target + slot] = row + slot;
			}
		}

		this.sources[perm] = sources;
		return sources;
	}

	/**
	 * The ids of the pending messages, in order, written into `ids` (by default a reused buffer)
	 * from `count` on; returns the new count.
	 */
	private pending(state: Uint8Array, ids: Int32Array = this.ids, count = 0): number {
		const poolAt = this.poolAt;
		const size = this.size;
		for (let byte = poolAt; byte < size; byte++) {
			const bits = state[byte]!;
			if (bits === 0) continue;
			const first = (byte - poolAt) << 3;
			for (let rest = bits; rest !== 0; rest &= rest - 1) ids[count++] = first + lowestBit(rest);
		}

		return count;
	}

	/** The id of a message: a protocol message (from ≥ 1, slot ≥ 0), or a start message (slot -1). */
	id(to: number, from: number, slot: number, value: number): number {
		if (slot === -1) return (to - 1) * this.perRecipient;
		return (to - 1) * this.perRecipient + 1 + (from - 1) * this.perSender + this.slotBase[slot]! + value;
	}

	message(id: number): Message {
		return {to: this.toOf[id]!, from: this.fromOf[id]!, slot: this.slotOf[id]!, value: this.valueOf[id]!};
	}

	/** The state of a configuration, canonical. */
	encode(c: Configuration): Uint8Array {
		const state = new Uint8Array(this.size);
		for (const [index, node] of c.nodes.entries()) {
			const at = index * this.block;
			state[at] = (node.corrupt ? KIND[node.corrupt] : 0) | (node.started ? STARTED : 0) | ((node.output ?? 2) << OUTPUT_SHIFT);
			for (let j = 0; j < this.local; j++) state[at + 1 + j] = node.local[j]!;
			// (A configuration keeps a row for sender 0 too, never written: it is left out here.)
			for (let j = this.slots; j < node.received.length; j++) state[at + this.rows + j] = node.received[j]! + 1;
		}

		for (const {message: m} of c.pool) {
			const id = this.id(m.to, m.from, m.slot, m.value);
			state[this.poolAt + (id >> 3)]! |= 1 << (id & 7);
		}
		this.canonicalize(state);
		return state;
	}

	isQuiescent(state: Uint8Array): boolean {
		for (let i = this.poolAt; i < state.length; i++) if (state[i] !== 0) return false;
		return true;
	}

	/** `isQuiescent` of a state given as its words (a word at a time; the pool is at the end). */
	quiescentWords(words: Int32Array): boolean {
		if ((words[this.poolWord]! & this.poolHead) !== 0) return false;
		for (let w = this.poolWord + 1; w < words.length; w++) if (words[w] !== 0) return false;
		return true;
	}

	/**
	 * `pending` of a state given as its words: message id's bit is bit 8 * poolAt + id of the
	 * state, counting from bit 0 of word 0 (words are little-endian; not used on big-endian
	 * machines, where `searchMovesInto` reads bytes).
	 */
	private pendingWords(words: Int32Array, ids: Int32Array, count: number): number {
		// (Numbers as 32-bit integers, as in `step`.)
		const skip = (8 * this.poolAt) | 0;
		const end = words.length | 0;
		let w = this.poolWord | 0;
		let at = count | 0;
		for (let bits = words[w]! & this.poolHead; ; bits = words[w]!) {
			for (; bits !== 0; bits &= bits - 1) {
				ids[at] = ((w << 5) + lowestBit(bits) - skip) | 0;
				at = (at + 1) | 0;
			}

			w = (w + 1) | 0;
			if (w >= end) return at;
		}
	}

	private processing(state: Uint8Array, node: number): boolean {
		const kind = state[(node - 1) * this.block]! & STATUS;
		return kind === 0 || kind === 2;
	}

	private view(state: Uint8Array, node: number): NodeView {
		return this.nodes[node]!.load(state);
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
	private settle(state: Uint8Array, node: number): void {
		const {n, block, slots, poolAt} = this;
		const at = (node - 1) * block;
		const first = this.id(node, 0, -1, -1);
		const last = first + this.perRecipient;
		if (!this.processing(state, node)) {
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
			let view: NodeView | null = null;
			for (let slot = 0; slot < slots; slot++) {
				// Closed for one sender (sender 1's record) is closed for all.
				if (state[base + slots + slot] === CLOSED) continue;
				// The node is read only when some slot is still open.
				view ??= this.view(state, node);
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

	private corruptCount(state: Uint8Array): number {
		let count = 0;
		for (let node = 1; node <= this.n; node++) if ((state[(node - 1) * this.block]! & STATUS) !== 0) count++;
		return count;
	}

	/** The moves of a state, in a fixed order: deliveries by id, corruptions, injections. */
	moves(state: Uint8Array): FastMove[] {
		const out = new Int32Array(this.maxMoves);
		return Array.from(out.subarray(0, this.movesInto(state, out)));
	}

	/** The most moves a state can have (every delivery, corruption and injection), and a bound on move numbers. */
	get maxMoves(): number {
		return 2 * this.messages + 4 * (this.n + 1);
	}

	/**
	 * Whether two moves commute: they act on different nodes (a delivery or injection on its
	 * recipient, a corruption on the corrupted node). When each is still a move after the other,
	 * either order reaches the same state: a move changes only its node's block, and adds messages
	 * to the pool, and whether a message is recorded or dropped as inert depends on its recipient
	 * alone. (Whether each stays a move after the other is not claimed: with f = 1, corrupting one
	 * node takes away corrupting another.) For an `orderFree` protocol any two moves commute in
	 * that sense.
	 */
	commute(a: FastMove, b: FastMove): boolean {
		if (this.orderFree) return a !== b;
		return this.nodeOfMove[a] !== this.nodeOfMove[b];
	}

	/**
	 * The node that move `a` acted on, when `a` (a delivery or an injection) took `before` to
	 * `after` and sent nothing: the pools differ only in messages to that node. Else 0. The
	 * states are given as their words. Corrupting that node as crash or byzantine (`blanks`)
	 * then reaches the same state from `after` as from `before` (rule 7 of docs/engine.md).
	 */
	absorber(a: FastMove, before: Int32Array, after: Int32Array): number {
		const m = this.messages;
		if (a >= 2 * m) return 0;
		const node = this.toOf[a < m ? a : a - m]!;
		// A word at a time: the bits of the pool that are not messages to the node must agree.
		const others = this.othersOf;
		const at = node * (after.length - this.poolWord) - this.poolWord;
		for (let w = this.poolWord; w < after.length; w++) if (((before[w]! ^ after[w]!) & others[at + w]!) !== 0) return 0;
		return node;
	}

	/** Whether a move corrupts `node` as crash or byzantine (its own state is then left out). */
	blanks(move: FastMove, node: number): boolean {
		return move === this.corruption(node, KIND.crash) || move === this.corruption(node, KIND.byzantine);
	}

	/** The move that corrupts `node` with behaviour `kind` (1 crash, 2 lie, 3 byzantine). */
	corruption(node: number, kind: number): FastMove {
		return 2 * this.messages + node * 4 + kind;
	}

	/** The node a move acts on. */
	nodeOf(move: FastMove): number {
		return this.nodeOfMove[move]!;
	}

	/** The moves of a state, in the same order, written into `out`; returns how many. */
	movesInto(state: Uint8Array, out: Int32Array): number {
		const count = this.corruptionsInto(state, out, this.pending(state, out));
		return this.injectionsInto(state, out, count);
	}

	/**
	 * The moves of a state in the order the search tries them, written into `out`; returns how
	 * many. Corruptions come first: a corruption merges many histories (a crashed node's state is
	 * left out), so with them tried first, a delivery's successor reads "deliver, then corrupt"
	 * through the links of "corrupt, then deliver" (rule 6 of docs/engine.md) instead of
	 * building it again. R does not depend on the order.
	 */
	searchMovesInto(state: Uint8Array, out: Int32Array, words: Int32Array): number {
		// One look at every node's status says whether corruptions and injections are possible.
		const n = this.n | 0;
		const block = this.block | 0;
		let corrupt = 0;
		let byzantine = false;
		for (let at = 0; at < n * block; at = (at + block) | 0) {
			const status = state[at]! & STATUS;
			if (status === 0) continue;
			corrupt++;
			if (status === 3) byzantine = true;
		}

		const corruptions = corrupt < this.setup.f ? this.corruptionsFrom(state, out, 0) : 0;
		this.lastCorruptions = corruptions;
		if (!LITTLE_ENDIAN) {
			const count = this.pending(state, out, corruptions);
			return byzantine ? this.injectionsInto(state, out, count) : count;
		}

		const count = this.pendingWords(words, out, corruptions);
		return byzantine ? this.injectionsWords(state, words, out, count) : count;
	}

	/** How many of the moves `searchMovesInto` gave last are corruptions (they come first). */
	lastCorruptions = 0;

	/** The corruptions of a state, written into `out` from `count` on; returns the new count. */
	private corruptionsInto(state: Uint8Array, out: Int32Array, count: number): number {
		return this.corruptCount(state) < this.setup.f ? this.corruptionsFrom(state, out, count) : count;
	}

	/** The corruptions of a state with fewer than f corrupt nodes, written into `out` from `count` on; returns the new count. */
	private corruptionsFrom(state: Uint8Array, out: Int32Array, count: number): number {
		const {n, block, messages, behaviours} = this;
		for (let node = 1; node <= n; node++) {
			const at = (node - 1) * block;
			if ((state[at]! & STATUS) !== 0) continue;
			for (let k = 0; k < behaviours.length; k++) {
				const kind = behaviours[k]!;
				if (kind === 2 && (state[at]! & STARTED) !== 0) continue;
				out[count++] = 2 * messages + node * 4 + kind;
			}
		}

		return count;
	}

	/**
	 * `injectionsInto` with the pool read as words (`pendingWords` says how): a sender's
	 * messages to one recipient have contiguous ids, so the values still to send are the open
	 * slots' values (`slotBits`) less the pending ones, one number for them all. With more than
	 * 32 values per sender, `injectionsInto` itself.
	 */
	private injectionsWords(state: Uint8Array, words: Int32Array, out: Int32Array, count: number): number {
		if (this.perSender > 32) return this.injectionsInto(state, out, count);
		const {n, block, slots, messages, slotBits} = this;
		const skip = 8 * this.poolAt;
		for (let from = 1; from <= n; from++) {
			if ((state[(from - 1) * block]! & STATUS) !== 3) continue;
			for (let to = 1; to <= n; to++) {
				if (to === from || !this.processing(state, to)) continue;
				const row = (to - 1) * block + this.rows + from * slots;
				let open = 0;
				for (let slot = 0; slot < slots; slot++) if (state[row + slot] === 0) open |= slotBits[slot]!;
				if (open === 0) continue;
				const first = this.id(to, from, 0, 0);
				const w = (skip + first) >> 5;
				const shift = (skip + first) & 31;
				let sent = words[w]! >>> shift;
				if (shift !== 0 && w + 1 < words.length) sent |= words[w + 1]! << (32 - shift);
				for (let free = open & ~sent; free !== 0; free &= free - 1) out[count++] = messages + first + lowestBit(free);
			}
		}

		return count;
	}

	/**
	 * The byzantine sends of a state, written into `out` from `count` on; returns the new count.
	 * In id order per sender and recipient: for each open slot of the recipient, every value not
	 * already pending (a message's id is `id(to, from, slot, value)`, counted up here).
	 */
	private injectionsInto(state: Uint8Array, out: Int32Array, count: number): number {
		const {n, block, slots, messages, poolAt, domains} = this;
		for (let from = 1; from <= n; from++) {
			if ((state[(from - 1) * block]! & STATUS) !== 3) continue;
			for (let to = 1; to <= n; to++) {
				if (to === from || !this.processing(state, to)) continue;
				const row = (to - 1) * block + this.rows + from * slots;
				for (let slot = 0; slot < slots; slot++) {
					if (state[row + slot] !== 0) continue;
					const first = this.id(to, from, slot, 0);
					const last = first + domains[slot]!;
					for (let id = first; id < last; id++) {
						if ((state[poolAt + (id >> 3)]! & (1 << (id & 7))) === 0) out[count++] = messages + id;
					}
				}
			}
		}

		return count;
	}

	/** What a move stands for: a delivery, an injection (send then deliver) or a corruption. */
	decode(move: FastMove): {kind: 'deliver' | 'inject'; message: Message} | {kind: 'corrupt'; node: number; behaviour: Behaviour} {
		if (move < this.messages) return {kind: 'deliver', message: this.message(move)};
		if (move < 2 * this.messages) return {kind: 'inject', message: this.message(move - this.messages)};
		const code = move - 2 * this.messages;
		return {kind: 'corrupt', node: code >> 2, behaviour: BEHAVIOURS[(code & 3) - 1]!};
	}

	/**
	 * The state after a move: written into `into` when given (a reused buffer, with `intoWords` a
	 * view of its words), else a new one.
	 */
	apply(state: Uint8Array, move: FastMove, into?: Uint8Array, intoWords?: Int32Array): Uint8Array {
		const next = into ?? new Uint8Array(this.size);
		next.set(state);
		if (move >= 2 * this.messages) {
			const code = move - 2 * this.messages;
			const at = ((code >> 2) - 1) * this.block;
			next[at] = (next[at]! & ~STATUS) | (code & 3);
			this.settle(next, code >> 2);
		} else {
			const id = move < this.messages ? move : move - this.messages;
			if (move < this.messages) next[this.poolAt + (id >> 3)]! &= ~(1 << (id & 7));
			this.step(next, intoWords ?? new Int32Array(next.buffer, next.byteOffset, this.size >> 2), id);
		}

		return next;
	}

	/**
	 * Deliver message `id` to its recipient and settle the recipient, in place (`words` is a view
	 * of `state`'s words): what `deliver` then `settle` do, read from the step cache when the
	 * recipient's block and the message were seen before. A step changes only the recipient's
	 * block, its own incoming messages (those that became inert are dropped) and the pool of the
	 * others (what it broadcast), and the first two are a function of the block and the message
	 * alone. The broadcasts are kept as (slot, value) and sent again, since whether a send joins
	 * the pool depends on its recipient's block. The cache is direct-mapped: a new step takes the
	 * place of the one there.
	 */
	private step(state: Uint8Array, words: Int32Array, id: number): void {
		const to = this.toOf[id]!;
		if (!this.caching) {
			this.deliver(state, id);
			this.settle(state, to);
			return;
		}

		// The block's bytes, a word at a time: its first and last word masked (they may hold
		// bytes of other blocks or of the pool), the words between as they are.
		// (Indices as 32-bit integers, `| 0`, so V8 checks no addition for overflow.)
		const at = this.blockAt[to]! | 0;
		const last = (at + this.blockWordsOf[to]! - 1) | 0;
		const head = words[at]! & this.headMask[to]!;
		const tail = words[last]! & this.tailMask[to]!;
		let h = Math.imul(Math.imul(id + 1, 0x9e3779b1) ^ head, 0x01000193);
		for (let j = (at + 1) | 0; j < last; j = (j + 1) | 0) {
			h = Math.imul(h ^ words[j]!, 0x01000193);
			h ^= h >>> 15;
		}

		h = Math.imul(h ^ tail, 0x01000193);
		h ^= h >>> 13;
		const cache = this.steps;
		const e = ((h & STEP_MASK) * this.stepStride) | 0;
		// The entry's words are the block's words in order, from `k` (k - at for a word of the state).
		const k = (e + STEP_BEFORE - at) | 0;
		if (cache[e] === id + 1 && cache[(k + at) | 0] === head && cache[(k + last) | 0] === tail) {
			let j = (at + 1) | 0;
			while (j < last && cache[(k + j) | 0] === words[j]) j = (j + 1) | 0;
			if (j === last) {
				this.stepsCached++;
				this.replay(state, words, e, to);
				return;
			}
		}

		cache[e] = 0;
		cache[k + at] = head;
		for (let j = at + 1; j < last; j++) cache[k + j] = words[j]!;
		cache[k + last] = tail;
		const sends = e + this.stepSends;
		this.recording = sends;
		cache[sends] = 0;
		this.deliver(state, id);
		this.recording = -1;
		this.settle(state, to);
		// More broadcasts than the entry holds: the step stays out of the cache.
		if (cache[sends]! < 0) return;
		const after = k + this.blockWords;
		cache[after + at] = words[at]! & this.headMask[to]!;
		for (let j = at + 1; j < last; j++) cache[after + j] = words[j]!;
		cache[after + last] = words[last]! & this.tailMask[to]!;
		this.keepMask(state, to, cache, e + this.stepKeep);
		cache[e] = id + 1;
	}

	/** The cached step at `e` done on `state` (and its `words`), whose recipient `to` has the entry's block. */
	private replay(state: Uint8Array, words: Int32Array, e: number, to: number): void {
		// (Indices as 32-bit integers, as in `step`.)
		const at = this.blockAt[to]! | 0;
		const last = (at + this.blockWordsOf[to]! - 1) | 0;
		const cache = this.steps;
		const after = (e + STEP_BEFORE + this.blockWords - at) | 0;
		// The block's bytes from the entry, the other bytes of its first and last word as they are.
		words[at] = (words[at]! & ~this.headMask[to]!) | cache[(after + at) | 0]!;
		for (let j = (at + 1) | 0; j < last; j = (j + 1) | 0) words[j] = cache[(after + j) | 0]!;
		words[last] = (words[last]! & ~this.tailMask[to]!) | cache[(after + last) | 0]!;
		const sends = (e + this.stepSends) | 0;
		const count = cache[sends]! | 0;
		const n = this.n | 0;
		for (let c = 1; c <= count; c = (c + 1) | 0) {
			const send = cache[(sends + c) | 0]!;
			for (let other = 1; other <= n; other = (other + 1) | 0) if (other !== to) this.send(state, other, to, send >> 8, send & 255);
		}

		const first = this.spanAt[to]! | 0;
		const keep = (e + this.stepKeep) | 0;
		const spanned = this.spanOf[to]! | 0;
		for (let j = 0; j < spanned; j = (j + 1) | 0) words[(first + j) | 0]! &= cache[(keep + j) | 0]!;
	}

	/**
	 * The pool's bits to keep after a step of `node` (`state` is the state after it), per word
	 * from `spanAt[node]`, `spanOf[node]` words, into `into` at `offset`: all but those of
	 * messages to `node` that are inert.
	 */
	private keepMask(state: Uint8Array, node: number, into: Int32Array, offset: number): void {
		const first = this.id(node, 0, -1, -1);
		const base = (node - 1) * this.block + this.rows;
		const started = (state[(node - 1) * this.block]! & STARTED) !== 0;
		const count = this.spanOf[node]!;
		// (Numbers as 32-bit integers, as in `step`; a loop, not `fill`: a builtin call costs more for a few words.)
		for (let j = 0; j < count; j = (j + 1) | 0) into[(offset + j) | 0] = -1;
		// Message id is bit 8 * poolAt + id of the state (words are little-endian): bit `id + skip`
		// of the span. The ids run over the start message, then by sender, slot and value (`id`), so
		// each (sender, slot) record is read once for all its values (`inert` says which are inert).
		const skip = (8 * this.poolAt - (this.spanAt[node]! << 5)) | 0;
		const {n, slots, domains} = this;
		let bit = (skip + first) | 0;
		if (started) into[(offset + (bit >> 5)) | 0]! &= ~(1 << (bit & 31));
		for (let from = 1; from <= n; from = (from + 1) | 0) {
			for (let slot = 0; slot < slots; slot = (slot + 1) | 0) {
				const inert = state[(base + from * slots + slot) | 0] !== 0;
				const values = domains[slot]!;
				for (let value = 0; value < values; value = (value + 1) | 0) {
					bit = (bit + 1) | 0;
					if (inert) into[(offset + (bit >> 5)) | 0]! &= ~(1 << (bit & 31));
				}
			}
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

	/** Note a broadcast of the step being cached (`recording` is where its list is, -1 for none). */
	noteBroadcast(slot: number, value: number): void {
		if (this.recording < 0) return;
		const cache = this.steps;
		const count = cache[this.recording]!;
		if (count < 0) return;
		if (count === 2 * this.slots) {
			cache[this.recording] = -1;
			return;
		}

		cache[this.recording + count + 1] = (slot << 8) | value;
		cache[this.recording] = count + 1;
	}

	/**
	 * The step cache, `stepStride` numbers per entry (a whole number of 32-byte halves of a cache
	 * line: a lookup touches no more lines than with whole lines, in less memory): the message
	 * id + 1 (0: empty); from `STEP_BEFORE` the recipient's block before the step and after it, as
	 * words; from `stepSends` how many broadcasts (-1: too many), then each as slot << 8 | value
	 * (up to 2 per slot); from `stepKeep` the pool's bits to keep (`keepMask`).
	 */
	private readonly steps: Int32Array;
	/** Per slot, the bits of its values among one sender's messages to one node (with at most 32 values per sender). */
	private readonly slotBits: Int32Array;
	/** Per node, the pool's bits of messages to other nodes, per pool word (`absorber`). */
	private readonly othersOf: Int32Array;
	/** The word the pool starts in, and the pool's bits in it. */
	private readonly poolWord: number;
	private readonly poolHead: number;
	/** Whether steps are cached (not on a big-endian machine: the cache reads a state's bytes as words). */
	private readonly caching: boolean;
	/** How many steps were read from the cache (for tests). */
	stepsCached = 0;
	private readonly stepStride: number;
	private readonly stepSends: number;
	private readonly stepKeep: number;
	/**
	 * Per node, the first word its block lies in, how many words it lies in, and the block's
	 * bytes in the first and in the last; how many words a block lies in at most.
	 */
	private readonly blockAt: Int32Array;
	private readonly blockWordsOf: Int32Array;
	private readonly headMask: Int32Array;
	private readonly tailMask: Int32Array;
	private readonly blockWords: number;
	/** Per node, the first word of the state that holds a message to it, and how many words hold them. */
	private readonly spanAt: Int32Array;
	private readonly spanOf: Int32Array;
	private recording = -1;

	/** Run the recipient's reaction to message `id`, in place (the recipient is processing). */
	private deliver(state: Uint8Array, id: number): void {
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
		if (!this.processing(state, to)) return;
		const at = (to - 1) * this.block + this.rows + from * this.slots + slot;
		if (state[at] !== 0) return;
		const id = this.id(to, from, slot, value);
		state[this.poolAt + (id >> 3)]! |= 1 << (id & 7);
	}

	/** eval of a state read as quiescent. */
	evaluate(state: Uint8Array): OutcomeMask {
		let zeros = 0;
		let ones = 0;
		let honest = 0;
		let undecided = false;
		let input0 = 0;
		for (let node = 1; node <= this.n; node++) {
			const at = (node - 1) * this.block;
			if ((state[at]! & STATUS) !== 0) continue;
			honest++;
			const o = (state[at]! & OUTPUT) >> OUTPUT_SHIFT;
			if (o === 0) zeros++;
			else if (o === 1) ones++;
			else undecided = true;
			if (this.setup.inputs[node - 1] === 0) input0++;
		}

		let mask = 0;
		if (honest > 0 && zeros === honest) mask |= ZERO;
		if (honest > 0 && ones === honest) mask |= ONE;
		if (zeros > 0 && ones > 0) mask |= SPLIT;
		if (undecided) mask |= STUCK;
		if ((input0 === honest && ones > 0) || (input0 === 0 && zeros > 0)) mask |= INVALID;
		return mask;
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
		private readonly model: FastModel,
		readonly self: number,
	) {
		this.n = model.n;
		this.f = model.setup.f;
		this.at = (self - 1) * model.block;
		this.base = this.at + model.rows;
		this.slots = model.slots;
		this.local = new Array<number>(model.local).fill(0);
		this.honestInput = model.setup.inputs[self - 1] ?? 0;
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
		this.model.noteBroadcast(slot, value);
		for (let to = 1; to <= this.n; to++) if (to !== this.self) this.model.send(state, to, this.self, slot, value);
	}

	decide(value: Bit): void {
		const state = this.state;
		if ((state[this.at]! & OUTPUT) === 2 << OUTPUT_SHIFT) state[this.at] = (state[this.at]! & ~OUTPUT) | (value << OUTPUT_SHIFT);
	}
}

/** The place of the lowest set bit of a nonzero number. */
function lowestBit(bits: number): number {
	return 31 - Math.clz32(bits & -bits);
}

/** Every order of the items. */
function arrangements(items: readonly number[]): number[][] {
	if (items.length <= 1) return [[...items]];
	return items.flatMap((item, k) => arrangements([...items.slice(0, k), ...items.slice(k + 1)]).map(rest => [item, ...rest]));
}
