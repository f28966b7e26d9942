/**
 * Symmetry reduction (rule 5 of docs/engine.md): states that differ only by a renumbering of
 * interchangeable nodes (same role, same input; or, once started, same role alone where the
 * protocol reads inputs only at the start and validity cannot be broken) have the same R, so the memo keeps one key for
 * all of them. This is the classic symmetry reduction of explicit-state model checking (C. N. Ip
 * and D. L. Dill, "Better verification through symmetry", Formal Methods in System Design 9,
 * 1996; E. A. Emerson and A. P. Sistla, "Symmetry and model checking", same volume), with the
 * key made the cheap way: sort each class of interchangeable nodes by a signature that does not
 * depend on node numbers. That is not a perfect canonical form (two renumberings of one state
 * may get different keys when signatures tie), which costs only merges, never exactness.
 *
 * With a sender-blind protocol the key also forgets who sent what (rule 10 of docs/engine.md,
 * `anonymize`): per node and open slot, its records and the messages pending to it from senders
 * that cannot be or turn byzantine become one sorted list of codes. Such a key is no longer a
 * state (`canonical` gives the renumbered state itself), and the memo's links name a delivery
 * from such a sender by its recipient, slot and value alone (`abstract`).
 *
 * Renumberings are numbered (0 the identity) so that the memo's links can store one in a few
 * bits: a stored state's links, kept in its key's numbering, serve every state with that key
 * (`renumbered`, `compose`, `inverse` translate between numberings).
 */
import type {Setup} from '../configuration.js';
import {CLOSED, KIND, type PackedLayout, type PackedMove, STARTED, STATUS, lowestBit} from './layout.js';

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

/** The most renumberings the memo's links can name (10 bits, state-table.ts); n ≤ 6 needs at most 720. */
const MOST_RENUMBERINGS = 1024;

/**
 * Whether validity holds on every run whatever the adversary does: each input is held by more
 * nodes than can be corrupted, so the honest nodes always hold both.
 */
export function validityHolds(setup: Setup): boolean {
	const corruptible = setup.allowed.length === 0 ? 0 : setup.f;
	const ones = setup.inputs.filter(input => input === 1).length;
	return ones > corruptible && setup.n - ones > corruptible;
}

export class Symmetry {
	/** The renumbering `key` applied last: real numbers to the key's (an index into `perms`). */
	lastPerm = 0;
	/**
	 * Classes of interchangeable nodes (same role, same input), each of two or more; empty when
	 * no renumbering can merge states.
	 */
	private readonly classes: number[][];
	/**
	 * Whether a class may hold nodes with different inputs (rule 5, inputs as well as roles): the
	 * protocol reads the input only at the start and validity holds on every run. A node that
	 * has not started then keeps to the places of its own input (`arrangeMixed`).
	 */
	private readonly mixed: boolean;
	private readonly inputOf: Int8Array;
	/** Scratch for `arrange`: which places of a class a node that has not started takes. */
	private readonly reserved: Uint8Array;
	private readonly freePlaces: Int8Array;
	/**
	 * Renumberings of nodes that keep every class (each a new number per node, index 0 unused),
	 * numbered from 0, the identity; with symmetry off there is only the identity.
	 */
	private readonly perms: readonly Int8Array[];
	private readonly permIndex: Int16Array;
	private readonly composed: Int16Array;
	private readonly inverses: Int16Array;
	/** Per renumbering, each move renumbered (`maxMoves` numbers each). */
	private readonly moveMaps: Int32Array;
	private readonly sigs: Int32Array;
	/** Pending message ids of the state being keyed (see `pending`). */
	private readonly ids: Int32Array;
	private readonly newOf: Int8Array;
	/** Per renumbering, made on first use: where each node byte of a renumbered state comes from. */
	private readonly sources: (Int32Array | undefined)[] = [];
	private readonly n: number;
	private readonly block: number;
	private readonly slots: number;
	private readonly local: number;
	private readonly rows: number;
	private readonly poolAt: number;
	private readonly maxMoves: number;
	private readonly toOf: Int16Array;
	private readonly fromOf: Int16Array;
	private readonly slotOf: Int16Array;
	private readonly valueOf: Int16Array;
	/** Whether keys forget senders (rule 10), and the one node whose messages keep theirs (0 none). */
	readonly anonymous: boolean;
	private readonly keep: number;
	/**
	 * Whether keys forget senders once the one corruption is made (rule 10 where any node may
	 * turn byzantine, f = 1): a state with no corrupt node keeps every sender; after the
	 * corruption, a byzantine node keeps its own and the others are forgotten.
	 */
	private readonly afterCorruption: boolean;
	/** Per move, the move a link names it by (`abstract`); only where keys forget senders. */
	private readonly abstractOf: Int32Array;
	/** Per (recipient, sender, slot), the id of its message with value 0 (values follow). */
	private readonly firstId: Int32Array;
	/** The codes of one slot being sorted. */
	private readonly codes: Uint8Array;
	/** Per move name, the last `dedupe` call that kept a move by that name. */
	private readonly seen: Int32Array;
	private calls = 0;

