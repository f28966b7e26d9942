/**
 * Which sandbox games the exact analysis does not answer in seconds, from the bench's frontier
 * table (docs/performance.md): of its 120 setups (f = 1, inputs X_floor(n/2), 5 s), all are
 * exact but 14, all of them ben-or. Why, in numbers, is in docs/engine.md ("Where the
 * reductions stop") and docs/performance.md.
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
 * The search behind each setup out of reach, from its initial configuration with witnesses
 * aside (2026-12-04, the 2-core development machine, two runs at a time; docs/performance.md).
 * Where a run ended, `states` and `seconds` are what it took. Where none did, a run stopped at
 * 4 GB of memory (the frontier's limit) after `floor` states, and `estimate` is the size from
 * the setups next to it (docs/engine.md, "Where the reductions stop"). Keyed
 * `r<rounds> n=<n> <allow>`.
 */
type Search = {readonly states: number; readonly seconds: number} | {readonly estimate: number; readonly floor: number};

const SEARCH: Readonly<Record<string, Search>> = {
	'r1 n=5 crash,lie,byzantine': {states: 1_939_230, seconds: 21},
	'r1 n=6 crash,lie': {states: 6_327_332, seconds: 46},
	'r1 n=6 crash,lie,byzantine': {estimate: 60_000_000, floor: 15_893_384},
	'r2 n=5 crash,lie': {states: 2_445_011, seconds: 28},
	'r2 n=6 crash': {states: 1_376_821, seconds: 13},
	'r2 n=6 crash,lie': {estimate: 25_000_000, floor: 11_303_816},
	'r2 n=6 crash,lie,byzantine': {states: 2_229_429, seconds: 40},
	'r3 n=5 none': {states: 856_293, seconds: 8},
	'r3 n=5 crash': {states: 1_605_533, seconds: 23},
	'r3 n=5 crash,lie': {states: 8_245_586, seconds: 127},
	'r3 n=6 none': {states: 2_213_447, seconds: 28},
	'r3 n=6 crash': {states: 4_779_249, seconds: 60},
	'r3 n=6 crash,lie': {estimate: 80_000_000, floor: 8_600_456},
	'r3 n=6 crash,lie,byzantine': {states: 5_461_349, seconds: 100},
};

/** The measured behaviour set nearest a set the bench does not run: byzantine goes with all three, lie with crash and lie. */
const measuredSet = (allow: readonly string[]): string =>
	allow.includes('byzantine') ? 'crash,lie,byzantine' : allow.includes('lie') ? 'crash,lie' : allow.includes('crash') ? 'crash' : 'none';

const millions = (states: number): string => (states >= 10_000_000 ? String(Math.round(states / 1e6)) : (Math.round(states / 1e5) / 10).toFixed(1));

const duration = (seconds: number): string => (seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`);

/**
 * A sentence for the setup screen when the game's first answer will take over 5 s (a setup
 * of `SEARCH`), else null. `answerSeconds`: the game's budget for one answer.
 */
export function outOfReach({protocol, n, allow, rounds = 1}: FrontierSpec, answerSeconds: number): string | null {
	if (protocol !== 'ben-or') return null;
	const search = SEARCH[`r${rounds} n=${n} ${measuredSet(allow)}`];
	if (search === undefined) return null;
	if ('estimate' in search) {
		return `beyond the exact analysis: from the start its search passes 4 GB of memory after ${millions(search.floor)} million positions (an estimated ${millions(search.estimate)} million in all); expect answers cut short`;
	}

	if (search.seconds < answerSeconds) {
		return `its first answer takes about ${duration(search.seconds)} on a 2-core machine: the exact one searches about ${millions(search.states)} million positions from the start`;
	}

	return `its first answers will be cut short: the exact one searches about ${millions(search.states)} million positions from the start (${duration(search.seconds)} on a 2-core machine) and the game stops each search at ${answerSeconds} s; [a] searches on`;
}
