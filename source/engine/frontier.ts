/**
 * Which sandbox games the exact analysis does not reach in seconds, from the bench's frontier
 * table (docs/performance.md): every one of its 120 setups (f = 1, inputs X_floor(n/2), 5 s) is
 * exact but 27, all of them ben-or. Ben-or's nodes keep feeding each other in later rounds, so
 * partial-order reduction cuts little, and each node more still multiplies its graph by 6 to
 * 1,000 with keys that forget senders.
 * Behaviour sets the bench does not run go with the measured set they contain or are contained in:
 * lie alone with crash and lie; byzantine with all three.
 */
export interface FrontierSpec {
	readonly protocol: string;
	readonly n: number;
	readonly allow: readonly string[];
	readonly rounds?: number;
}

/** A sentence for the setup screen when the game's first answer is likely `unknown`, else null. */
export function outOfReach({protocol, n, allow, rounds = 1}: FrontierSpec): string | null {
	if (protocol !== 'ben-or') return null;
	const corrupts = allow.length > 0;
	const lies = allow.includes('lie') || allow.includes('byzantine');
	// Measured unknown at 5 s (or at its edge): r1 n = 5 with a corruption, n >= 6; r2 and r3
	// n = 4 with lie, n >= 5.
	const far = rounds === 1 ? n >= 6 || (n === 5 && corrupts) : n >= 5 || (n === 4 && lies);
	return far ? 'beyond the exact analysis in seconds: expect "unknown" labels at first' : null;
}
