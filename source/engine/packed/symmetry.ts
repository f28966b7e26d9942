/**
 * Symmetry reduction (rule 5 of docs/engine.md): states that differ only by a renumbering of
 * interchangeable nodes (same role, same input) have the same R, so the memo keeps one key for
 * all of them. This is the classic symmetry reduction of explicit-state model checking (C. N. Ip
 * and D. L. Dill, "Better verification through symmetry", Formal Methods in System Design 9,
 * 1996; E. A. Emerson and A. P. Sistla, "Symmetry and model checking", same volume), with the
 * key made the cheap way: sort each class of interchangeable nodes by a signature that does not
 * depend on node numbers. That is not a perfect canonical form (two renumberings of one state
 * may get different keys when signatures tie), which costs only merges, never exactness.
 *
 * Renumberings are numbered (0 the identity) so that the memo's links can store one in a few
 * bits: a stored state's links, kept in its key's numbering, serve every state with that key
 * (`renumbered`, `compose`, `inverse` translate between numberings).
 */
import type {Setup} from '../configuration.js';
import {type PackedLayout, type PackedMove, lowestBit} from './layout.js';

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

export class Symmetry {
	/** The renumbering `key` applied last: real numbers to the key's (an index into `perms`). */
	lastPerm = 0;
	/**
	 * Classes of interchangeable nodes (same role, same input), each of two or more; empty when
	 * no renumbering can merge states.
	 */
	private readonly classes: number[][];
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

	/** `enabled: false` keeps every node's number (for measuring raw exploration). */
	constructor(
		private readonly layout: PackedLayout,
		setup: Setup,
		enabled: boolean,
	) {
		const {n, protocol} = setup;
		({n: this.n, block: this.block, slots: this.slots, local: this.local, rows: this.rows, poolAt: this.poolAt, maxMoves: this.maxMoves} = layout);
		({toOf: this.toOf, fromOf: this.fromOf, slotOf: this.slotOf, valueOf: this.valueOf} = layout);
		const groups = new Map<string, number[]>();
		let symmetric = protocol.role !== undefined;
		for (let node = 1; node <= n; node++) {
			const role = protocol.role?.(node);
			if (role === undefined) symmetric = false;
			const group = `${role}/${setup.inputs[node - 1]}`;
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
		this.moveMaps = new Int32Array(count * most);
		for (let k = 0; k < count; k++) {
			const perm = perms[k]!;
			for (let move = 0; move < most; move++) this.moveMaps[k * most + move] = this.renumberMove(move, perm);
		}
	}

	/** Whether keys renumber nodes at all (false with symmetry off or no interchangeable nodes). */
	get renumbers(): boolean {
		return this.classes.length > 0;
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
		return this.arrange(state, into, -1);
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
