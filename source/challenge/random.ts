/**
 * Seeded randomness that lives in a value (mulberry32), so a challenge generated from a seed is
 * the same every time and everywhere. Pure: `next` returns the number and the next state.
 */
export interface Random {
	readonly state: number;
}

export const seeded = (seed: number): Random => ({state: seed >>> 0});

export function next(random: Random): [number, Random] {
	const state = (random.state + 0x6d2b79f5) >>> 0;
	let t = state;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return [((t ^ (t >>> 14)) >>> 0) / 4294967296, {state}];
}

/** A whole number in [0, n). */
export function below(random: Random, n: number): [number, Random] {
	const [x, after] = next(random);
	return [Math.floor(x * n), after];
}

/** FNV-1a of a string: a seed from a player's name. */
export function hashSeed(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}

	return h >>> 0;
}