	/**
	 * `enabled: false` keeps every node's number (for measuring raw exploration). `keep` is what
	 * rule 10 must leave alone: -1 everything (keys keep every sender), -2 everything until the
	 * one corruption is made and then the node made byzantine if any, else the one node that may
	 * send as a byzantine node (0 when none can).
	 */
	constructor(
		private readonly layout: PackedLayout,
		setup: Setup,
		enabled: boolean,
		keep = -1,
	) {
		const {n, protocol} = setup;
		({n: this.n, block: this.block, slots: this.slots, local: this.local, rows: this.rows, poolAt: this.poolAt, maxMoves: this.maxMoves} = layout);
		({toOf: this.toOf, fromOf: this.fromOf, slotOf: this.slotOf, valueOf: this.valueOf} = layout);
		const groups = new Map<string, number[]>();
		let symmetric = protocol.role !== undefined;
		this.mixed = enabled && protocol.inputOnlyAtStart === true && validityHolds(setup);
		this.inputOf = Int8Array.from({length: n + 1}, (_, node) => (node === 0 ? 0 : setup.inputs[node - 1]!));
		this.reserved = new Uint8Array(n + 1);
		this.freePlaces = new Int8Array(n + 1);
		for (let node = 1; node <= n; node++) {
			const role = protocol.role?.(node);
			if (role === undefined) symmetric = false;
			const group = this.mixed ? `${role}` : `${role}/${setup.inputs[node - 1]}`;
			groups.set(group, [...(groups.get(group) ?? []), node]);
		}

		this.classes = enabled && symmetric ? [...groups.values()].filter(members => members.length > 1) : [];
		this.sigs = new Int32Array(n + 1);
		this.ids = new Int32Array(layout.messages);
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

		if (perms.length > MOST_RENUMBERINGS) throw new Error('bug: renumberings must fit the memo links (at most 1,024)');
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

		const most = this.maxMoves;
		this.anonymous = enabled && protocol.senderBlind === true && keep >= 0;
		this.afterCorruption = enabled && protocol.senderBlind === true && keep === -2;
		this.keep = Math.max(0, keep);
		this.codes = new Uint8Array(n + 1);
		this.firstId = new Int32Array((n + 1) * (n + 1) * this.slots);
		this.abstractOf = new Int32Array(this.anonymous ? most : 0);
		this.seen = new Int32Array(this.anonymous ? most : 0);
		if (this.anonymous || this.afterCorruption) {
			for (let to = 1; to <= n; to++) {
				for (let from = 1; from <= n; from++) {
					for (let slot = 0; slot < this.slots; slot++) this.firstId[(to * (n + 1) + from) * this.slots + slot] = layout.id(to, from, slot, 0);
				}
			}

			if (this.anonymous) for (let move = 0; move < most; move++) this.abstractOf[move] = this.abstractMove(move);
		}

		this.moveMaps = new Int32Array(count * most);
		for (let k = 0; k < count; k++) {
			const perm = perms[k]!;
			for (let move = 0; move < most; move++) this.moveMaps[k * most + move] = this.renumberMove(move, perm);
		}
	}

	/**
	 * Whether keys differ from states at all: they renumber nodes, or forget senders (false with
	 * symmetry off, or no interchangeable nodes and a protocol that is not sender-blind).
	 */
	get renumbers(): boolean {
		return this.classes.length > 0 || this.anonymous || this.afterCorruption;
	}

	/**
	 * The move a memo link names `move` by (in a key's numbering): where keys forget senders, a
	 * delivery from a sender they forget is named by its recipient, slot and value (as if sent
	 * by the recipient itself, a message that never exists), since every such delivery of the same
	 * value in the same slot leads to the same key. Any other move is itself.
	 */
	abstract(move: PackedMove): PackedMove {
		return this.anonymous ? this.abstractOf[move]! : move;
	}

	/** The renumbering that does `second` after `first`. */
	compose(second: number, first: number): number {
		return this.composed[second * this.perms.length + first]!;
	}

	inverse(perm: number): number {
		return this.inverses[perm]!;
	}

	/** A move with its nodes renumbered by `perm` (an index into `perms`). */
	renumbered(perm: number, move: PackedMove): PackedMove {
		return perm === 0 ? move : this.moveMaps[perm * this.maxMoves + move]!;
	}

