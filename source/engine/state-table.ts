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
 *
 * Entries and links live in chunks of a few MB that are never copied, so a large table touches
 * each byte of new memory once (fresh pages cost the kernel a page fault and zeroing each). So
 * that a small table stays small, the first chunk of entries starts small and doubles, and the
 * chunks of links start small and each is twice the one before, up to 4 MB: a list of links
 * never moves once reserved, so the search writes it in place while it fills it.
 *
 * Its hot code is written for V8 the way analysis.ts's header describes.
 */
/** The mask of an entry claimed but not completed yet (masks are below 32). */
export const PENDING = 255;
/** Where a successor's links would be while its answer is not known yet (-1: known, without links). */
export const UNKNOWN = -2;

export class StateTable {
	private readonly words: number;
	/**
	 * Per entry, a record of `stride` words: the state's words, its mask, and where its links are
	 * (-1 while it has none). One record, so a lookup that finds the state reads its mask and
	 * links from the same place in memory. Entry e is in chunk e >>> RECORD_BITS.
	 */
	private readonly records: Int32Array[];
	private readonly stride: number;
	/** Per slot: [entry + 1 (0 empty), hash]. */
	private table: Int32Array;
	private count = 0;
	/** Bytes of the typed arrays this table holds (its memory, for a memory budget). */
	private allocated = 0;

	constructor(readonly width: number) {
		if (width % 4 !== 0) throw new Error('bug: a state width must be a multiple of 4 bytes');
		this.words = width / 4;
		this.stride = this.words + 2;
		this.records = [new Int32Array(64 * this.stride)];
		this.table = new Int32Array(2 * 2048);
		this.allocated = this.records[0]!.byteLength + this.table.byteLength + this.links[0]!.byteLength;
	}

	get size(): number {
		return this.count;
	}

	/**
	 * The bytes this table holds, with what its next growth will take at once (the index doubles,
	 * the old one alive while the new one fills): a memory budget compares this with its limit.
	 */
	get bytes(): number {
		return this.allocated + 2 * this.table.byteLength;
	}

