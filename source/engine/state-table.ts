/**
 * A set of byte states with an outcome mask each: open addressing over the states' own bytes
 * (no strings). States have a fixed width, a multiple of 4 bytes, and are hashed and compared
 * a 32-bit word at a time.
 *
 * Built for the search's access pattern, where most lookups find a state already stored and
 * the cost is waiting for memory: each table slot holds the entry and its full hash side by side,
 * so a probe that does not match never touches the stored states, and growing never rehashes.
 * The search looks up all successors of a state in one go (`find`), so their cache misses
 * overlap.
 */
export class StateTable {
	private readonly words: number;
	private arena: Int32Array;
	private masks: Uint8Array;
	/** Per slot: [entry + 1 (0 empty), hash]. */
	private table: Int32Array;
	private count = 0;

	constructor(readonly width: number) {
		if (width % 4 !== 0) throw new Error('bug: a state width must be a multiple of 4 bytes');
		this.words = width / 4;
		this.arena = new Int32Array(1024 * this.words);
		this.masks = new Uint8Array(1024);
		this.table = new Int32Array(2 * 2048);
	}

	get size(): number {
		return this.count;
	}

	/**
	 * The hash of a state, given as a view of its words: two independent lanes (so the
	 * multiplications overlap instead of waiting on each other), then a final mix.
	 */
	hash(state: Int32Array): number {
		let a = 0x811c9dc5;
		let b = 0x27d4eb2f;
		const words = this.words;
		let i = 0;
		for (; i + 1 < words; i += 2) {
			a = Math.imul(a ^ state[i]!, 0x01000193);
			b = Math.imul(b ^ state[i + 1]!, 0x85ebca77);
			a ^= a >>> 15;
			b ^= b >>> 13;
		}

		if (i < words) a = Math.imul(a ^ state[i]!, 0x01000193);
		let h = a ^ Math.imul(b, 0xc2b2ae3d);
		h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
		return h ^ (h >>> 13);
	}

