/**
 * Which sandbox games the exact analysis does not answer in seconds, from the bench's frontier
 * table (docs/performance.md): of its 120 setups (f = 1, inputs X_floor(n/2), 5 s), all are
 * exact but 18, all of them ben-or: 17 whose search is too large, and one whose search is
 * quick but whose witness runs are not. Why, in numbers, is in docs/engine.md ("Where the
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
 * Where a run ended, `states` and `seconds` are what it took; `withWitnesses`, where the
 * answer with its witness runs (as the game and `flp analyze` give it) took over 5 s though
 * the search did not. Where none did, a run stopped at
 * 4 GB of memory (the frontier's limit) after `floor` states, and `estimate` is the size from
 * the setups next to it (docs/engine.md, "Where the reductions stop"). Keyed
 * `r<rounds> n=<n> <allow>`.
 */
type Search = {readonly states: number; readonly seconds: number; readonly withWitnesses?: number} | {readonly estimate: number; readonly floor: number};

const SEARCH: Readonly<Record<string, Search>> = {
	'r1 n=5 crash,lie,byzantine': {states: 3_056_658, seconds: 23},
	'r1 n=6 crash,lie': {states: 6_327_390, seconds: 64},
	'r1 n=6 crash,lie,byzantine': {estimate: 75_000_000, floor: 15_613_832},
	'r2 n=4 crash,lie,byzantine': {states: 200_847, seconds: 1.5, withWitnesses: 10},
	'r2 n=5 crash,lie': {states: 2_479_759, seconds: 24},
	'r2 n=5 crash,lie,byzantine': {states: 1_829_785, seconds: 18},
	'r2 n=6 crash': {states: 1_376_821, seconds: 13},
	'r2 n=6 crash,lie': {estimate: 25_000_000, floor: 11_310_984},
	'r2 n=6 crash,lie,byzantine': {estimate: 25_000_000, floor: 11_026_312},
	'r3 n=4 crash,lie,byzantine': {states: 848_062, seconds: 11},
	'r3 n=5 none': {states: 860_328, seconds: 10},
	'r3 n=5 crash': {states: 1_613_596, seconds: 24},
	'r3 n=5 crash,lie': {states: 8_773_243, seconds: 97},
	'r3 n=5 crash,lie,byzantine': {estimate: 13_000_000, floor: 10_863_496},
	'r3 n=6 none': {states: 2_213_557, seconds: 23},
	'r3 n=6 crash': {states: 4_779_411, seconds: 55},
	'r3 n=6 crash,lie': {estimate: 90_000_000, floor: 8_601_480},
	'r3 n=6 crash,lie,byzantine': {estimate: 90_000_000, floor: 8_387_464},
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

	if (search.withWitnesses !== undefined) {
		return `its first answer takes about ${duration(search.withWitnesses)} on a 2-core machine: the exact search is quick (${millions(search.states)} million positions, ${search.seconds} s), but a witness run for each outcome, the first in the game's order, takes the rest`;
	}

	return `its first answers will be cut short: the exact one searches about ${millions(search.states)} million positions from the start (${duration(search.seconds)} on a 2-core machine) and the game stops each search at ${answerSeconds} s; [a] searches on`;
}