	/**
	 * Where keys forget senders: keep (in place) only the first of the moves from `from` on that
	 * `abstract` names alike, and return the new count. Deliveries of one value in one slot to one
	 * node from forgotten senders lead to states with one key, so one of them is enough.
	 */
	dedupe(moves: Int32Array, count: number, from: number): number {
		const stamp = ++this.calls;
		const seen = this.seen;
		const names = this.abstractOf;
		let kept = from;
		for (let i = from; i < count; i++) {
			const move = moves[i]!;
			const name = names[move]!;
			if (name !== move) {
				if (seen[name] === stamp) continue;
				seen[name] = stamp;
			}

			moves[kept++] = move;
		}

		return kept;
	}

	/**
	 * The key of a state: the state with interchangeable nodes renumbered in a fixed way (sorted
	 * by a signature that does not depend on node numbers), written into `into`. States with the
	 * same key are renumberings of each other, so they have the same R; where keys forget senders
	 * (rule 10, `anonymize`), they may also differ in who sent what, which leaves R the same too.
	 *
	 * A node's signature is the hash of its own block (`blockSignature`) plus, for each pending
	 * message, a number for its kind, added to its recipient's and (times 3) to its sender's.
	 */
	key(state: Uint8Array, into: Uint8Array): Uint8Array {
		return this.forgetSenders(this.canonical(state, into), into);
	}

	/**
	 * The state renumbered as `key` renumbers it, but with its senders kept: a state of the game
	 * (with the same R), where a key may not be one.
	 */
	canonical(state: Uint8Array, into: Uint8Array): Uint8Array {
		if (this.classes.length === 0) {
			this.lastPerm = 0;
			return state;
		}

		return this.arrange(state, into, this.signaturesOf(state));
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
		const renumbered = this.classes.length === 0 ? ((this.lastPerm = 0), state) : this.arrange(state, into, -1);
		return this.forgetSenders(renumbered, into);
	}

	/** A renumbered state as its key: with the senders rule 10 forgets forgotten, if any. */
	private forgetSenders(renumbered: Uint8Array, into: Uint8Array): Uint8Array {
		if (this.afterCorruption) return this.anonymizeAfterCorruption(renumbered, into);
		return this.anonymous ? this.anonymize(renumbered, into) : renumbered;
	}

	/**
	 * `anonymize` where keys forget senders only after the corruption (`afterCorruption`): a key
	 * (renumbered) with no corrupt node is left as it is; with one, that node keeps its senders'
	 * rows when it is byzantine. Links then name moves as they are (`abstract` is not used): a
	 * link found by a move is right for any state with the key, since one message delivered in
	 * two states with one key leads to states with one key; it is only found less often.
	 */
	private anonymizeAfterCorruption(key: Uint8Array, into: Uint8Array): Uint8Array {
		for (let x = 1; x <= this.n; x++) {
			const status = key[(x - 1) * this.block]! & STATUS;
			if (status !== 0) return this.anonymize(key, into, status === KIND.byzantine ? x : 0);
		}

		return key;
	}

