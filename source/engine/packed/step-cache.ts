/**
 * The step cache: a delivery's effect, remembered. A step (deliver a message, then settle its
 * recipient) changes only the recipient's block, its own incoming messages (those that became
 * inert are dropped) and the pool of the others (what it broadcast), and the first two are a
 * function of the block and the message alone. So a step is looked up by (message, the
 * recipient's block) and replayed: the block after, the broadcasts sent again (whether a send
 * joins the pool depends on its recipient's block), and a mask of the recipient's pool bits to
 * keep. The cache is direct-mapped: a new step takes the place of the one there.
 *
 * It reads a state's bytes as 32-bit little-endian words, so it is off on a big-endian machine.
 */
import {LITTLE_ENDIAN, type PackedLayout, STARTED} from './layout.js';
import type {ProtocolAdapter} from './protocol-adapter.js';

/** Entries of the step cache: a power of two. */
const STEP_ENTRIES = 1 << 16;
const STEP_MASK = STEP_ENTRIES - 1;
/** Where an entry keeps the block before the step (after the message id). */
const STEP_BEFORE = 1;

export class StepCache {
	/**
	 * The entries, `stepStride` numbers each (a whole number of 32-byte halves of a cache line: a
	 * lookup touches no more lines than with whole lines, in less memory): the message id + 1 (0:
	 * empty); from `STEP_BEFORE` the recipient's block before the step and after it, as words;
	 * from `stepSends` how many broadcasts (-1: too many), then each as slot << 8 | value (up to
	 * 2 per slot); from `stepKeep` the pool's bits to keep (`keepMask`).
	 */
	private readonly steps: Int32Array;
	/** Whether steps are cached (not on a big-endian machine, nor when turned off). */
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
	private readonly n: number;
	private readonly block: number;
	private readonly slots: number;
	private readonly rows: number;
	private readonly poolAt: number;
	private readonly domains: Int32Array;
	private readonly toOf: Int16Array;

	/** `enabled: false` computes every step afresh (to check the cache against, and smaller). */
	constructor(
		private readonly layout: PackedLayout,
		private readonly adapter: ProtocolAdapter,
		enabled: boolean,
	) {
		const {n, block, slots, poolAt, perRecipient} = layout;
		this.n = n;
		this.block = block;
		this.slots = slots;
		this.rows = layout.rows;
		this.poolAt = poolAt;
		this.domains = layout.domains;
		this.toOf = layout.toOf;
		// Per node: the words its block lies in, with masks of the block's bytes in the first and
		// last, and the words its incoming messages lie in (message id's bit is bit 8 * poolAt + id
		// of the state, counting from bit 0 of word 0: words are little-endian). A block is at
		// least 5 bytes, so it lies in 2 words or more.
		this.blockAt = new Int32Array(n + 1);
		this.blockWordsOf = new Int32Array(n + 1);
		this.headMask = new Int32Array(n + 1);
		this.tailMask = new Int32Array(n + 1);
		this.spanAt = new Int32Array(n + 1);
		this.spanOf = new Int32Array(n + 1);
		let widest = 0;
		for (let node = 1; node <= n; node++) {
			const at = (node - 1) * block;
			this.blockAt[node] = at >> 2;
			widest = Math.max(widest, ((at + block - 1) >> 2) - (at >> 2) + 1);
			const first = 8 * poolAt + layout.id(node, 0, -1, -1);
			this.spanAt[node] = first >> 5;
			this.spanOf[node] = ((first + perRecipient - 1) >> 5) - (first >> 5) + 1;
		}

		this.blockWords = widest;
		for (let node = 1; node <= n; node++) {
			const at = (node - 1) * block;
			const end = at + block - 1;
			this.blockWordsOf[node] = (end >> 2) - (at >> 2) + 1;
			this.headMask[node] = -1 << (8 * (at & 3));
			this.tailMask[node] = -1 >>> (8 * (3 - (end & 3)));
		}

		this.stepSends = STEP_BEFORE + 2 * this.blockWords;
		this.stepKeep = this.stepSends + 1 + 2 * slots;
		this.stepStride = Math.ceil((this.stepKeep + Math.max(...this.spanOf)) / 8) * 8;
		this.caching = enabled && LITTLE_ENDIAN;
		this.steps = new Int32Array(this.caching ? STEP_ENTRIES * this.stepStride : 0);
	}

	/**
	 * Deliver message `id` to its recipient and settle the recipient, in place (`words` is a view
	 * of `state`'s words): what the adapter's `deliver` then `settle` do, read from the cache when
	 * the recipient's block and the message were seen before.
	 */
	step(state: Uint8Array, words: Int32Array, id: number): void {
		const to = this.toOf[id]!;
		const adapter = this.adapter;
		if (!this.caching) {
			adapter.deliver(state, id);
			adapter.settle(state, to);
			return;
		}

		// The block's bytes, a word at a time: its first and last word masked (they may hold
		// bytes of other blocks or of the pool), the words between as they are.
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
		cache[sends] = 0;
		adapter.record(cache, sends);
		adapter.deliver(state, id);
		adapter.record(cache, -1);
		adapter.settle(state, to);
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
		const adapter = this.adapter;
		for (let c = 1; c <= count; c = (c + 1) | 0) {
			const send = cache[(sends + c) | 0]!;
			for (let other = 1; other <= n; other = (other + 1) | 0) if (other !== to) adapter.send(state, other, to, send >> 8, send & 255);
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
		const first = this.layout.id(node, 0, -1, -1);
		const base = (node - 1) * this.block + this.rows;
		const started = (state[(node - 1) * this.block]! & STARTED) !== 0;
		const count = this.spanOf[node]!;
		for (let j = 0; j < count; j = (j + 1) | 0) into[(offset + j) | 0] = -1;
		// Message id is bit 8 * poolAt + id of the state (words are little-endian): bit `id + skip`
		// of the span. The ids run over the start message, then by sender, slot and value, so
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
}
