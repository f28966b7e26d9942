import {afterEach, describe, expect, test} from 'vitest';
import {Analyzer} from '../../source/engine/analysis.js';
import {StateTable} from '../../source/engine/state-table.js';
import {runAnalyzeCommand} from '../../source/commands/analyze.js';
import {DEFAULT_BUDGET_MB, memoryBudgetBytes, setMemoryBudget} from '../../source/memory-budget.js';
import {game} from '../helpers/games.js';

afterEach(() => setMemoryBudget(undefined));

describe('the memory budget (issue 26 point 7)', () => {
	const big = game({protocol: 'ben-or', n: 4, inputs: '0011', allow: ['byzantine'], rounds: 1});

	test('a state table counts the bytes it holds, its next growth included', () => {
		const table = new StateTable(8);
		const before = table.bytes;
		for (let i = 0; i < 10_000; i++) {
			const state = Int32Array.of(i, i * 7);
			table.insert(state, table.hash(state), 1);
		}

		expect(before).toBeGreaterThan(0);
		expect(table.bytes).toBeGreaterThan(before + 10_000 * 16);
	});

	test('a search stops when the memo reaches maxBytes: complete false, memoryFull, what was found', () => {
		const benOr = game({protocol: 'ben-or', n: 4, inputs: '1100', allow: ['crash', 'lie', 'byzantine'], rounds: 1});
		const limited = new Analyzer().analyze(benOr, {witnesses: false, maxBytes: 4 * 1024 * 1024});
		const full = new Analyzer().analyze(benOr, {witnesses: false});
		expect(full).toMatchObject({complete: true, label: 'ambiguous'});
		expect(full.memoryFull).toBeUndefined();
		expect(limited).toMatchObject({complete: false, memoryFull: true});
		expect(limited.states).toBeLessThan(full.states);
		// What it found is part of the full answer.
		expect(limited.outcomes.every(o => full.outcomes.includes(o))).toBe(true);
	});

	test('a kept memo past half the budget is dropped before the next search, which then completes', () => {
		const analyzer = new Analyzer();
		const small = game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']});
		analyzer.analyze(big, {witnesses: false, maxStates: 20_000});
		const answer = analyzer.analyze(big, {witnesses: false, maxBytes: 2 * 1024 * 1024, maxStates: 0});
		expect(analyzer.size).toBeLessThan(10); // dropped, then stopped at once
		expect(answer.complete).toBe(false);
		expect(analyzer.analyze(small, {maxBytes: 64 * 1024 * 1024}).complete).toBe(true);
	});

	test('flp analyze --budget-mb: stopping on it is an honest unknown-or-ambiguous, saying why', async () => {
		expect(memoryBudgetBytes()).toBe(DEFAULT_BUDGET_MB * 1024 * 1024);
		setMemoryBudget(64);
		const result = await runAnalyzeCommand({protocol: 'ben-or', nodes: 6, inputs: '000111', rounds: 3, allow: 'crash,lie,byzantine'}, () => 0);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^label {8}(unknown|ambiguous) {3}\(search cut short by the memory budget, 64 MB: see --budget-mb\)$/m);
	});
});

test("the game's position analyst honours the budget it is given (the worker passes the process's)", async () => {
	const {PositionAnalyst} = await import('../../source/worker/position.js');
	const spec = {protocol: 'ben-or', n: 4, inputs: '1100', allow: ['crash' as const, 'lie' as const, 'byzantine' as const], rounds: 1};
	const cut = new PositionAnalyst().report({id: 1, spec, moves: []}, {maxBytes: 4 * 1024 * 1024});
	expect(cut.now.complete).toBe(false);
});
