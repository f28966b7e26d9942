import {expect, test} from 'vitest';
import {outOfReach} from '../../source/engine/frontier.js';
import {frontierSetups, setupName} from '../../source/bench/frontier.js';

/** The bench's frontier setups whose answer was unknown within 5 s, or at its edge (2026-12-04, docs/performance.md; rules 4, 5 and 13 made five more exact). */
const MEASURED_UNKNOWN = [
	...['none', 'crash', 'crash,lie', 'crash,lie,byzantine'].flatMap(allow => [`ben-or/r3 n=5 ${allow}`, `ben-or/r3 n=6 ${allow}`]),
	...['crash,lie', 'crash,lie,byzantine'].flatMap(allow => [`ben-or/r1 n=6 ${allow}`, `ben-or/r2 n=5 ${allow}`]),
	...['crash', 'crash,lie', 'crash,lie,byzantine'].map(allow => `ben-or/r2 n=6 ${allow}`),
	'ben-or/r1 n=5 crash,lie,byzantine',
	'ben-or/r3 n=4 crash,lie,byzantine',
];

test('the setup screen warns of exactly the frontier games the bench found out of reach (17 of 120)', () => {
	const warned = frontierSetups()
		.filter(s => outOfReach(s) !== null)
		.map(setupName)
		.sort();
	expect(MEASURED_UNKNOWN).toHaveLength(17);
	expect(warned).toEqual([...MEASURED_UNKNOWN].sort());
});

test('games the bench does not run go with the measured set nearest them; other protocols are never warned', () => {
	expect(outOfReach({protocol: 'ben-or', n: 4, allow: ['byzantine'], rounds: 3})).toContain('unknown');
	expect(outOfReach({protocol: 'ben-or', n: 4, allow: ['byzantine'], rounds: 2})).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 4, allow: ['lie'], rounds: 2})).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 4, allow: ['crash'], rounds: 2})).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 3, allow: ['lie'], rounds: 3})).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 3, allow: ['byzantine'], rounds: 3})).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 5, allow: ['lie'], rounds: 1})).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 5, allow: ['byzantine'], rounds: 1})).not.toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 6, allow: ['lie'], rounds: 1})).not.toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 6, allow: ['crash'], rounds: 1})).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 5, allow: [], rounds: 1})).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 4, allow: ['lie'], rounds: 3})).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 6, allow: ['lie'], rounds: 2})).not.toBeNull();
	for (const protocol of ['wait-all', 'quorum', 'leader', 'paxos', 'two-phase-commit']) expect(outOfReach({protocol, n: 6, allow: ['crash', 'lie', 'byzantine']})).toBeNull();
});

test('the warning gives the size of the search behind it: about that many positions where a run ended, over that many where it did not', () => {
	for (const setup of frontierSetups().filter(s => outOfReach(s) !== null)) expect(outOfReach(setup), setupName(setup)).toMatch(/\(its search: (about|over) \d+(\.\d)? million positions\)/);
	expect(outOfReach({protocol: 'ben-or', n: 5, allow: [], rounds: 3})).toBe('beyond the exact analysis in seconds (its search: about 0.9 million positions): expect "unknown" labels at first');
	expect(outOfReach({protocol: 'ben-or', n: 6, allow: ['crash', 'lie', 'byzantine'], rounds: 3})).toContain('(its search: over 2.5 million positions)');
	// A set the bench does not run goes with the nearest measured one: byzantine alone with all three.
	expect(outOfReach({protocol: 'ben-or', n: 5, allow: ['byzantine'], rounds: 1})).toContain('about 9.9 million');
});
