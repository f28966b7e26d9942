import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {PENDING, StateTable, findLink, linkChunk, linkMask, linkOffset, linkPerm, linkWord, wordsOf} from '../../source/engine/state-table.js';

/** Write a list of links the way the search does, in place (moves below 65,536, renumberings below 1,024); returns where it is. */
function writeLinks(table: StateTable, moves: Int32Array, masks: Uint8Array, perms: Int32Array, next: Int32Array, count: number): number {
	const at = table.reserveLinks(count);
	const links = table.chunkOf(at);
	const start = linkOffset(at);
	for (let i = 0; i < count; i++) {
		links[start + 2 + 2 * i] = linkWord(moves[i]!, masks[i]!, perms[i]!);
		links[start + 3 + 2 * i] = next[i]!;
	}

	return at;
}

/** The link by `move` in the list at `at`, as the search reads it: its word and where its successor's links are. */
function follow(table: StateTable, at: number, move: number, guess: number): [number, number] | undefined {
	const links = table.linkChunks[linkChunk(at)]!;
	const index = findLink(links, linkOffset(at), move, guess);
	return index < 0 ? undefined : [links[index]!, links[index + 1]!];
}

/** A constant hash, so every state collides: only the stored words can tell them apart. */
class Colliding extends StateTable {
	override hash(): number {
		return 7;
	}
}

