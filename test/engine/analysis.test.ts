import {describe, expect, test} from 'vitest';
import {Analyzer, analyze} from '../../source/engine/analysis.js';
import {formatMoves} from '../../source/engine/notation.js';
import {applyMoves} from '../../source/engine/moves.js';
import {evaluate, outcomesOf} from '../../source/engine/outcomes.js';
import {parseMove} from '../../source/engine/notation.js';
import {game} from '../helpers/games.js';
import {toyGame} from '../helpers/toy.js';
import {plainOutcomes} from '../../source/engine/plain.js';
import {PackedModel} from '../../source/engine/packed/model.js';

describe('analysis on tiny models', () => {
	test('the selfish toy with inputs 01 can only split', () => {
		const result = analyze(toyGame([0, 1]));
		expect(result).toMatchObject({label: 'none', outcomes: ['split'], complete: true, states: 4});
		expect(formatMoves(toyGame([0, 1]).setup, result.witnesses.split!)).toEqual(['start 1', 'start 2']);
	});

	test('the selfish toy with a crash: crashing either node leaves the other agreeing with itself', () => {
		const result = analyze(toyGame([0, 1], ['crash']));
		expect(result.label).toBe('ambiguous');
		// Never stuck: every honest node outputs on its first delivery, and every start arrives.
		expect(result.outcomes).toEqual(['zero', 'one', 'split']);
		const setup = toyGame([0, 1]).setup;
		expect(formatMoves(setup, result.witnesses.zero!)).toEqual(['start 1', 'start 2', 'corrupt 2 as crash']);
		expect(formatMoves(setup, result.witnesses.one!)).toEqual(['start 1', 'start 2', 'corrupt 1 as crash']);
	});

	test('flags say what can still be broken', () => {
		const result = analyze(game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']}));
		expect(result.flags).toEqual({agreement: true, termination: false, validity: true});
	});

	test('a quiescent configuration is labelled by its own eval when nothing more can happen', () => {
		const c = game({protocol: 'wait-all', n: 2, inputs: '11', allow: []}, 'start 1; start 2; 2<1:vote=1; 1<2:vote=1');
		expect(analyze(c)).toMatchObject({label: '1', outcomes: ['one'], states: 1, witnesses: {one: []}});
	});
});

describe('memo links', () => {
	// Links (rule 6) and absorbed corruptions (rule 7) change how many successors are built,
	// never which states are explored or what they answer: exact states and answers, with and
	// without symmetry, and the same R as the plain explorer. (How much they save is measured by
	// the bench, not asserted here.)
	test('wait-all, n = 3, no faults: the exact answer from exactly 80 states (40 with symmetry and senders forgotten)', () => {
		const c = game({protocol: 'wait-all', n: 3, inputs: '110', allow: []});
		const raw = new Analyzer({symmetry: false, partialOrder: false}).analyze(c, {witnesses: false});
		const symmetric = new Analyzer({symmetry: true, partialOrder: false}).analyze(c, {witnesses: false});
		expect([raw.label, raw.outcomes, raw.states]).toEqual(['1', ['one'], 80]);
		expect([symmetric.label, symmetric.outcomes, symmetric.states]).toEqual(['1', ['one'], 40]);
		expect(raw.mask).toBe(plainOutcomes(c).mask);
	});

	test('wait-all, n = 3, crash: the exact answer from exactly 164 states (82 with symmetry and senders forgotten)', () => {
		const c = game({protocol: 'wait-all', n: 3, inputs: '110', allow: ['crash']});
		const raw = new Analyzer({symmetry: false, partialOrder: false}).analyze(c, {witnesses: false});
		const symmetric = new Analyzer({symmetry: true, partialOrder: false}).analyze(c, {witnesses: false});
		expect([raw.label, raw.states]).toEqual(['1', 164]);
		expect([symmetric.label, symmetric.states]).toEqual(['1', 82]);
		expect(symmetric.outcomes).toEqual(raw.outcomes);
		expect(raw.mask).toBe(plainOutcomes(c).mask);
	});
});

describe('budgets', () => {
	const big = game({protocol: 'wait-all', n: 3, inputs: '001', allow: ['byzantine']});

	test('a search cut short says so, and gives no label it is not sure of', () => {
		const result = analyze(big, {maxStates: 10});
		expect(result.complete).toBe(false);
		expect(result.states).toBe(10);
		expect(result.label).toBe('unknown');
		// What it found it found for real: each has a witness from the start.
		for (const o of result.outcomes) expect(result.witnesses[o]).toBeDefined();
	});

	test('once both decisions are found, ambiguous is certain even when cut short', () => {
		const result = analyze(big, {labelOnly: true});
		expect(result.complete).toBe(false);
		expect(result.label).toBe('ambiguous');
		expect(result.outcomes).toEqual(expect.arrayContaining(['zero', 'one']));
		expect(result.states).toBeLessThan(analyze(big).states);
	});

	test('shouldStop is polled every 1,024 states and obeyed', () => {
		let polls = 0;
		const benOr = game({protocol: 'ben-or', n: 3, inputs: '110', allow: ['crash'], rounds: 2});
		const result = analyze(benOr, {shouldStop: () => ++polls > 1});
		expect(result.complete).toBe(false);
		expect(result.states).toBe(1024);
	});

	test('a memo kept across questions makes a repeated question free', () => {
		const analyzer = new Analyzer();
		const first = analyzer.analyze(big);
		const second = analyzer.analyze(big);
		expect(second).toMatchObject({label: first.label, outcomes: first.outcomes, complete: true, states: 0});
		expect(second.witnesses.one).toBeDefined();
	});

	test('holds says whether the memo has a complete answer, and explores nothing to find out', () => {
		const analyzer = new Analyzer();
		expect(analyzer.holds(big)).toBe(false);
		analyzer.analyze(big, {maxStates: 20});
		expect(analyzer.holds(big)).toBe(false);
		analyzer.analyze(big);
		const size = analyzer.size;
		expect(analyzer.holds(big)).toBe(true);
		// Another game's configuration: not held, and the memo is kept as it was.
		expect(analyzer.holds(game({protocol: 'quorum', n: 3, inputs: '001', allow: ['crash']}))).toBe(false);
		expect(analyzer.size).toBe(size);
		expect(analyzer.holds(big)).toBe(true);
	});
});

describe('the starred label (Definition 2.1)', () => {
	test('is the label of the configuration after delivering the target', () => {
		const c = game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']}, 'start 2; start 3; 1<2:vote=1');
		const analyzer = new Analyzer();
		const target = parseMove(c.setup, '2<3:vote=1');
		if (!target.ok || target.value.kind !== 'deliver') throw new Error('bad target');
		const star = analyzer.analyzeStar(c, target.value.message);
		expect(star?.label).toBe('ambiguous');
		const toOne = parseMove(c.setup, '2<1:vote=0');
		if (!toOne.ok || toOne.value.kind !== 'deliver') throw new Error('bad target');
		expect(analyzer.analyzeStar(c, toOne.value.message)?.label).toBe('0');
	});

	test('is undefined for a message that is not pending', () => {
		const c = game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']});
		expect(new Analyzer().analyzeStar(c, {to: 1, from: 2, slot: 0, value: 1})).toBeUndefined();
	});
});

test('one analyzer asked about two games never mixes their answers', () => {
	const analyzer = new Analyzer();
	const pivot = game({protocol: 'quorum', n: 3, inputs: '110', allow: ['crash']});
	const below = game({protocol: 'quorum', n: 3, inputs: '100', allow: ['crash']});
	expect(analyzer.analyze(pivot).label).toBe('ambiguous');
	expect(analyzer.analyze(below).label).toBe('0');
	expect(analyzer.analyze(pivot).label).toBe('ambiguous');
});

describe('symmetry', () => {
	test('mirror-image positions share one memo entry: the second question explores nothing', () => {
		const analyzer = new Analyzer();
		// Nodes 2 and 3 both hold 1 in quorum 011: starting one or the other is the same game.
		const first = analyzer.analyze(game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']}, 'start 2'));
		const position = game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']}, 'start 3');
		const mirror = analyzer.analyze(position);
		expect(first.states).toBeGreaterThan(0);
		expect(mirror).toMatchObject({states: 0, label: first.label, outcomes: first.outcomes});
		// Its witnesses are runs of the mirrored position itself, not of the one in the memo.
		for (const outcome of mirror.outcomes) {
			const end = applyMoves(position, mirror.witnesses[outcome]!);
			expect(end.ok && end.value.pool.length === 0 && outcomesOf(evaluate(end.value)).includes(outcome)).toBe(true);
		}
	});

	test('the leader is not interchangeable with a follower', () => {
		const analyzer = new Analyzer();
		analyzer.analyze(game({protocol: 'leader', n: 3, inputs: '000', allow: ['crash']}, 'start 1'));
		const follower = analyzer.analyze(game({protocol: 'leader', n: 3, inputs: '000', allow: ['crash']}, 'start 2'));
		expect(follower.states).toBeGreaterThan(0);
	});
});

test('past its limit, the position analyst still answers from its memo what the memo holds completely', async () => {
	const {PositionAnalyst} = await import('../../source/worker/position.js');
	const small = new PositionAnalyst(10);
	const spec = {protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']};
	const first = small.report({id: 1, spec, moves: []});
	expect(first.states).toBeGreaterThan(10);
	const again = small.report({id: 2, spec, moves: []});
	expect(again.states).toBe(0);
	expect(again.now).toEqual(first.now);
	expect(again.previews).toEqual(first.previews);
	// A later position is reachable from the first, so the memo answers it too.
	const moves = ['start 2', '1<2:vote=1'];
	const later = small.report({id: 3, spec, moves});
	const fresh = new PositionAnalyst().report({id: 4, spec, moves});
	expect(later.error).toBeUndefined();
	expect(fresh.states).toBeGreaterThan(0);
	expect(later.states).toBe(0);
	expect(later.now).toEqual(fresh.now);
	expect(later.now.complete).toBe(true);
});

test('the position analyst stops witness runs with their own stop: the answer and the previews stay complete, the runs not found are left out and said', async () => {
	const {PositionAnalyst} = await import('../../source/worker/position.js');
	const spec = {protocol: 'ben-or', n: 3, inputs: '100', allow: ['crash', 'lie', 'byzantine'], rounds: 2};
	const whole = new PositionAnalyst().report({id: 1, spec, moves: []});
	const cut = new PositionAnalyst().report({id: 2, spec, moves: []}, {witnessStop: () => true});
	expect(whole.now.witnessesCut).toBeUndefined();
	expect(cut.now.witnessesCut).toBe(true);
	expect({...cut.now, witnesses: undefined, witnessesCut: undefined}).toEqual({...whole.now, witnesses: undefined});
	expect(cut.previews).toEqual(whole.previews);
	expect(Object.keys(cut.now.witnesses).length).toBeLessThan(Object.keys(whole.now.witnesses).length);
});

test('past its limit, the position analyst starts afresh for a position its memo does not hold completely', async () => {
	const {PositionAnalyst} = await import('../../source/worker/position.js');
	const spec = {protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']};
	const fresh = new PositionAnalyst().report({id: 1, spec, moves: []});
	// Cut short at 20 states, then asked again in full.
	const small = new PositionAnalyst(10);
	expect(small.report({id: 2, spec, moves: []}, {maxStates: 20}).now.complete).toBe(false);
	const again = small.report({id: 3, spec, moves: []});
	expect(again.states).toBe(fresh.states); // explored afresh
	expect(again.now).toEqual(fresh.now);
	// Under its limit, the same two reports continue from the memo instead.
	const roomy = new PositionAnalyst(1_000_000);
	roomy.report({id: 4, spec, moves: []}, {maxStates: 20});
	expect(roomy.report({id: 5, spec, moves: []}).states).toBeLessThan(fresh.states);
});

test('with symmetry off the answer is the same, from more states', () => {
	const c = game({protocol: 'quorum', n: 4, inputs: '0011', allow: ['crash']});
	const on = new Analyzer().analyze(c, {witnesses: false});
	const off = new Analyzer({symmetry: false}).analyze(c, {witnesses: false});
	expect(off.outcomes).toEqual(on.outcomes);
	expect(off.states).toBeGreaterThan(on.states);
});

test('a protocol that declares no roles is never renumbered', async () => {
	const {selfish} = await import('../helpers/toy.js');
	const {makeSetup, initialConfiguration} = await import('../../source/engine/configuration.js');
	const instance = selfish.instantiate(3, 1, {});
	const {role: _role, ...withoutRoles} = instance;
	const setup = makeSetup({protocol: withoutRoles, inputs: [0, 1, 1], allowed: ['crash']});
	const analyzer = new Analyzer();
	const {applyLegal} = await import('../../source/engine/moves.js');
	const start2 = applyLegal(initialConfiguration(setup), {kind: 'deliver', message: {to: 2, from: 0, slot: -1, value: -1}});
	const start3 = applyLegal(initialConfiguration(setup), {kind: 'deliver', message: {to: 3, from: 0, slot: -1, value: -1}});
	expect(analyzer.analyze(start2).states).toBeGreaterThan(0);
	expect(analyzer.analyze(start3).states).toBeGreaterThan(0); // not merged with its mirror
});

describe('every outcome found (rule 11)', () => {
	test('the outcomes a game allows: all five, but invalid where each input is held by more nodes than can be corrupted', () => {
		const all = ['zero', 'one', 'split', 'stuck', 'invalid'];
		expect(outcomesOf(new PackedModel(game({protocol: 'ben-or', n: 3, inputs: '100', allow: ['crash', 'byzantine'], rounds: 2}).setup).possible)).toEqual(all);
		expect(outcomesOf(new PackedModel(game({protocol: 'ben-or', n: 4, inputs: '1100', allow: ['crash', 'byzantine'], rounds: 2}).setup).possible)).toEqual(all.slice(0, 4));
		// With no corruption allowed both inputs once are enough; with f = 2 each needs three nodes.
		expect(outcomesOf(new PackedModel(game({protocol: 'quorum', n: 3, inputs: '100', allow: []}).setup).possible)).toEqual(all.slice(0, 4));
		expect(outcomesOf(new PackedModel(game({protocol: 'wait-all', n: 4, inputs: '1100', allow: ['crash'], f: 2}).setup).possible)).toEqual(all);
	});

	test('ben-or, two rounds, n = 3, every behaviour: every outcome, from 554 states (231,154 before rules 10 to 13, ben-or\'s scratch and byzantine corruptions tried first)', () => {
		const c = game({protocol: 'ben-or', n: 3, inputs: '100', allow: ['crash', 'lie', 'byzantine'], rounds: 2});
		const answer = new Analyzer().analyze(c);
		expect([answer.label, answer.outcomes, answer.complete, answer.states]).toEqual(['ambiguous', ['zero', 'one', 'split', 'stuck', 'invalid'], true, 554]);
		// Every witness still replays to its outcome, from a memo where the successors left
		// unsearched stay pending.
		for (const [outcome, moves] of Object.entries(answer.witnesses)) {
			const end = applyMoves(c, moves!);
			expect(end.ok && outcomesOf(evaluate(end.value))).toContain(outcome);
		}
	});

	test('a complete answer whose budget runs out while its witnesses are found leaves those out, and says so', () => {
		const c = game({protocol: 'ben-or', n: 3, inputs: '100', allow: ['crash', 'lie', 'byzantine'], rounds: 2});
		const analyzer = new Analyzer();
		expect(analyzer.analyze(c, {witnesses: false}).complete).toBe(true);
		// The answer is in the memo; only the witnesses' own searches see the stop.
		const cut = analyzer.analyze(c, {shouldStop: () => true});
		expect([cut.label, cut.outcomes, cut.complete, cut.witnessesCut]).toEqual(['ambiguous', ['zero', 'one', 'split', 'stuck', 'invalid'], true, true]);
		const missing = cut.outcomes.filter(o => !cut.witnesses[o]);
		expect(missing.length).toBeGreaterThan(0);
		// Without the stop, every one is found, and those found before are the same runs.
		const whole = analyzer.analyze(c);
		expect(whole.witnessesCut).toBeUndefined();
		expect(Object.keys(whole.witnesses).sort()).toEqual([...whole.outcomes].sort());
		for (const [outcome, moves] of Object.entries(cut.witnesses)) expect(whole.witnesses[outcome as keyof typeof whole.witnesses]).toEqual(moves);
	});
});
