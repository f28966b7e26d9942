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

/**
 * The setups out of reach (unknown within 5 s: one round, n = 5 with byzantine, n = 6 with lie;
 * two rounds, n = 4 with byzantine, n >= 5; three rounds, n = 4 with lie, n >= 5), and the
 * search behind each, from the initial configuration with witnesses aside: `states` to the
 * exact answer, or `open` after that many when a 30 s run had not finished (one round, n = 5,
 * all three: run to its end, 63 s). The 2-core machine, 2026-12-04; docs/performance.md. Keyed
 * `r<rounds> n=<n> <allow>`.
 */
const SEARCH: Readonly<Record<string, {readonly states: number; readonly open?: true}>> = {
	'r1 n=5 crash,lie,byzantine': {states: 9_908_908},
	'r1 n=6 crash,lie': {states: 5_754_760, open: true},
	'r1 n=6 crash,lie,byzantine': {states: 3_801_992, open: true},
	'r2 n=5 crash,lie': {states: 5_452_680, open: true},
	'r2 n=5 crash,lie,byzantine': {states: 3_793_800, open: true},
	'r2 n=6 crash': {states: 3_593_096, open: true},
	'r2 n=6 crash,lie': {states: 4_626_312, open: true},
	'r2 n=6 crash,lie,byzantine': {states: 3_309_448, open: true},
	'r3 n=4 crash,lie,byzantine': {states: 4_208_520, open: true},
	'r3 n=5 none': {states: 860_328},
	'r3 n=5 crash': {states: 3_376_008, open: true},
	'r3 n=5 crash,lie': {states: 4_520_840, open: true},
	'r3 n=5 crash,lie,byzantine': {states: 3_208_072, open: true},
	'r3 n=6 none': {states: 3_338_120, open: true},
	'r3 n=6 crash': {states: 3_368_840, open: true},
	'r3 n=6 crash,lie': {states: 3_432_328, open: true},
	'r3 n=6 crash,lie,byzantine': {states: 2_495_368, open: true},
};

/** The measured behaviour set nearest a set the bench does not run: byzantine goes with all three, lie with crash and lie. */
const measuredSet = (allow: readonly string[]): string =>
	allow.includes('byzantine') ? 'crash,lie,byzantine' : allow.includes('lie') ? 'crash,lie' : allow.includes('crash') ? 'crash' : 'none';

const millions = (states: number): string => (states >= 10_000_000 ? String(Math.round(states / 1e6)) : (Math.round(states / 1e5) / 10).toFixed(1));

/** A sentence for the setup screen when the game's first answer is likely `unknown` (a setup of `SEARCH`), else null. */
export function outOfReach({protocol, n, allow, rounds = 1}: FrontierSpec): string | null {
	if (protocol !== 'ben-or') return null;
	const search = SEARCH[`r${rounds} n=${n} ${measuredSet(allow)}`];
	if (search === undefined) return null;
	return `beyond the exact analysis in seconds (its search: ${search.open ? 'over' : 'about'} ${millions(search.states)} million positions): expect "unknown" labels at first`;
}
