/**
 * Which sandbox games the exact analysis does not reach in seconds: measured on the bench's
 * frontier table (docs/performance.md says why: ben-or's nodes can feed each other to the end,
 * so partial-order reduction cuts nothing, and each node more multiplies the graph by ~100).
 */
export interface FrontierSpec {
	readonly protocol: string;
	readonly n: number;
	readonly allow: readonly string[];
	readonly rounds?: number;
}

/** A sentence for the setup screen when the game's first answer is likely `unknown`, else null. */
export function outOfReach({protocol, n, allow, rounds = 1}: FrontierSpec): string | null {
	const hard = allow.includes('lie') || allow.includes('byzantine');
	const far =
		protocol === 'ben-or'
			? n >= 5 || (n === 4 && (rounds >= 2 || allow.includes('byzantine'))) || (n === 3 && rounds >= 2 && allow.includes('byzantine'))
			: (protocol === 'wait-all' || protocol === 'quorum') && n >= 6 && hard;
	return far ? 'beyond the exact analysis in seconds: expect "unknown" labels at first' : null;
}
