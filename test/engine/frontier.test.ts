import {expect, test} from 'vitest';
import {outOfReach} from '../../source/engine/frontier.js';
import {frontierSetups, setupName} from '../../source/bench/frontier.js';

/** The bench's frontier setups not answered exactly within 5 s (2026-12-04, docs/performance.md). */
const MEASURED_UNKNOWN = [
	...['none', 'crash', 'crash,lie', 'crash,lie,byzantine'].map(allow => `ben-or/r3 n=6 ${allow}`),
	...['none', 'crash', 'crash,lie'].map(allow => `ben-or/r3 n=5 ${allow}`),
	...['crash', 'crash,lie', 'crash,lie,byzantine'].map(allow => `ben-or/r2 n=6 ${allow}`),
	...['crash,lie', 'crash,lie,byzantine'].map(allow => `ben-or/r1 n=6 ${allow}`),
	'ben-or/r1 n=5 crash,lie,byzantine',
	'ben-or/r2 n=5 crash,lie',
];

test('the setup screen warns of exactly the frontier games the bench did not answer within 5 s (14 of 120)', () => {
	const warned = frontierSetups()
		.filter(s => outOfReach(s, 20) !== null)
		.map(setupName)
		.sort();
	expect(MEASURED_UNKNOWN).toHaveLength(14);
	expect(warned).toEqual([...MEASURED_UNKNOWN].sort());
});

test('games the bench does not run go with the measured set nearest them; other protocols are never warned', () => {
	expect(outOfReach({protocol: 'ben-or', n: 4, allow: ['byzantine'], rounds: 3}, 20)).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 4, allow: ['byzantine'], rounds: 2}, 20)).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 5, allow: ['byzantine'], rounds: 2}, 20)).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 5, allow: ['lie'], rounds: 2}, 20)).toContain('cut short');
	expect(outOfReach({protocol: 'ben-or', n: 4, allow: ['lie'], rounds: 2}, 20)).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 4, allow: ['crash'], rounds: 2}, 20)).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 3, allow: ['lie'], rounds: 3}, 20)).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 3, allow: ['byzantine'], rounds: 3}, 20)).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 5, allow: ['lie'], rounds: 1}, 20)).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 5, allow: ['byzantine'], rounds: 1}, 20)).not.toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 6, allow: ['lie'], rounds: 1}, 20)).not.toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 6, allow: ['crash'], rounds: 1}, 20)).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 5, allow: [], rounds: 1}, 20)).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 4, allow: ['lie'], rounds: 3}, 20)).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 6, allow: ['lie'], rounds: 2}, 20)).not.toBeNull();
	for (const protocol of ['wait-all', 'quorum', 'leader', 'paxos', 'two-phase-commit']) expect(outOfReach({protocol, n: 6, allow: ['crash', 'lie', 'byzantine']}, 20)).toBeNull();
});

test('the warning gives the size of the search behind it: what a run to the end took, or where a run stopped at 4 GB and an estimate', () => {
	for (const setup of frontierSetups().filter(s => outOfReach(s, 20) !== null)) {
		expect(outOfReach(setup, 20), setupName(setup)).toMatch(/(takes about \d+ s on a 2-core machine: the exact one searches about \d+(\.\d)? million positions from the start$)|(searches about \d+(\.\d)? million positions from the start \(\d+ (s|min) on a 2-core machine\))|(passes 4 GB of memory after \d+(\.\d)? million positions \(an estimated \d+ million in all\))/);
	}

	expect(outOfReach({protocol: 'ben-or', n: 5, allow: [], rounds: 3}, 20)).toBe(
		'its first answer takes about 8 s on a 2-core machine: the exact one searches about 0.9 million positions from the start',
	);
	// The game's budget is the caller's.
	expect(outOfReach({protocol: 'ben-or', n: 5, allow: ['crash'], rounds: 3}, 20)).toBe(
		'its first answers will be cut short: the exact one searches about 1.6 million positions from the start (23 s on a 2-core machine) and the game stops each search at 20 s; [a] searches on',
	);
	expect(outOfReach({protocol: 'ben-or', n: 5, allow: ['crash'], rounds: 3}, 30)).toContain('takes about 23 s');
	expect(outOfReach({protocol: 'ben-or', n: 6, allow: ['crash'], rounds: 3}, 20)).toContain('about 4.8 million positions from the start (60 s on');
	expect(outOfReach({protocol: 'ben-or', n: 6, allow: ['crash', 'lie'], rounds: 3}, 20)).toMatch(/^beyond the exact analysis: from the start its search passes 4 GB of memory after/);
	// A set the bench does not run goes with the nearest measured one: byzantine alone with all three.
	expect(outOfReach({protocol: 'ben-or', n: 5, allow: ['byzantine'], rounds: 1}, 20)).toContain('about 1.9 million');
});