	/**
	 * Rule 10: forget who sent what (written into `into`). Per node x and slot that x has not
	 * closed, each sender y other than x and the kept node gives a code: 0 when x holds nothing
	 * from y there, 64 + the record byte when x recorded y's value, 128 + the value when y's
	 * message is pending (its pool bit is cleared). The codes are sorted and written back into
	 * those senders' rows in order. Record bytes of a state are at most 4 (or 255, closed), so a
	 * key that forgot anything never equals a state's bytes.
	 */
	private anonymize(key: Uint8Array, into: Uint8Array, keep = this.keep): Uint8Array {
		if (key !== into) into.set(key);
		const {n, block, slots, rows, poolAt, codes, firstId} = this;
		const domains = this.layout.domains;
		for (let x = 1; x <= n; x++) {
			const base = (x - 1) * block + rows;
			for (let slot = 0; slot < slots; slot++) {
				if (into[base + x * slots + slot] === CLOSED) continue;
				const domain = domains[slot]!;
				let count = 0;
				for (let y = 1; y <= n; y++) {
					if (y === x || y === keep) continue;
					const at = base + y * slots + slot;
					const record = into[at]!;
					let code = record === 0 ? 0 : 64 + record;
					if (record === 0) {
						const first = firstId[(x * (n + 1) + y) * slots + slot]!;
						for (let v = 0; v < domain; v++) {
							const id = first + v;
							const byte = poolAt + (id >> 3);
							const bit = 1 << (id & 7);
							if ((into[byte]! & bit) !== 0) {
								into[byte] = into[byte]! & ~bit;
								code = 128 + v;
								break;
							}
						}
					}

					// Insertion sort: a slot has at most five other senders.
					let k = count++;
					while (k > 0 && codes[k - 1]! > code) {
						codes[k] = codes[k - 1]!;
						k--;
					}

					codes[k] = code;
				}

				let k = 0;
				for (let y = 1; y <= n; y++) if (y !== x && y !== keep) into[base + y * slots + slot] = codes[k++]!;
			}
		}

		return into;
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

		const count = this.layout.pending(state, this.ids);
		for (let k = 0; k < count; k++) this.addTraffic(this.sigs, this.ids[k]!, 1);
		return count;
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

	/**
	 * Add (sign 1) or take away (sign -1) a pending message's part of its nodes' signatures
	 * (only its recipient's where keys forget its sender, so that states with one key get the
	 * same renumbering more often).
	 */
	private addTraffic(sig: Int32Array, id: number, sign: number): void {
		const kind = MIX[((this.slotOf[id]! + 2) * 8 + this.valueOf[id]! + 1) & 255]!;
		const to = this.toOf[id]!;
		sig[to] = (sig[to]! + sign * kind) | 0;
		const from = this.fromOf[id]!;
		if (from !== 0 && !(this.anonymous && from !== this.keep)) sig[from] = (sig[from]! + sign * Math.imul(kind, 3)) | 0;
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
			if (this.mixed) {
				if (this.arrangeMixed(state, members)) identity = false;
				continue;
			}

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
		const pending = count >= 0 ? count : this.layout.pending(state, ids);
		for (let k = 0; k < pending; k++) {
			const moved = this.renumbered(this.lastPerm, ids[k]!);
			into[this.poolAt + (moved >> 3)]! |= 1 << (moved & 7);
		}

		return into;
	}

	/**
	 * New numbers (into `newOf`) for a class whose members may differ in input (rule 13): the
	 * members that have not started, who still read their input, take the last places of their
	 * own input, ranked there by (signature, number); the started ones take the other places,
	 * ranked by (signature, number). Returns whether any member moved.
	 */
	private arrangeMixed(state: Uint8Array, members: readonly number[]): boolean {
		const {sigs: sig, newOf, inputOf, reserved, freePlaces, block} = this;
		const waiting = (node: number): boolean => (state[(node - 1) * block]! & STARTED) === 0;
		for (const m of members) reserved[m] = 0;
		// Reserve, for each input, as many of its last places as it has members waiting.
		for (let input = 0; input <= 1; input++) {
			let count = 0;
			for (const m of members) if (inputOf[m] === input && waiting(m)) count++;
			for (let k = members.length - 1; k >= 0 && count > 0; k--) {
				const place = members[k]!;
				if (inputOf[place] !== input) continue;
				reserved[place] = 1;
				count--;
			}
		}

		let free = 0;
		for (const place of members) if (reserved[place] === 0) freePlaces[free++] = place;
		let moved = false;
		for (const m of members) {
			const wait = waiting(m);
			let rank = 0;
			for (const other of members) {
				if (waiting(other) !== wait || (wait && inputOf[other] !== inputOf[m])) continue;
				if (sig[other]! < sig[m]! || (sig[other] === sig[m] && other < m)) rank++;
			}

			if (wait) {
				// The rank-th reserved place of its input.
				let k = 0;
				for (const place of members) {
					if (reserved[place] === 0 || inputOf[place] !== inputOf[m]) continue;
					if (k++ === rank) {
						newOf[m] = place;
						break;
					}
				}
			} else {
				newOf[m] = freePlaces[rank]!;
			}

			if (newOf[m] !== m) moved = true;
		}

		return moved;
	}

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

	private codeOf(perm: Int8Array): number {
		let code = 0;
		for (let node = this.n; node >= 1; node--) code = code * (this.n + 1) + perm[node]!;
		return code;
	}

	/** `abstract` of a move, computed once per move. */
	private abstractMove(move: PackedMove): PackedMove {
		const m = this.layout.messages;
		if (move >= m) return move;
		const from = this.fromOf[move]!;
		if (from === 0 || from === this.keep) return move;
		const to = this.toOf[move]!;
		return this.layout.id(to, to, this.slotOf[move]!, this.valueOf[move]!);
	}

	private renumberMove(move: PackedMove, perm: Int8Array): PackedMove {
		const m = this.layout.messages;
		if (move >= 2 * m) return 2 * m + perm[(move - 2 * m) >> 2]! * 4 + ((move - 2 * m) & 3);
		const id = move < m ? move : move - m;
		const moved = this.layout.id(perm[this.toOf[id]!]!, perm[this.fromOf[id]!]!, this.slotOf[id]!, this.valueOf[id]!);
		return move < m ? moved : m + moved;
	}
}

/** Every order of the items. */
function arrangements(items: readonly number[]): number[][] {
	if (items.length <= 1) return [[...items]];
	return items.flatMap((item, k) => arrangements([...items.slice(0, k), ...items.slice(k + 1)]).map(rest => [item, ...rest]));
}
