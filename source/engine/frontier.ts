/**
 * Which sandbox games the exact analysis does not reach in seconds, from the bench's frontier
 * table (docs/performance.md): every one of its 120 setups (f = 1, inputs X_floor(n/2), 5 s) is
 * exact but 22, all of them ben-or. Each node more still multiplies ben-or's reduced graph
 * several times over, and each round more too.
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
	const lies = allow.includes('lie') || allow.includes('byzantine');
	const byzantine = allow.includes('byzantine');
	// Measured unknown at 5 s: one round, n = 5 with byzantine, n = 6 with lie; two rounds, n = 4
	// with byzantine, n >= 5; three rounds, n = 4 with lie, n >= 5.
	const far = rounds === 1 ? (n === 5 && byzantine) || (n >= 6 && lies) : n >= 5 || (n === 4 && (rounds === 2 ? byzantine : lies));
	return far ? 'beyond the exact analysis in seconds: expect "unknown" labels at first' : null;
}
