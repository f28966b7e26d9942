/**
 * "Watch the proof", tested in the engine alone: for every built-in protocol at n = 3 with crash
 * faults, the strategy keeps every configuration ambiguous for as many rounds as the analysis
 * says is possible, delivers every target it picks (the oldest pending message), and each stall
 * it makes is one the analysis confirms.
 */
import {describe, expect, test} from 'vitest';
import {Analyzer} from '../../source/engine/analysis.js';
import {type Configuration, configKey} from '../../source/engine/configuration.js';
import {lemmaInputs, newGame} from '../../source/engine/game.js';
import {lemma2Argument} from '../../source/engine/lemma2.js';
import {applyLegal, legalMoves} from '../../source/engine/moves.js';
import {formatMoves} from '../../source/engine/notation.js';
import {Oracle} from '../../source/engine/oracle.js';
import {sameMessage} from '../../source/engine/types.js';
import {lookUpProtocol} from '../../source/protocols/registry.js';
import {type WatchPlan, watchProof} from '../../source/engine/watch.js';

const setupOf = (protocol: string, rounds = 1) => {
	const c = newGame({protocol, n: 3, inputs: '000', allow: ['crash'], rounds}, lookUpProtocol);
	if (!c.ok) throw new Error(c.message);
	return c.value.setup;
};

/**
 * The most FIFO rounds any run from c can complete with every configuration ambiguous, by brute
 * force over every legal move (a round ends when the oldest pending message is delivered).
 */
function mostRounds(c: Configuration, labelOf: (c: Configuration) => string, memo = new Map<string, number>()): number {
	const key = configKey(c, true);
	const known = memo.get(key);
	if (known !== undefined) return known;
	let best = 0;
	for (const move of legalMoves(c)) {
		const next = applyLegal(c, move);
		if (labelOf(next) !== 'ambiguous') continue;
		const round = move.kind === 'deliver' && sameMessage(move.message, c.pool[0]!.message) ? 1 : 0;
		best = Math.max(best, round + mostRounds(next, labelOf, memo));
	}

	memo.set(key, best);
	return best;
}

/** Replay a plan: each round's target is the oldest message and is delivered; every step stays ambiguous; each stall is confirmed. */
function replayChecks(plan: WatchPlan, labelOf: (c: Configuration) => string): void {
	let c = plan.start!;
	let round = 0;
	let target = c.pool[0]!.message;
	for (const step of plan.moves) {
		if (step.round !== round) {
			// A new round: its target is the oldest pending message, and Lemma 2 agrees a stall (or none) is needed.
			round = step.round;
			target = c.pool[0]!.message;
			const argument = lemma2Argument(new Oracle(), c, target);
			const stalls = plan.moves.filter(m => m.round === round && m.role === 'stall').length;
			expect(argument.kind === 'now').toBe(stalls === 0);
		}

		c = applyLegal(c, step.move);
		expect(configKey(c, true)).toBe(configKey(step.config, true));
		expect(labelOf(c)).toBe('ambiguous');
		if (step.role === 'target') {
			expect(step.move).toEqual({kind: 'deliver', message: target});
		} else {
			expect(step.move.kind === 'deliver' && sameMessage(step.move.message, target)).toBe(false);
			expect(labelOf(applyLegal(c, {kind: 'deliver', message: target}))).toBe(step.star === 'ambiguous' ? 'ambiguous' : step.star);
		}
	}

	expect(plan.moves.filter(m => m.role === 'target')).toHaveLength(plan.rounds);
	expect(plan.moves.every(m => m.role === 'target' || plan.moves.some(t => t.round === m.round && t.role === 'target'))).toBe(true);
}

describe('watch the proof', () => {
	for (const protocol of ['wait-all', 'quorum', 'leader', 'ben-or']) {
		test(`${protocol}, n = 3, crash: as many rounds as possible, every target delivered, every stall confirmed`, () => {
			const setup = setupOf(protocol);
			const plan = watchProof(new Oracle(), setup);
			// A fresh analyzer per game checks every claim independently of the strategy's memo.
			const analyzers = new Map<string, Analyzer>();
			const labelOf = (c: Configuration): string => {
				const key = c.setup.inputs.join('');
				if (!analyzers.has(key)) analyzers.set(key, new Analyzer());
				return analyzers.get(key)!.analyze(c, {witnesses: false}).label;
			};

			const starts = Array.from({length: 4}, (_, i) => {
				const x = newGame({protocol, n: 3, inputs: lemmaInputs(3, i), allow: ['crash']}, lookUpProtocol);
				if (!x.ok) throw new Error(x.message);
				return x.value;
			});
			const ambiguous = starts.filter(x => labelOf(x) === 'ambiguous');
			if (ambiguous.length === 0) {
				expect(plan.start).toBeUndefined();
				expect(plan.rounds).toBe(0);
				expect(plan.end.reason).toBe('no-start');
				return;
			}

			expect(plan.start).toBeDefined();
			expect(labelOf(plan.start!)).toBe('ambiguous');
			expect(plan.maximal).toBe(true);
			expect(plan.rounds).toBe(mostRounds(plan.start!, labelOf));
			expect(plan.end.reason).toBe('no-stall');

			replayChecks(plan, labelOf);
		});
	}

	test('quorum: the narration of the first and the last lines', () => {
		const plan = watchProof(new Oracle(), setupOf('quorum'));
		expect(plan.intro).toEqual([
			'Lemma 1: X_0 000 0 · X_1 100 0 · X_2 110 ambiguous · X_3 111 1.',
			'C_0 = X_2 = 110: the first X_i that is not a 0-configuration, and it is ambiguous.',
			'The analysis says 5 rounds can be kept ambiguous from C_0.',
		]);
		expect(plan.moves[0]!.text).toBe('Round 1: e = start 1, the oldest message, is ambiguous*: deliver it. C_1 is ambiguous.');
		expect(plan.end.breach?.property).toBe('agreement');
		expect(plan.end.sentences[0]).toBe(
			'Round 6: e = 1<2:vote=1 is the oldest message and 1* here, and no stall keeps the run ambiguous: every way to deliver it loses ambiguity.',
		);
		expect(formatMoves(plan.start!.setup, plan.moves.map(m => m.move))).toEqual(['start 1', 'start 2', 'start 3', '2<1:vote=1', '3<1:vote=1']);
	});

	test('ben-or with two rounds (level 13): with the round count too costly, the shortest stalls still hold nine rounds', () => {
		const plan = watchProof(new Oracle(), setupOf('ben-or', 2), {maxConfigs: 1});
		expect(plan.maximal).toBe(false);
		expect(plan.rounds).toBe(9);
		expect(plan.moves.filter(m => m.role === 'stall').map(m => m.text)).toEqual([
			'Round 6, Lemma 2: e = 1<2:p1.1=1 is 1*, so stall with 1<3:p1.1=0; then e is ambiguous*.',
			'Round 9, Lemma 2: e = 1<2:p2.1=1 is 1*, so stall with 1<3:p2.1=?; then e is ambiguous*.',
		]);
		const analyzer = new Analyzer();
		replayChecks(plan, c => analyzer.analyze(c, {witnesses: false}).label);
	});
});
