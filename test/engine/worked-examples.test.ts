import {describe, expect, test} from 'vitest';
import {analyze} from '../../source/engine/analysis.js';
import {game} from '../helpers/games.js';

// The worked examples table of docs/model.md, one test a row.
const table = [
	{protocol: 'wait-all', n: 3, inputs: '011', allow: [], label: '1', outcomes: ['one']},
	{protocol: 'wait-all', n: 3, inputs: '001', allow: ['byzantine'], label: 'ambiguous', outcomes: ['zero', 'one', 'split', 'stuck']},
	{protocol: 'quorum', n: 3, inputs: '011', allow: [], label: '0', outcomes: ['zero', 'split']},
	{protocol: 'quorum', n: 3, inputs: '011', allow: ['crash'], label: 'ambiguous', outcomes: ['zero', 'one', 'split', 'invalid']},
	{protocol: 'leader', n: 3, inputs: '011', allow: ['crash'], label: '0', outcomes: ['zero', 'stuck', 'invalid']},
	{protocol: 'ben-or', n: 3, inputs: '001', allow: [], label: '0', outcomes: ['zero', 'stuck'], rounds: 1},
] as const;

describe('the worked examples of docs/model.md', () => {
	for (const row of table) {
		const allow = row.allow.length === 0 ? 'none' : row.allow.join(',');
		test(`${row.protocol}, n = ${row.n}, inputs ${row.inputs}, allow ${allow}: label ${row.label}, R = {${row.outcomes.join(', ')}}`, () => {
			const c = game({protocol: row.protocol, n: row.n, inputs: row.inputs, allow: row.allow, rounds: 'rounds' in row ? row.rounds : 1});
			const result = analyze(c);
			expect(result.complete).toBe(true);
			expect(result.label).toBe(row.label);
			expect(result.outcomes).toEqual(row.outcomes);
		});
	}
});

describe('the facts the levels are designed on', () => {
	test('ben-or, 2 rounds, n = 3, crash: X_2 = 110 is ambiguous', () => {
		const result = analyze(game({protocol: 'ben-or', n: 3, inputs: '110', allow: ['crash'], rounds: 2}), {witnesses: false});
		expect(result.complete).toBe(true);
		expect(result.label).toBe('ambiguous');
	});

	test('ben-or, 1 round, n = 3, crash: X_2 = 110 is a 1-configuration with stuck reachable', () => {
		const result = analyze(game({protocol: 'ben-or', n: 3, inputs: '110', allow: ['crash'], rounds: 1}));
		expect(result.label).toBe('1');
		expect(result.outcomes).toEqual(['one', 'stuck']);
	});

	// X_1 = 100 is a 0-configuration: only node 1 holds a 1, so no node can see two 1s in p1.1,
	// no p2.1 = 1 is ever sent and nobody can decide 1.
	test('ben-or, 1 round, n = 3, crash: no initial configuration X_0..X_3 is ambiguous', () => {
		const labels = ['000', '100', '110', '111'].map(
			inputs => analyze(game({protocol: 'ben-or', n: 3, inputs, allow: ['crash'], rounds: 1})).label,
		);
		expect(labels).toEqual(['0', '0', '1', '1']);
	});
});
