/**
 * Move listing on packed states: which moves a state has, in the game's order (`movesInto`) and
 * in the order the search tries them (`searchMovesInto`); when two moves commute (`commutes`,
 * rule 6 of docs/engine.md); and when a corruption absorbs a delivery (`absorber`, rule 7).
 */
import type {Setup} from '../configuration.js';
import {KIND, LITTLE_ENDIAN, type PackedLayout, type PackedMove, STARTED, STATUS, lowestBit} from './layout.js';

/**
 * Whether two moves commute: they act on different nodes (`nodeOfMove`: a delivery or injection
 * on its recipient, a corruption on the corrupted node). When each is still a move after the
 * other, either order reaches the same state: a move changes only its node's block, and adds
 * messages to the pool, and whether a message is recorded or dropped as inert depends on its
 * recipient alone. (Whether each stays a move after the other is not claimed: with f = 1,
 * corrupting one node takes away corrupting another.) For an `orderFree` protocol any two moves
 * commute in that sense. `aNode` and `bNode` are the nodes the moves act on (`nodeOfMove`). The
 * search calls this in its hottest loop (with a's node read once); the property tests check it
 * through `PackedModel.commute`.
 */
export function commutes(orderFree: boolean, a: PackedMove, aNode: number, b: PackedMove, bNode: number): boolean {
	return orderFree ? a !== b : aNode !== bNode;
}

/** The byzantine kind alone (`searchCorruptions`). */
const BYZANTINE = [KIND.byzantine];

export class MoveList {
	/** How many of the moves `searchMovesInto` gave last are corruptions (they come first). */
	lastCorruptions = 0;
	private readonly n: number;
	private readonly f: number;
	private readonly block: number;
	private readonly slots: number;
	private readonly rows: number;
	private readonly messages: number;
	private readonly poolAt: number;
	private readonly poolWord: number;
	private readonly perSender: number;
	private readonly domains: Int32Array;
	private readonly toOf: Int16Array;
	private readonly behaviours: number[];
	/** The allowed kinds but byzantine, which the search tries first (rule 11). */
	private readonly afterByzantine: number[];
	/** Per slot, the bits of its values among one sender's messages to one node (with at most 32 values per sender). */
	private readonly slotBits: Int32Array;
	/** Per node, the pool's bits of messages to other nodes, per pool word (`absorber`). */
	private readonly othersOf: Int32Array;
	/** The quorum of the protocol's `phases` (rule 13: where a byzantine send can count), 0 without them. */
	private readonly quorum: number;

	constructor(
		private readonly layout: PackedLayout,
		setup: Setup,
	) {
		const {n, messages, poolAt, poolWord} = layout;
		this.n = n;
		this.f = setup.f;
		this.block = layout.block;
		this.slots = layout.slots;
		this.rows = layout.rows;
		this.messages = messages;
		this.poolAt = poolAt;
		this.poolWord = poolWord;
		this.perSender = layout.perSender;
		this.domains = layout.domains;
		this.toOf = layout.toOf;
		this.behaviours = setup.f === 0 ? [] : setup.allowed.map(b => KIND[b]);
		this.afterByzantine = this.behaviours.filter(kind => kind !== KIND.byzantine);
		this.quorum = setup.protocol.phases && layout.slots <= 31 ? setup.protocol.phases.quorum : 0;
		this.slotBits = Int32Array.from(setup.protocol.slots, (slot, k) => (this.perSender > 32 ? 0 : (2 ** slot.values.length - 1) * 2 ** layout.slotBase[k]!) | 0);
		// Per node, per word of the state from the pool's first on: the pool's bits that are not
		// messages to the node (for `absorber`).
		const poolWords = layout.size / 4 - poolWord;
		this.othersOf = new Int32Array((n + 1) * poolWords);
		for (let node = 1; node <= n; node++) {
			for (let id = 0; id < messages; id++) {
				if (layout.toOf[id] === node) continue;
				const byte = poolAt + (id >> 3);
				const bit = 8 * (LITTLE_ENDIAN ? byte & 3 : 3 - (byte & 3)) + (id & 7);
				this.othersOf[node * poolWords + (byte >> 2) - poolWord]! |= 1 << bit;
			}
		}
	}

	/** The moves of a state, in the game's order: deliveries by id, corruptions, injections. */
	moves(state: Uint8Array): PackedMove[] {
		const out = new Int32Array(this.layout.maxMoves);
		return Array.from(out.subarray(0, this.movesInto(state, out)));
	}

	/** The moves of a state, in the same order, written into `out`; returns how many. */
	movesInto(state: Uint8Array, out: Int32Array): number {
		const count = this.corruptionsInto(state, out, this.layout.pending(state, out));
		return this.injectionsInto(state, out, count, false);
	}

