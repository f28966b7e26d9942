/**
 * The byte layout of a packed state, and the numbering of messages and moves.
 *
 * A state is one Uint8Array, compared by its bytes. Per node i (1..n) a block of `block` bytes
 * at (i - 1) * block:
 *   [0] a header: bits 0-1 the status (0 honest, 1 crash, 2 lie, 3 byzantine), bit 2 started,
 *       bits 3-4 the output (0, 1, or 2 for none)
 *   [1 .. 1 + L) local state   [1 + L ..) received, n * S bytes, sender by sender (1..n) and slot by
 *   slot: value + 1, 0 none, 255 closed (a closed slot is 255 for every sender)
 *   (padded to 5 bytes at least, so that a block lies in two words or more)
 * then the pool: one bit per message that can exist, by a dense id in the order of the tie-break
 * rank of configuration.ts (so moves are tried in the game's order). The whole is a whole number
 * of 32-bit words, so states hash and compare a word at a time.
 *
 * Moves are numbers too (`PackedMove`): a delivery of message id is `id`, an injection (a
 * byzantine send merged with its delivery) is `messages + id`, and corrupting node i with
 * behaviour k (`KIND`) is `2 * messages + 4 * i + k`.
 */
import type {Setup} from '../configuration.js';
import {BEHAVIOURS, type Behaviour, type Message} from '../types.js';

/** A corruption's behaviour as a number (a node's status, in its header byte, and in corruption moves). */
export const KIND: Record<Behaviour, number> = {crash: 1, lie: 2, byzantine: 3};
/** A received record of a closed slot. */
export const CLOSED = 255;
/** A node's header byte: its status (bits 0-1), whether it started (bit 2), its output (bits 3-4). */
export const STATUS = 3;
export const STARTED = 4;
export const OUTPUT_SHIFT = 3;
export const OUTPUT = 3 << OUTPUT_SHIFT;
/** Whether this machine stores numbers little-endian (word-wise readers of a state need it). */
export const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** An analysis move, as a number: a delivery, a corruption or an injection (see `decode`). */
export type PackedMove = number;

/** What a move stands for. */
export type DecodedMove = {kind: 'deliver' | 'inject'; message: Message} | {kind: 'corrupt'; node: number; behaviour: Behaviour};

export class PackedLayout {
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
	/** The recipient, sender, slot and value of each message id (a start message: sender 0, slot and value -1). */
	readonly toOf: Int16Array;
	readonly fromOf: Int16Array;
	readonly slotOf: Int16Array;
	readonly valueOf: Int16Array;
	/** Where each slot's values start among one sender's messages; how many values in all. */
	readonly slotBase: Int32Array;
	/** How many values each slot carries. */
	readonly domains: Int32Array;
	readonly perSender: number;
	readonly perRecipient: number;
	/** The most moves a state can have (every delivery, corruption and injection), and a bound on move numbers. */
	readonly maxMoves: number;
	/** The node each move acts on (`nodeOf`), by move number: one read in the search's loop. */
	readonly nodeOfMove: Int8Array;
	/** The word the pool starts in, and the pool's bits in it. */
	readonly poolWord: number;
	readonly poolHead: number;

	constructor(setup: Setup) {
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

		this.maxMoves = 2 * this.messages + 4 * (n + 1);
		this.nodeOfMove = new Int8Array(this.maxMoves);
		for (let move = 0; move < this.maxMoves; move++) {
			const m = this.messages;
			this.nodeOfMove[move] = move < m ? this.toOf[move]! : move < 2 * m ? this.toOf[move - m]! : (move - 2 * m) >> 2;
		}

		this.poolWord = this.poolAt >> 2;
		// The pool's bytes in its first word: the high bytes on a little-endian machine, the low ones else.
		this.poolHead = LITTLE_ENDIAN ? -1 << (8 * (this.poolAt & 3)) : -1 >>> (8 * (this.poolAt & 3)) | 0;
	}

	/** The id of a message: a protocol message (from ≥ 1, slot ≥ 0), or a start message (slot -1). */
	id(to: number, from: number, slot: number, value: number): number {
		if (slot === -1) return (to - 1) * this.perRecipient;
		return (to - 1) * this.perRecipient + 1 + (from - 1) * this.perSender + this.slotBase[slot]! + value;
	}

	message(id: number): Message {
		return {to: this.toOf[id]!, from: this.fromOf[id]!, slot: this.slotOf[id]!, value: this.valueOf[id]!};
	}

	/** What a move stands for: a delivery, an injection (send then deliver) or a corruption. */
	decode(move: PackedMove): DecodedMove {
		if (move < this.messages) return {kind: 'deliver', message: this.message(move)};
		if (move < 2 * this.messages) return {kind: 'inject', message: this.message(move - this.messages)};
		const code = move - 2 * this.messages;
		return {kind: 'corrupt', node: code >> 2, behaviour: BEHAVIOURS[(code & 3) - 1]!};
	}

	/** The move that corrupts `node` with behaviour `kind` (1 crash, 2 lie, 3 byzantine). */
	corruption(node: number, kind: number): PackedMove {
		return 2 * this.messages + node * 4 + kind;
	}

	/**
	 * How many records node x holds in a slot, its own included (0 once the slot is closed):
	 * what a protocol with `phases` counts against its quorum (rules 12 and 13 of docs/engine.md).
	 */
	recordsIn(state: Uint8Array, x: number, slot: number): number {
		const {n, slots} = this;
		const at = (x - 1) * this.block + this.rows + slot;
		let count = 0;
		for (let y = 1; y <= n; y++) {
			const record = state[at + y * slots]!;
			if (record !== 0 && record !== CLOSED) count++;
		}

		return count;
	}

	/** Whether a node still processes messages (honest, or lying about its input). */
	processing(state: Uint8Array, node: number): boolean {
		const kind = state[(node - 1) * this.block]! & STATUS;
		return kind === 0 || kind === 2;
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
	 * The ids of the pending messages, in order, written into `ids` from `count` on; returns the
	 * new count.
	 */
	pending(state: Uint8Array, ids: Int32Array, count = 0): number {
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

	/**
	 * `pending` of a state given as its words: message id's bit is bit 8 * poolAt + id of the
	 * state, counting from bit 0 of word 0 (words are little-endian; not used on big-endian
	 * machines, where the move lister reads bytes).
	 */
	pendingWords(words: Int32Array, ids: Int32Array, count: number): number {
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
}

/** The place of the lowest set bit of a nonzero number. */
export function lowestBit(bits: number): number {
	return 31 - Math.clz32(bits & -bits);
}