	/**
	 * The hash of a state, given as a view of its words: two independent lanes (so the
	 * multiplications overlap instead of waiting on each other), then a final mix.
	 */
	hash(state: Int32Array): number {
		let a = 0x811c9dc5;
		let b = 0x27d4eb2f;
		const words = this.words | 0;
		let i = 0;
		for (; ((i + 1) | 0) < words; i = (i + 2) | 0) {
			a = Math.imul(a ^ state[i]!, 0x01000193);
			b = Math.imul(b ^ state[(i + 1) | 0]!, 0x85ebca77);
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
	 * The entry holding the state, stored now as `PENDING` when it is missing: one probe where a
	 * find and a later insert would take two. The caller completes a pending entry (`complete`)
	 * once it knows the mask.
	 */
	claim(state: Int32Array, hash: number): number {
		const table = this.table;
		const mask = ((table.length >> 1) - 1) | 0;
		let slot = hash & mask;
		for (; ; slot = (slot + 1) & mask) {
			const entry = table[(2 * slot) | 0]!;
			if (entry === 0) break;
			if (table[(2 * slot + 1) | 0] === hash && this.same(entry - 1, state)) return entry - 1;
		}

		if ((this.count + 1) * 2 > table.length >> 1) return this.insert(state, hash, PENDING);
		const entry = this.store(state, PENDING);
		table[(2 * slot) | 0] = entry + 1;
		table[(2 * slot + 1) | 0] = hash;
		return entry;
	}

	/** Give a pending entry its mask, and its links (-1 for none), in one look at its record. */
	complete(entry: number, value: number, links = -1): void {
		const record = this.records[entry >>> RECORD_BITS]!;
		const at = (entry & RECORD_MASK) * this.stride + this.words;
		record[at + MASK] = value;
		record[at + LINKS] = links;
	}

	/**
	 * Touch the table slots, then the stored states, that `find` will read for these hashes,
	 * each pass a tight loop of independent loads, so their cache misses overlap instead of
	 * queueing one behind the other. Only a hint: it changes nothing.
	 */
	warm(hashes: Int32Array, count: number): number {
		const table = this.table;
		const mask = ((table.length >> 1) - 1) | 0;
		const seen = this.seen;
		for (let i = 0; i < count; i = (i + 1) | 0) seen[i] = table[(2 * (hashes[i]! & mask)) | 0]!;
		let sum = 0;
		const last = (this.stride - 1) | 0;
		for (let i = 0; i < count; i = (i + 1) | 0) {
			// Only a state that may be the one looked for: another state's record would be a wasted miss.
			if (seen[i]! === 0 || table[(2 * (hashes[i]! & mask) + 1) | 0] !== hashes[i]) continue;
			const entry = (seen[i]! - 1) | 0;
			const record = this.records[entry >>> RECORD_BITS]!;
			const at = ((entry & RECORD_MASK) * this.stride) | 0;
			sum = (sum + record[at]! + record[(at + last) | 0]!) | 0;
		}

		return sum;
	}

	private seen = new Int32Array(0);

	/** Make room for `warm` over this many hashes. */
	reserve(count: number): void {
		if (this.seen.length < count) {
			this.allocated += 4 * (count - this.seen.length);
			this.seen = new Int32Array(count);
		}
	}

	/** The mask stored in an entry that `find` or `claim` returned (`PENDING` while unknown). */
	maskOf(entry: number): number {
		return this.field(entry, MASK);
	}

	/** Store the state's mask (the state must not be stored yet); returns its entry. */
	insert(state: Int32Array, hash: number, value: number): number {
		if ((this.count + 1) * 2 > this.table.length >> 1) this.grow();
		const entry = this.store(state, value);
		this.place(entry + 1, hash);
		return entry;
	}

	/** A new entry with the state's words and a mask (not yet in the table). */
	private store(state: Int32Array, value: number): number {
		const entry = this.count++;
		const chunk = entry >>> RECORD_BITS;
		const at = (entry & RECORD_MASK) * this.stride;
		if (chunk === this.records.length) {
			this.records.push(new Int32Array((RECORD_MASK + 1) * this.stride));
			this.allocated += 4 * (RECORD_MASK + 1) * this.stride;
		}

		const full = this.records[chunk]!;
		if (at === full.length) {
			this.records[chunk] = copiedInto(full, new Int32Array(2 * full.length));
			this.allocated += full.byteLength;
		}

		const record = this.records[chunk]!;
		const words = this.words;
		record.set(state, at);
		record[at + words + MASK] = value;
		record[at + words + LINKS] = -1;
		return entry;
	}

	/**
	 * Links: for an entry, each successor by move, with its mask, the renumbering from that
	 * successor (in this entry's numbering) to its own key, and where its own links are. One list
	 * per entry, in one heap of 32-bit pairs: a header [count, 0], then per successor
	 * [move | mask << 16 | renumbering << 21, links] (the top bit stays 0: link words are never
	 * negative). Following a link thus reads one place in memory; the successor's entry is never
	 * needed. A list never straddles two chunks: links at `at` are in chunk `linkChunk(at)`.
	 */
	private readonly links: Int32Array[] = [new Int32Array(8192)];
	private linkTop = 0;

	/**
	 * Room for a list of `count` links, written in place by the caller: word `2 + 2 * i` of the
	 * list is link i's word (`linkWord`), word `3 + 2 * i` where that successor's own links are.
	 * Returns where the list is; `chunkOf` gives the array that holds it and `linkOffset` its
	 * place there. An entry gets the list when it is completed (`complete`).
	 */
	reserveLinks(count: number): number {
		const need = 2 * (count + 1);
		let chunk = linkChunk(this.linkTop);
		let start = linkOffset(this.linkTop);
		// (Past a full last chunk of 2^20 words there is no chunk yet.)
		let links = this.links[chunk];
		if (links === undefined || start + need > links.length) {
			// A new chunk, twice the last (up to 2^20 words), and the rest of the last one unused.
			let size = Math.min(2 * this.links[this.links.length - 1]!.length, LINK_MASK + 1);
			while (size < need) size *= 2;
			links = new Int32Array(size);
			this.links.push(links);
			this.allocated += links.byteLength;
			chunk = this.links.length - 1;
			start = 0;
		}

		links[start] = count;
		const at = chunk * (LINK_MASK + 1) + start;
		this.linkTop = at + need;
		return at;
	}

	/** The array that holds the list at `at` (a list never moves). */
	chunkOf(at: number): Int32Array {
		return this.links[linkChunk(at)]!;
	}

	/** The chunks of links: the list at `at` is in chunk `linkChunk(at)`, from `linkOffset(at)` (`findLink` reads it). */
	get linkChunks(): readonly Int32Array[] {
		return this.links;
	}

	/** Where an entry's links are, or -1. */
	linksOf(entry: number): number {
		return this.field(entry, LINKS);
	}

	/** The mask stored for the state, or -1 (also while pending). */
	get(bytes: Uint8Array): number {
		const state = wordsOf(bytes);
		const entry = this.find(state, this.hash(state));
		const mask = entry < 0 ? PENDING : this.maskOf(entry);
		return mask === PENDING ? -1 : mask;
	}

	/** Store the state's mask (the state must not be stored yet). */
	set(bytes: Uint8Array, value: number): void {
		const state = wordsOf(bytes);
		this.insert(state, this.hash(state), value);
	}

	/** A record's mask or links word (`MASK`, `LINKS`: after the state's words). */
	private field(entry: number, which: number): number {
		return this.records[entry >>> RECORD_BITS]![(entry & RECORD_MASK) * this.stride + this.words + which]!;
	}

	private same(entry: number, state: Int32Array): boolean {
		const record = this.records[entry >>> RECORD_BITS]!;
		const at = ((entry & RECORD_MASK) * this.stride) | 0;
		const words = this.words | 0;
		let i = 0;
		for (; ((i + 4) | 0) <= words; i = (i + 4) | 0) {
			const p = (at + i) | 0;
			if (record[p] !== state[i] || record[(p + 1) | 0] !== state[(i + 1) | 0] || record[(p + 2) | 0] !== state[(i + 2) | 0] || record[(p + 3) | 0] !== state[(i + 3) | 0]) {
				return false;
			}
		}

		for (; i < words; i = (i + 1) | 0) if (record[(at + i) | 0] !== state[i]) return false;
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
		this.allocated += old.byteLength;
		for (let slot = 0; slot < old.length; slot += 2) if (old[slot] !== 0) this.place(old[slot]!, old[slot + 1]!);
	}
}

/**
 * In the list of links that starts at `list` in `links` (a chunk), where the link by `move` is
 * (its word; where the successor's links are is the next word), or -1 when there is none. The
 * search starts at index `guess` and widens from there.
 */
export function findLink(links: Int32Array, list: number, move: number, guess: number): number {
	const count = links[list]! | 0;
	const first = (list + 2) | 0;
	const start = guess < count ? (guess > 0 ? guess | 0 : 0) : (count - 1) | 0;
	for (let d = 0; d < count; d = (d + 1) | 0) {
		const below = (start - d) | 0;
		const above = (start + d) | 0;
		if (below < 0 && above >= count) break;
		if (below >= 0 && linkMove(links[(first + 2 * below) | 0]!) === move) return (first + 2 * below) | 0;
		if (d > 0 && above < count && linkMove(links[(first + 2 * above) | 0]!) === move) return (first + 2 * above) | 0;
	}

	return -1;
}

/** Which chunk of links holds the list at `at` (an index into `linkChunks`). */
export function linkChunk(at: number): number {
	return at >>> LINK_BITS;
}

/** Where the list at `at` starts in its chunk (`chunkOf`). */
export function linkOffset(at: number): number {
	return at & LINK_MASK;
}

/*
 * A link word's layout, defined by these four functions only: the move in bits 0-15, the
 * successor's mask in bits 16-20, the renumbering to its key from bit 21 (10 bits); never
 * negative. (Numbers written out: with exported shift constants read by the search instead,
 * valgrind counted 1.3 % more instructions.)
 */

/** A link's word: the move, the successor's mask, and the renumbering to its key (never negative). */
export function linkWord(move: number, mask: number, perm: number): number {
	return move | (mask << 16) | (perm << 21);
}

/** A link's move. */
export function linkMove(link: number): number {
	return link & 0xffff;
}

/** A link's successor mask. */
export function linkMask(link: number): number {
	return (link >>> 16) & 31;
}

/** A link's renumbering from the successor (in the list's numbering) to its key. */
export function linkPerm(link: number): number {
	return link >>> 21;
}

/** Where a record keeps its mask and its links, after the state's words. */
const MASK = 0;
const LINKS = 1;
/** Entries per chunk of records: 16,384 (about 1 MB for a 52-byte state). */
const RECORD_BITS = 14;
const RECORD_MASK = (1 << RECORD_BITS) - 1;
/** Words per chunk of links: 1,048,576 (4 MB). */
const LINK_BITS = 20;
const LINK_MASK = (1 << LINK_BITS) - 1;

/** `larger`, with `array` copied into its start. */
function copiedInto<T extends Int32Array | Uint8Array>(array: T, larger: T): T {
	larger.set(array);
	return larger;
}

/** A view of a state's bytes as 32-bit words (the width is a multiple of 4). */
export function wordsOf(bytes: Uint8Array): Int32Array {
	return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
}
