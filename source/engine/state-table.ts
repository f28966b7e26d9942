/**
 * A set of byte states with an outcome mask each: open addressing over the states' own bytes
 * (no strings). States have a fixed width, a multiple of 4 bytes, and are hashed and compared
 * a 32-bit word at a time.
 */
export class StateTable {
	private readonly words: number;
	private arena: Int32Array;
	private masks: Uint8Array;
	private table: Int32Array;
	private count = 0;

	constructor(readonly width: number) {
		if (width % 4 !== 0) throw new Error('bug: a state width must be a multiple of 4 bytes');
		this.words = width / 4;
		this.arena = new Int32Array(1024 * this.words);
		this.masks = new Uint8Array(1024);
		this.table = new Int32Array(2048);
	}

	get size(): number {
		return this.count;
	}

	clear(): void {
		this.count = 0;
		this.table.fill(0);
	}

	private hash(state: Int32Array): number {
		let h = 0x811c9dc5;
		for (let i = 0; i < this.words; i++) {
			h = Math.imul(h ^ state[i]!, 0x01000193);
			h ^= h >>> 13;
		}

		return h >>> 0;
	}

	private same(entry: number, state: Int32Array): boolean {
		const at = entry * this.words;
		for (let i = 0; i < this.words; i++) if (this.arena[at + i] !== state[i]) return false;
		return true;
	}

	/** The mask stored for the state, or -1. */
	get(bytes: Uint8Array): number {
		const state = new Int32Array(bytes.buffer, bytes.byteOffset, this.words);
		const mask = this.table.length - 1;
		for (let slot = this.hash(state) & mask; ; slot = (slot + 1) & mask) {
			const entry = this.table[slot]!;
			if (entry === 0) return -1;
			if (this.same(entry - 1, state)) return this.masks[entry - 1]!;
		}
	}

	/** Store the state's mask (the state must not be stored yet). */
	set(bytes: Uint8Array, value: number): void {
		if ((this.count + 1) * 2 > this.table.length) this.grow();
		if (this.count === this.masks.length) {
			const arena = new Int32Array(this.arena.length * 2);
			arena.set(this.arena);
			this.arena = arena;
			const masks = new Uint8Array(this.masks.length * 2);
			masks.set(this.masks);
			this.masks = masks;
		}

		const entry = this.count++;
		this.arena.set(new Int32Array(bytes.buffer, bytes.byteOffset, this.words), entry * this.words);
		this.masks[entry] = value;
		this.place(entry);
	}

	private place(entry: number): void {
		const state = this.arena.subarray(entry * this.words, (entry + 1) * this.words);
		const mask = this.table.length - 1;
		let slot = this.hash(state) & mask;
		while (this.table[slot] !== 0) slot = (slot + 1) & mask;
		this.table[slot] = entry + 1;
	}

	private grow(): void {
		this.table = new Int32Array(this.table.length * 2);
		for (let entry = 0; entry < this.count; entry++) this.place(entry);
	}
}
