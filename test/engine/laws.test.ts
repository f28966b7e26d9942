import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {Analyzer} from '../../source/engine/analysis.js';
import {isQuiescent} from '../../source/engine/configuration.js';
import {applyLegal, applyMoves, legalMoves} from '../../source/engine/moves.js';
import {formatMove, parseMove} from '../../source/engine/notation.js';
import {evaluate, outcomesOf} from '../../source/engine/outcomes.js';
import {plainOutcomes} from '../../source/engine/plain.js';
import {SMALL, reachable, walk, withoutAges} from '../helpers/arbitraries.js';
import {game} from '../helpers/games.js';

const runs = {numRuns: 60, seed: 20261124};

describe('laws of the model, on random reachable configurations of small games', () => {
	test('deliveries to different recipients commute, ages aside (Case 1 of Lemma 2)', () => {
		fc.assert(
			fc.property(reachable(), fc.nat(), fc.nat(), ({config}, i, j) => {
				const pool = config.pool;
				fc.pre(pool.length >= 2);
				const a = pool[i % pool.length]!.message;
				const b = pool[j % pool.length]!.message;
				fc.pre(a.to !== b.to);
				const ab = applyLegal(applyLegal(config, {kind: 'deliver', message: a}), {kind: 'deliver', message: b});
				const ba = applyLegal(applyLegal(config, {kind: 'deliver', message: b}), {kind: 'deliver', message: a});
				expect(withoutAges(ab)).toEqual(withoutAges(ba));
			}),
			{...runs, numRuns: 200},
		);
	});

	test('valency only shrinks: R(C′) ⊆ R(C) for every successor C′', () => {
		fc.assert(
			fc.property(reachable(), ({config}) => {
				const analyzer = new Analyzer();
				const here = analyzer.analyze(config).mask;
				for (const move of legalMoves(config)) {
					const there = analyzer.analyze(applyLegal(config, move)).mask;
					expect(there & ~here).toBe(0);
				}
			}),
			runs,
		);
	});

	test('R(C) = eval(C) when quiescent, united with R of every successor', () => {
		fc.assert(
			fc.property(reachable(), ({config}) => {
				const analyzer = new Analyzer();
				let union = isQuiescent(config) ? evaluate(config) : 0;
				for (const move of legalMoves(config)) union |= analyzer.analyze(applyLegal(config, move)).mask;
				expect(outcomesOf(analyzer.analyze(config).mask)).toEqual(outcomesOf(union));
			}),
			runs,
		);
	});

	test('the reduced analysis gives the same R(C) as the plain explorer', () => {
		fc.assert(
			fc.property(reachable(SMALL, 2), ({config}) => {
				expect(outcomesOf(new Analyzer().analyze(config).mask)).toEqual(outcomesOf(plainOutcomes(config).mask));
			}),
			{...runs, numRuns: 40},
		);
	});

	test('the dead-state reduction is exact on ben-or with two rounds (plain explorer, deep positions)', () => {
		const twoRounds = [
			{protocol: 'ben-or', n: 3, inputs: '110', allow: ['crash'], rounds: 2},
			{protocol: 'ben-or', n: 3, inputs: '011', allow: [], rounds: 2},
			{protocol: 'ben-or', n: 2, inputs: '01', allow: ['lie', 'byzantine'], rounds: 2},
		] as const;
		fc.assert(
			fc.property(reachable(twoRounds, 13, 18), ({config}) => {
				expect(outcomesOf(new Analyzer().analyze(config).mask)).toEqual(outcomesOf(plainOutcomes(config).mask));
			}),
			{...runs, numRuns: 25},
		);
	});

	test('the symmetry reduction is exact on four-node games with interchangeable nodes', () => {
		const symmetric = [
			{protocol: 'quorum', n: 4, inputs: '0011', allow: ['crash']},
			{protocol: 'wait-all', n: 4, inputs: '0000', allow: ['lie']},
			{protocol: 'leader', n: 4, inputs: '1001', allow: ['byzantine']},
			{protocol: 'ben-or', n: 4, inputs: '1100', allow: ['crash'], rounds: 1},
		] as const;
		fc.assert(
			fc.property(reachable(symmetric, 14, 20), ({config}) => {
				expect(outcomesOf(new Analyzer().analyze(config).mask)).toEqual(outcomesOf(plainOutcomes(config).mask));
			}),
			{...runs, numRuns: 25},
		);
	});

	test('every witness replays from C to a quiescent configuration with its outcome', () => {
		fc.assert(
			fc.property(reachable(), ({config}) => {
				const result = new Analyzer().analyze(config);
				expect(Object.keys(result.witnesses).sort()).toEqual([...result.outcomes].sort());
				for (const outcome of result.outcomes) {
					const end = applyMoves(config, result.witnesses[outcome]!);
					expect(end.ok).toBe(true);
					if (!end.ok) return;
					expect(isQuiescent(end.value)).toBe(true);
					expect(outcomesOf(evaluate(end.value))).toContain(outcome);
				}
			}),
			runs,
		);
	});

	test('the notation of every legal move round-trips exactly', () => {
		fc.assert(
			fc.property(reachable(), ({config}) => {
				for (const move of legalMoves(config)) {
					const text = formatMove(config.setup, move);
					expect(parseMove(config.setup, text)).toEqual({ok: true, value: move});
				}
			}),
			{...runs, numRuns: 200},
		);
	});

	test('replaying the same moves gives the same configuration', () => {
		fc.assert(
			fc.property(reachable(), ({spec, moves, config}) => {
				const again = applyMoves(game(spec), moves);
				expect(again.ok).toBe(true);
				if (!again.ok) return;
				const {setup: _a, ...replayed} = again.value;
				const {setup: _b, ...original} = config;
				expect(replayed).toEqual(original);
			}),
			{...runs, numRuns: 200},
		);
	});
});

describe('the plain explorer itself, on a tiny model', () => {
	test('wait-all, n = 2, no corruption: exactly the configurations counted by hand', () => {
		// Counted by hand (ages aside): the start; after start 1; after start 2; both started with
		// both votes pending; node 2 woken by node 1's vote (start 2 still pending); its mirror;
		// one vote delivered after both started, two ways; both decided with start 2 pending; its
		// mirror; and the quiescent end where both decided 0 (1 + 0 is a tie). 11 in all.
		const c = walk({protocol: 'wait-all', n: 2, inputs: '01', allow: []}, []).config;
		const result = plainOutcomes(c);
		expect(outcomesOf(result.mask)).toEqual(['zero']);
		expect(result.states).toBe(11);
	});
});
