/**
 * Partial-order reduction (rule 8 of docs/engine.md): where every move is a delivery, the
 * search takes only a stubborn set's successors. Same R as the plain explorer and as the search
 * of every successor, at every position; far fewer states.
 */
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {Analyzer} from '../../source/engine/analysis.js';
import {applyLegal, legalMoves} from '../../source/engine/moves.js';
import {outcomesOf} from '../../source/engine/outcomes.js';
import {plainOutcomes} from '../../source/engine/plain.js';
import {reachable, SMALL} from '../helpers/arbitraries.js';
import {game} from '../helpers/games.js';
import type {GameSpec} from '../../source/engine/game.js';

const runs = {numRuns: 40, seed: 20261203};

/** Games where no corruption can be made: every position is in the regime of rule 8. */
const UNCORRUPTED: readonly GameSpec[] = [
	{protocol: 'wait-all', n: 3, inputs: '011', allow: []},
	{protocol: 'quorum', n: 3, inputs: '001', allow: []},
	{protocol: 'leader', n: 3, inputs: '110', allow: []},
	{protocol: 'ben-or', n: 3, inputs: '011', allow: [], rounds: 1},
	{protocol: 'ben-or', n: 2, inputs: '01', allow: [], rounds: 2},
	{protocol: 'quorum', n: 3, inputs: '011', allow: ['crash'], f: 0},
];

const states = (spec: GameSpec, partialOrder: boolean, symmetry = true): number =>
	new Analyzer({partialOrder, symmetry}).analyze(game(spec), {witnesses: false}).states;

describe('stubborn sets of deliveries', () => {
	test('exact counts: far fewer states, where no corruption is left to make and where one is', () => {
		const waitAll3 = {protocol: 'wait-all', n: 3, inputs: '110', allow: []};
		expect([states(waitAll3, false), states(waitAll3, true)]).toEqual([40, 29]);
		const waitAll4 = {protocol: 'wait-all', n: 4, inputs: '1100', allow: []};
		expect([states(waitAll4, false), states(waitAll4, true)]).toEqual([514, 137]);
		const quorum4 = {protocol: 'quorum', n: 4, inputs: '1100', allow: []};
		expect([states(quorum4, false), states(quorum4, true)]).toEqual([273, 141]);
		// Where corruptions can still be made, the set holds those of its nodes.
		const waitAll4Crash = {protocol: 'wait-all', n: 4, inputs: '1100', allow: ['crash']};
		expect([states(waitAll4Crash, false), states(waitAll4Crash, true)]).toEqual([900, 277]);
	});

	test('the same R(C) as the plain explorer, at random positions where every move is a delivery', () => {
		fc.assert(
			fc.property(reachable(UNCORRUPTED, 0, 10), ({config}) => {
				expect(outcomesOf(new Analyzer().analyze(config).mask)).toEqual(outcomesOf(plainOutcomes(config).mask));
			}),
			runs,
		);
	});

	test('the same R(C) as the plain explorer after the corruption is made (small games, deep positions)', () => {
		fc.assert(
			fc.property(reachable(SMALL, 3, 14), ({config}) => {
				expect(new Analyzer({symmetry: false}).analyze(config).mask).toBe(plainOutcomes(config).mask);
			}),
			runs,
		);
	});

	test('a kept analyzer answers every position of a run, its previews included, as the search of every successor does', () => {
		// The memo keeps each state's whole R: a later question, about any position, reads it.
		const specs: readonly GameSpec[] = [
			{protocol: 'wait-all', n: 4, inputs: '0011', allow: []},
			{protocol: 'quorum', n: 4, inputs: '0111', allow: ['crash']},
			{protocol: 'ben-or', n: 3, inputs: '110', allow: ['crash'], rounds: 1},
			{protocol: 'wait-all', n: 4, inputs: '1100', allow: ['crash', 'lie', 'byzantine']},
			{protocol: 'leader', n: 4, inputs: '1001', allow: ['byzantine']},
			{protocol: 'quorum', n: 3, inputs: '011', allow: ['lie']},
		];
		fc.assert(
			fc.property(fc.constantFrom(...specs), fc.array(fc.nat(1000), {maxLength: 12}), (spec, picks) => {
				const kept = new Analyzer();
				const every = new Analyzer({partialOrder: false});
				let config = game(spec);
				for (const pick of [...picks, -1]) {
					const options = legalMoves(config);
					for (const move of options) {
						const next = applyLegal(config, move);
						expect(kept.analyze(next, {witnesses: false}).mask).toBe(every.analyze(next, {witnesses: false}).mask);
					}

					expect(kept.analyze(config).mask).toBe(every.analyze(config).mask);
					if (pick < 0 || options.length === 0) break;
					config = applyLegal(config, options[pick % options.length]!);
				}
			}),
			{...runs, numRuns: 12},
		);
	});

	test('the witnesses are the ones the search of every successor gives (the first run in the game order)', () => {
		fc.assert(
			fc.property(reachable(SMALL, 0, 10), ({config}) => {
				const reduced = new Analyzer().analyze(config);
				const every = new Analyzer({partialOrder: false}).analyze(config);
				expect(reduced.witnesses).toEqual(every.witnesses);
				expect(reduced.mask).toBe(every.mask);
			}),
			runs,
		);
	});
});