	/**
	 * The moves of a state in the order the search tries them, written into `out`; returns how
	 * many. Corruptions come first: a corruption merges many histories (a crashed node's state is
	 * left out), so with them tried first, a delivery's successor reads "deliver, then corrupt"
	 * through the links of "corrupt, then deliver" (rule 6 of docs/engine.md) instead of
	 * building it again; among them byzantine first (`searchCorruptions`). R does not depend
	 * on the order.
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

		const corruptions = corrupt < this.f ? this.searchCorruptions(state, out) : 0;
		this.lastCorruptions = corruptions;
		if (!LITTLE_ENDIAN) {
			const count = this.layout.pending(state, out, corruptions);
			return byzantine ? this.injectionsInto(state, out, count, true) : count;
		}

		const count = this.layout.pendingWords(words, out, corruptions);
		return byzantine ? this.injectionsWords(state, words, out, count) : count;
	}

	/**
	 * The node that move `a` acted on, when `a` (a delivery or an injection) took `before` to
	 * `after` and sent nothing: the pools differ only in messages to that node. Else 0. The
	 * states are given as their words. Corrupting that node as crash or byzantine (`blanks`)
	 * then reaches the same state from `after` as from `before` (rule 7 of docs/engine.md).
	 */
	absorber(a: PackedMove, before: Int32Array, after: Int32Array): number {
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
	blanks(move: PackedMove, node: number): boolean {
		return move === this.layout.corruption(node, KIND.crash) || move === this.layout.corruption(node, KIND.byzantine);
	}

	private corruptCount(state: Uint8Array): number {
		let count = 0;
		for (let node = 1; node <= this.n; node++) if ((state[(node - 1) * this.block]! & STATUS) !== 0) count++;
		return count;
	}

	/** The corruptions of a state, written into `out` from `count` on; returns the new count. */
	private corruptionsInto(state: Uint8Array, out: Int32Array, count: number): number {
		return this.corruptCount(state) < this.f ? this.corruptionsFrom(state, out, count) : count;
	}

	/**
	 * The corruptions of a state with fewer than f corrupt nodes, of the kinds given (default:
	 * every allowed one), written into `out` from `count` on; returns the new count.
	 */
	private corruptionsFrom(state: Uint8Array, out: Int32Array, count: number, behaviours = this.behaviours): number {
		const {n, block, messages} = this;
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
	 * The corruptions of a state with fewer than f corrupt nodes in the order the search tries
	 * them, written into `out` from 0 on; returns how many. Every node's byzantine corruption
	 * first, then the others in the game's order: a byzantine node can most often still bring
	 * about every outcome the game allows, so a state whose first successor is such a
	 * corruption has its whole R at once and stops there (rule 11 of docs/engine.md). (Lie before
	 * crash as well was tried: ben-or r1 n=6 with crash and lie then passed 16 million states
	 * without an answer, against 6.3 million to its answer.)
	 */
	private searchCorruptions(state: Uint8Array, out: Int32Array): number {
		if (this.afterByzantine.length === this.behaviours.length) return this.corruptionsFrom(state, out, 0);
		return this.corruptionsFrom(state, out, this.corruptionsFrom(state, out, 0, BYZANTINE), this.afterByzantine);
	}

	/**
	 * `injectionsInto` with the pool read as words (`pendingWords` says how): a sender's
	 * messages to one recipient have contiguous ids, so the values still to send are the open
	 * slots' values (`slotBits`) less the pending ones, one number for them all. With more than
	 * 32 values per sender, `injectionsInto` itself.
	 */
	private injectionsWords(state: Uint8Array, words: Int32Array, out: Int32Array, count: number): number {
		if (this.perSender > 32) return this.injectionsInto(state, out, count, true);
		const {n, block, slots, messages, slotBits} = this;
		const layout = this.layout;
		const skip = 8 * this.poolAt;
		for (let from = 1; from <= n; from++) {
			if ((state[(from - 1) * block]! & STATUS) !== 3) continue;
			for (let to = 1; to <= n; to++) {
				if (to === from || !layout.processing(state, to)) continue;
				const row = (to - 1) * block + this.rows + from * slots;
				const counts = this.countingSlots(state, to);
				let open = 0;
				for (let slot = 0; slot < slots; slot++) if (state[row + slot] === 0 && (counts & (1 << slot)) !== 0) open |= slotBits[slot]!;
				if (open === 0) continue;
				const first = layout.id(to, from, 0, 0);
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
	 * already pending (a message's id is `id(to, from, slot, value)`, counted up here). With
	 * `searched`, only the sends the search tries (`countingSlots`); else every one, as the game
	 * lists them.
	 */
	private injectionsInto(state: Uint8Array, out: Int32Array, count: number, searched: boolean): number {
		const {n, block, slots, messages, poolAt, domains} = this;
		const layout = this.layout;
		for (let from = 1; from <= n; from++) {
			if ((state[(from - 1) * block]! & STATUS) !== 3) continue;
			for (let to = 1; to <= n; to++) {
				if (to === from || !layout.processing(state, to)) continue;
				const row = (to - 1) * block + this.rows + from * slots;
				const counts = searched ? this.countingSlots(state, to) : -1;
				for (let slot = 0; slot < slots; slot++) {
					if (state[row + slot] !== 0 || (counts & (1 << slot)) === 0) continue;
					const first = layout.id(to, from, slot, 0);
					const last = first + domains[slot]!;
					for (let id = first; id < last; id++) {
						if ((state[poolAt + (id >> 3)]! & (1 << (id & 7))) === 0) out[count++] = messages + id;
					}
				}
			}
		}

		return count;
	}

	/**
	 * The slots where the search tries byzantine sends to node `to` (a bit per slot; -1 all of
	 * them), rule 13 of docs/engine.md: with the protocol's `phases`, only the slots where the
	 * node's records (its own included, or to come) and the send reach the quorum, where the
	 * send can be read as it is made. A send that only records its value can wait until the
	 * slot is that full, or be left out where the node never reads it. Every slot while the
	 * node has not started.
	 */
	private countingSlots(state: Uint8Array, to: number): number {
		const quorum = this.quorum;
		const at = (to - 1) * this.block;
		if (quorum === 0 || (state[at]! & STARTED) === 0) return -1;
		const slots = this.slots;
		let mask = 0;
		for (let slot = 0; slot < slots; slot++) if (this.layout.recordsIn(state, to, slot) + 1 >= quorum) mask |= 1 << slot;

		return mask;
	}
}