describe('StateTable', () => {
	it('agrees with a Map over many states, through several growths', () => {
		fc.assert(
			fc.property(fc.array(fc.uint8Array({minLength: 8, maxLength: 8}), {minLength: 1, maxLength: 3000}), states => {
				const table = new StateTable(8);
				const reference = new Map<string, number>();
				for (const [i, bytes] of states.entries()) {
					const id = bytes.join(',');
					expect(table.get(bytes)).toBe(reference.get(id) ?? -1);
					if (!reference.has(id)) {
						table.set(bytes, i % 32);
						reference.set(id, i % 32);
					}
				}

				expect(table.size).toBe(reference.size);
				for (const bytes of states) expect(table.get(bytes)).toBe(reference.get(bytes.join(',')));
			}),
			{numRuns: 30},
		);
	});

	it('tells states apart by their words when every hash is the same', () => {
		const table = new Colliding(4);
		for (let v = 0; v < 300; v++) table.set(new Uint8Array([v & 255, v >> 8, 1, 2]), v % 7);
		for (let v = 0; v < 300; v++) expect(table.get(new Uint8Array([v & 255, v >> 8, 1, 2]))).toBe(v % 7);
		expect(table.get(new Uint8Array([44, 1, 2, 2]))).toBe(-1);
	});

	it('finds by words and hash, and warming changes nothing', () => {
		const table = new StateTable(8);
		const a = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
		const b = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 9]);
		const wa = wordsOf(a);
		const wb = wordsOf(b);
		table.insert(wa, table.hash(wa), 5);
		const hashes = Int32Array.of(table.hash(wa), table.hash(wb));
		table.reserve(2);
		table.warm(hashes, 2);
		expect(table.maskOf(table.find(wa, hashes[0]!))).toBe(5);
		expect(table.find(wb, hashes[1]!)).toBe(-1);
		expect(table.size).toBe(1);
	});

	it('claims a missing state as pending, once, until it is completed', () => {
		const table = new Colliding(4);
		const words = (v: number): Int32Array => wordsOf(new Uint8Array([v, 0, 0, 9]));
		const first = table.claim(words(1), 7);
		expect(table.maskOf(first)).toBe(PENDING);
		expect(table.get(new Uint8Array([1, 0, 0, 9]))).toBe(-1);
		expect(table.claim(words(1), 7)).toBe(first);
		// Claims through a growth of the table: every state keeps its own entry.
		const entries = Array.from({length: 3000}, (_, v) => table.claim(words(v & 255), 7));
		expect(table.size).toBe(256);
		expect(entries[1]).toBe(first);
		table.complete(first, 3);
		expect(table.maskOf(table.claim(words(1), 7))).toBe(3);
		expect(table.get(new Uint8Array([1, 0, 0, 9]))).toBe(3);
		expect(table.find(words(2), 7)).toBe(entries[2]);
	});

	it('follows a link from any guessed index, and finds none for a move not in the list', () => {
		fc.assert(
			fc.property(fc.uniqueArray(fc.integer({min: 0, max: 65_535}), {maxLength: 12}), fc.integer({min: -3, max: 20}), (moves, guess) => {
				const table = new StateTable(4);
				const entry = table.claim(wordsOf(new Uint8Array(4)), 1);
				const count = moves.length;
				const masks = Uint8Array.from(moves, (_, i) => i % 32);
				const next = Int32Array.from(moves, (_, i) => 100 + i);
				const perms = Int32Array.from(moves, (_, i) => (i * 37) % 1024);
				const at = writeLinks(table, Int32Array.from(moves), masks, perms, next, count);
				table.complete(entry, 5, at);
				expect([table.maskOf(entry), table.linksOf(entry)]).toEqual([5, at]);
				for (const [i, move] of moves.entries()) {
					const [link, linkNext] = follow(table, at, move, guess)!;
					expect([link & 0xffff, linkMask(link), linkPerm(link), linkNext]).toEqual([move, i % 32, (i * 37) % 1024, 100 + i]);
				}

				const absent = [...Array(70).keys()].find(move => !moves.includes(move))!;
				expect(follow(table, at, absent, guess)).toBeUndefined();
			}),
			{numRuns: 200},
		);
	});

	it('keeps entries and links apart across many chunks', () => {
		// 40,000 entries (chunks of 16,384) with 30 links each (2.4 million words, chunks of 2^20).
		const table = new StateTable(8);
		const bytes = (v: number): Uint8Array => new Uint8Array([v & 255, (v >> 8) & 255, v >> 16, 7, 1, 2, 3, 4]);
		const moves = Int32Array.from({length: 30}, (_, i) => i * 3);
		const masks = new Uint8Array(30);
		const perms = new Int32Array(30);
		const next = new Int32Array(30);
		const places: number[] = [];
		for (let v = 0; v < 40_000; v++) {
			const words = wordsOf(bytes(v));
			const entry = table.claim(words, table.hash(words));
			expect(entry).toBe(v);
			masks.fill(v % 32);
			next.fill(v);
			places.push(writeLinks(table, moves, masks, perms, next, 30));
			table.complete(entry, v % 31, places[v]!);
		}

		for (let v = 0; v < 40_000; v += 7) {
			expect(table.get(bytes(v))).toBe(v % 31);
			expect(table.linksOf(v)).toBe(places[v]);
			const [link, linkNext] = follow(table, places[v]!, 87, 0)!;
			expect([link & 0xffff, linkMask(link), linkNext]).toEqual([87, v % 32, v]);
		}
	});

	it('never moves a list of links once reserved, however many more follow', () => {
		// The search writes a list in place while its children reserve theirs.
		const table = new StateTable(4);
		const first = table.reserveLinks(3);
		const chunk = table.chunkOf(first);
		const places = [first];
		// 300,000 lists of 3 links (8 words, so chunks of 2^20 words fill exactly), then 100,000 of
		// 5: 3.6 million words, past the small chunks and several 4 MB ones.
		for (let k = 0; k < 400_000; k++) places.push(table.reserveLinks(k < 300_000 ? 3 : 5));
		expect(table.chunkOf(first)).toBe(chunk);
		chunk[linkOffset(first) + 2] = linkWord(42, 7, 3);
		chunk[linkOffset(first) + 3] = places[1]!;
		const entry = table.claim(wordsOf(new Uint8Array(4)), 1);
		table.complete(entry, 0, first);
		expect(follow(table, table.linksOf(entry), 42, 0)).toEqual([linkWord(42, 7, 3), places[1]]);
		// Lists do not overlap: each starts after the words of the one before (a header and two per link; the first 300,001 have 3 links).
		const sorted = [...places].sort((p, q) => p - q);
		for (let k = 1; k < sorted.length; k++) expect(sorted[k]! - sorted[k - 1]!).toBeGreaterThanOrEqual(k - 1 <= 300_000 ? 8 : 12);
	});

	it('refuses a width that is not whole words', () => {
		expect(() => new StateTable(6)).toThrow(/multiple of 4/);
	});
});