	/** The entry holding the state (its words and their `hash`), or -1. */
	find(state: Int32Array, hash: number): number {
		const table = this.table;
		const mask = (table.length >> 1) - 1;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const entry = table[2 * slot]!;
			if (entry === 0) return -1;
			if (table[2 * slot + 1] === hash && this.same(entry - 1, state)) return entry - 1;
		}
	}

	/**
	 * Touch the table slots, then the stored states, that `find` will read for these hashes,
	 * each pass a tight loop of independent loads, so their cache misses overlap instead of
	 * queueing one behind the other. Only a hint: it changes nothing.
	 */
	warm(hashes: Int32Array, count: number): number {
		const table = this.table;
		const mask = (table.length >> 1) - 1;
		const seen = this.seen;
		for (let i = 0; i < count; i++) seen[i] = table[2 * (hashes[i]! & mask)]!;
		let sum = 0;
		const last = this.words - 1;
		for (let i = 0; i < count; i++) {
			if (seen[i]! === 0) continue;
			const at = (seen[i]! - 1) * this.words;
			sum += this.arena[at]! + this.arena[at + last]!;
		}
		return sum;
	}

	private seen = new Int32Array(0);

	/** Make room for `warm` over this many hashes. */
	reserve(count: number): void {
		if (this.seen.length < count) this.seen = new Int32Array(count);
	}

	/** The mask stored in an entry that `find` returned. */
	maskOf(entry: number): number {
		return this.masks[entry]!;
	}

	/** Store the state's mask (the state must not be stored yet); returns its entry. */
	insert(state: Int32Array, hash: number, value: number): number {
		if ((this.count + 1) * 2 > this.table.length >> 1) this.grow();
		if (this.count === this.masks.length) {
			const arena = new Int32Array(this.arena.length * 2);
			arena.set(this.arena);
			this.arena = arena;
			const masks = new Uint8Array(this.masks.length * 2);
			masks.set(this.masks);
			this.masks = masks;
			const linkAt = new Int32Array(this.linkAt.length * 2).fill(-1);
			linkAt.set(this.linkAt);
			this.linkAt = linkAt;
			const linkCount = new Int32Array(this.linkCount.length * 2);
			linkCount.set(this.linkCount);
			this.linkCount = linkCount;
		}

		const entry = this.count++;
		const at = entry * this.words;
		for (let i = 0; i < this.words; i++) this.arena[at + i] = state[i]!;
		this.masks[entry] = value;
		this.place(entry + 1, hash);
		return entry;
	}

	/**
	 * Links: for an entry, the entry of each of its successors, by move. A link's code is
	 * 2 * entry + 1 when the successor is stored as it is (its key was itself), 2 * entry when it
	 * is stored renumbered. Set at most once per entry.
	 */
	private linkAt = new Int32Array(1024).fill(-1);
	private linkCount = new Int32Array(1024);
	private linkMoves = new Uint16Array(4096);
	private linkCodes = new Int32Array(4096);
	private linkTop = 0;

	/** Moves must be below 65,536. */
	setLinks(entry: number, moves: Int32Array, codes: Int32Array, count: number): void {
		if (this.linkTop + count > this.linkMoves.length) {
			let size = this.linkMoves.length * 2;
			while (this.linkTop + count > size) size *= 2;
			const linkMoves = new Uint16Array(size);
			linkMoves.set(this.linkMoves);
			this.linkMoves = linkMoves;
			const linkCodes = new Int32Array(size);
			linkCodes.set(this.linkCodes);
			this.linkCodes = linkCodes;
		}

		const at = this.linkTop;
		for (let i = 0; i < count; i++) {
			this.linkMoves[at + i] = moves[i]!;
			this.linkCodes[at + i] = codes[i]!;
		}

		this.linkAt[entry] = at;
		this.linkCount[entry] = count;
		this.linkTop += count;
	}

	/** Like `warm`, for the links `link` will read next: of these entries. */
	warmLinks(entries: Int32Array, count: number): number {
		const seen = this.seen;
		for (let i = 0; i < count; i++) seen[i] = this.linkAt[entries[i]!]!;
		let sum = 0;
		for (let i = 0; i < count; i++) if (seen[i]! >= 0) sum += this.linkMoves[seen[i]!]! + this.linkCodes[seen[i]!]!;
		return sum;
	}

	/** The code of the entry's successor by `move` (see `setLinks`), or -1 when not linked. */
	link(entry: number, move: number): number {
		const at = this.linkAt[entry]!;
		if (at < 0) return -1;
		const end = at + this.linkCount[entry]!;
		for (let i = at; i < end; i++) if (this.linkMoves[i] === move) return this.linkCodes[i]!;
		return -1;
	}

	/** The mask stored for the state, or -1. */
	get(bytes: Uint8Array): number {
		const state = wordsOf(bytes);
		const entry = this.find(state, this.hash(state));
		return entry < 0 ? -1 : this.masks[entry]!;
	}

	/** Store the state's mask (the state must not be stored yet). */
	set(bytes: Uint8Array, value: number): void {
		const state = wordsOf(bytes);
		this.insert(state, this.hash(state), value);
	}

	private same(entry: number, state: Int32Array): boolean {
		const at = entry * this.words;
		for (let i = 0; i < this.words; i++) if (this.arena[at + i] !== state[i]) return false;
		return true;
	}

	private place(code: number, hash: number): void {
		const table = this.table;
		const mask = (table.length >> 1) - 1;
		let slot = hash & mask;
		while (table[2 * slot] !== 0) slot = (slot + 1) & mask;
		table[2 * slot] = code;
		table[2 * slot + 1] = hash;
	}

	private grow(): void {
		const old = this.table;
		this.table = new Int32Array(old.length * 2);
		for (let slot = 0; slot < old.length; slot += 2) if (old[slot] !== 0) this.place(old[slot]!, old[slot + 1]!);
	}
}

/** A view of a state's bytes as 32-bit words (the width is a multiple of 4). */
export function wordsOf(bytes: Uint8Array): Int32Array {
	return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
}
