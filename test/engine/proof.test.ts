/**
 * The proof's argument on real small positions: the Lemma 1 ladder, the Lemma 2
 * argument, the diamond and the hint key, each with exact expectations (which configuration is X,
 * which is Y, which labels).
 */
import {describe, expect, test} from 'vitest';
import type {Configuration} from '../../source/engine/configuration.js';
import {diamond} from '../../source/engine/diamond.js';
import {decisionsText, lemma1Ladder} from '../../source/engine/lemma1.js';
import {findStall, lemma2Argument} from '../../source/engine/lemma2.js';
import {formatMoves, parseMove} from '../../source/engine/notation.js';
import {Oracle} from '../../source/engine/oracle.js';
import type {Message} from '../../source/engine/types.js';
import {proofHint} from '../../source/engine/watch.js';
import {game} from '../helpers/games.js';

const message = (c: Configuration, text: string): Message => {
	const move = parseMove(c.setup, text);
	if (!move.ok || move.value.kind !== 'deliver') throw new Error(`not a delivery: ${text}`);
	return move.value.message;
};

const quorum = (moves: string, allow = ['crash']) => game({protocol: 'quorum', n: 3, inputs: '011', allow}, moves);
const setupOf = (protocol: string, allow: string[]) => game({protocol, n: 3, inputs: '000', allow}).setup;
const names = (c: Configuration, moves: Parameters<typeof formatMoves>[1]) => formatMoves(c.setup, moves);

describe('the Lemma 1 ladder', () => {
	test('wait-all with lying faults (level 6): X_1 is the pivot; node 1 lies and the others decide 0 as from X_0', () => {
		const ladder = lemma1Ladder(new Oracle(), setupOf('wait-all', ['lie']));
		expect(ladder.rungs.map(r => [r.inputs, r.label])).toEqual([
			['000', '0'],
			['100', 'ambiguous'],
			['110', 'ambiguous'],
			['111', '1'],
		]);
		expect([ladder.pivot, ladder.ambiguous, ladder.hiding, ladder.failure]).toEqual([1, 1, 'lie', undefined]);
		const x0 = ladder.rungs[0]!.config;
		const fifo = ['start 1', 'start 2', 'start 3', '2<1:vote=0', '3<1:vote=0', '1<2:vote=0', '3<2:vote=0', '1<3:vote=0', '2<3:vote=0'];
		expect(names(x0, ladder.left!.moves)).toEqual(fifo);
		expect(ladder.left!.from).toBe(x0);
		expect(decisionsText(ladder.left!)).toBe('nodes 1, 2, 3 decide 0');
		expect(ladder.right!.from).toBe(ladder.rungs[1]!.config);
		expect(names(x0, ladder.right!.moves)).toEqual(['corrupt 1 as lie', ...fifo]);
		expect(decisionsText(ladder.right!)).toBe('nodes 2 and 3 decide 0');
		expect(ladder.right!.outcomes).toEqual(['zero']);
		expect(ladder.toOne!.outcomes).toEqual(['one']);
		expect(ladder.steps.at(-1)).toBe('So X_1 can still end in 0, and its run at the bottom ends in 1: X_1 is ambiguous, as Lemma 1 says.');
	});

	test('quorum with crash faults (level 7): X_2 is the pivot; with node 2 silent both runs end alike', () => {
		const ladder = lemma1Ladder(new Oracle(), setupOf('quorum', ['crash']));
		expect(ladder.rungs.map(r => r.label)).toEqual(['0', '0', 'ambiguous', '1']);
		expect([ladder.pivot, ladder.ambiguous, ladder.hiding]).toEqual([2, 2, 'crash']);
		const x1 = ladder.rungs[1]!.config;
		const silent = ['corrupt 2 as crash', 'start 1', 'start 3', '1<3:vote=0', '3<1:vote=1', 'start 2', '2<1:vote=1', '2<3:vote=0'];
		expect(names(x1, ladder.left!.moves)).toEqual(silent);
		expect(names(x1, ladder.right!.moves)).toEqual(silent);
		expect([decisionsText(ladder.left!), decisionsText(ladder.right!)]).toEqual(['nodes 1 and 3 decide 0', 'nodes 1 and 3 decide 0']);
	});

	test('leader with crash faults: the pivot X_1 is a 1-configuration, and a silent leader breaks termination instead', () => {
		const ladder = lemma1Ladder(new Oracle(), setupOf('leader', ['crash']));
		expect(ladder.rungs.map(r => r.label)).toEqual(['0', '1', '1', '1']);
		expect(ladder.ambiguous).toBeUndefined();
		expect(ladder.failure?.assumption).toBe('termination');
		expect(ladder.failure?.rung).toBe(1);
		expect(ladder.right!.outcomes).toEqual(['stuck']);
		expect(decisionsText(ladder.right!)).toBe('nodes 2 and 3 are undecided');
	});

	test('wait-all without faults: nothing hides the pivot', () => {
		const ladder = lemma1Ladder(new Oracle(), setupOf('wait-all', []));
		expect(ladder.rungs.map(r => r.label)).toEqual(['0', '0', '1', '1']);
		expect(ladder.failure).toEqual({assumption: 'faults', rung: 2});
	});

	test('leader with a byzantine leader: X_0 is not a 0-configuration, and the run that breaks validity is shown', () => {
		const ladder = lemma1Ladder(new Oracle(), setupOf('leader', ['byzantine']));
		expect(ladder.rungs.map(r => r.label)).toEqual(['ambiguous', 'ambiguous', 'ambiguous', 'ambiguous']);
		expect(ladder.failure?.assumption).toBe('validity');
		expect(ladder.failure?.rung).toBe(0);
		expect(ladder.failure?.run?.outcomes).toEqual(['split', 'invalid']);
		expect(ladder.steps[1]).toBe("X_0 = 000 should be a 0-configuration, but a run from it decides 1: validity fails, so the lemma's assumption does not hold.");
		expect(ladder.breaches.map(b => [b.rung, b.breach.property])).toEqual([
			[0, 'agreement'],
			[0, 'validity'],
		]);
	});
});

describe('the Lemma 2 argument', () => {
	test('level 8: the argument finds Y two moves away (start 3; 2<3:vote=1), ambiguous*', () => {
		const c = quorum('start 1');
		const argument = lemma2Argument(new Oracle(), c, message(c, '2<1:vote=0'));
		expect(argument.kind).toBe('stall');
		expect(argument.star).toBe('0');
		expect(names(c, argument.path)).toEqual(['start 3', '2<3:vote=1']);
		expect(argument.yStar).toBe('ambiguous');
		expect(argument.steps).toEqual([
			'C is ambiguous, but delivering e = 2<1:vote=0 now is 0*: it would force 0.',
			'Lemma 2: search the configurations reached without delivering e, nearest first, for the first Y that is not 0*.',
			'Found Y 2 moves from C (last move m′ = 2<3:vote=1): delivering e at Y is ambiguous*.',
			'So C_{i+1} = Y·e is ambiguous: stall with those moves, then deliver e. Every configuration on the way is ambiguous.',
		]);
		const stall = findStall(new Oracle(), c, message(c, '2<1:vote=0'));
		expect([stall.status, names(c, stall.moves), stall.stars]).toEqual(['found', ['start 3', '2<3:vote=1'], ['0', '0', 'ambiguous']]);
	});

	test('an adjacent pair: X (0*) and Y (1*) one delivery apart, the diamond at X, and no stall (crash only)', () => {
		const c = quorum('start 1; corrupt 1 as crash');
		const oracle = new Oracle();
		const argument = lemma2Argument(oracle, c, message(c, '3<1:vote=0'));
		expect([argument.kind, argument.star, argument.yStar]).toEqual(['pair', '0', '1']);
		expect(names(c, argument.path)).toEqual(['start 2', '3<2:vote=1']);
		// X is C after start 2; Y is X after 3<2:vote=1.
		expect(names(c, [{kind: 'deliver', message: argument.configs[1]!.pool[0]!.message}])).toEqual(['start 3']);
		expect(oracle.star(argument.configs[1]!, message(c, '3<1:vote=0'))).toBe('0');
		expect(oracle.star(argument.configs[2]!, message(c, '3<1:vote=0'))).toBe('1');
		expect(argument.diamond?.case).toBe('case-2-differs');
		expect(argument.diamond?.labels).toEqual({left: '0', right: '1'});
		expect(argument.stall?.status).toBe('none');
		expect(argument.breach?.property).toBe('agreement');
		expect(argument.steps.slice(2)).toEqual([
			'The first Y, 2 moves from C, is 1*; its predecessor X is 0*: X and Y are one move apart (m′ = 3<2:vote=1).',
			'The diamond at X: e then m′ gives V (a 0-configuration), m′ then e gives Z = Y·e (a 1-configuration). The order of e and m′ decides.',
			'Both go to node 3 (Case 2). The proof makes node 3 byzantine to hide the order; this game allows only crash, so node 3 cannot pretend.',
			'No stall exists: every way of delivering e loses ambiguity. So the protocol escapes the contradiction: from C, agreement breaks: two honest nodes decide differently.',
		]);
	});

	test('no stall needed, and no argument from a position that is not ambiguous', () => {
		const c = quorum('');
		expect(lemma2Argument(new Oracle(), c, message(c, 'start 1')).kind).toBe('now');
		const lost = quorum('start 1; 2<1:vote=0');
		expect(lemma2Argument(new Oracle(), lost, message(lost, '3<1:vote=0')).kind).toBe('lost');
	});
});

describe('the diamond', () => {
	test('level 9: two recipients, the same configuration (Case 1)', () => {
		const c = quorum('start 1; start 2; start 3');
		const made = diamond(c, message(c, '2<1:vote=0'), message(c, '3<1:vote=0'));
		expect(made.ok && [made.value.case, made.value.same, made.value.differences]).toEqual(['case-1', true, []]);
	});

	test('level 10: one recipient, node 3 decides by the order: 0 one way, 1 the other', () => {
		const c = quorum('start 2; start 1; corrupt 1 as crash');
		const oracle = new Oracle();
		const made = diamond(c, message(c, '3<1:vote=0'), message(c, '3<2:vote=1'), x => oracle.label(x));
		if (!made.ok) throw new Error(made.message);
		expect([made.value.case, made.value.same, made.value.labels]).toEqual(['case-2-differs', false, {left: '0', right: '1'}]);
		expect(made.value.differences).toEqual([{node: 3, left: 'decided 0, votes 0 1 1', right: 'decided 1, votes 0 1 1'}]);
		expect(made.value.sentences.at(-1)).toBe('3<1:vote=0 first gives a 0-configuration; 3<2:vote=1 first gives a 1-configuration: the order decides.');
	});

	test('level 11: a byzantine recipient hides the order', () => {
		const c = quorum('start 1; start 2; start 3; corrupt 3 as byzantine', ['byzantine']);
		const made = diamond(c, message(c, '3<1:vote=0'), message(c, '3<2:vote=1'));
		expect(made.ok && [made.value.case, made.value.same]).toEqual(['case-2-hidden', true]);
	});

	test('the same message twice, or one not pending, is refused', () => {
		const c = quorum('start 1');
		expect(diamond(c, message(c, 'start 2'), message(c, 'start 2'))).toMatchObject({ok: false, code: 'same-message'});
		expect(diamond(c, message(c, 'start 2'), message(c, 'start 1'))).toMatchObject({ok: false, message: 'start 1 is not pending'});
	});
});

describe('the hint key', () => {
	test('a stall level: the stall’s first move, with its reason', () => {
		const c = quorum('start 1');
		const hint = proofHint(new Oracle(), c, message(c, '2<1:vote=0'), {kind: 'stall'});
		expect(hint.text).toBe('start 3: the target is 0* now; this stall keeps every step ambiguous and makes it ambiguous* in 2 moves (Lemma 2).');
	});

	test('a game that starts not ambiguous: nothing to undo, so the hint and Lemma 2 say what to try instead', () => {
		// wait-all, 011, crash: only 1 can ever be decided (a crash only stalls the others).
		const oracle = new Oracle();
		const start = game({protocol: 'wait-all', n: 3, inputs: '011', allow: ['crash']});
		expect(proofHint(oracle, start, start.pool[0]!.message).text).toBe(
			'This game starts 1-valent (only 1 can ever be decided): nothing to undo; choose other inputs (the ladder, l, finds an ambiguous start) or allow more behaviours.',
		);
		expect(lemma2Argument(oracle, start, start.pool[0]!.message).steps[0]).toContain('nothing to undo at the start: choose other inputs');
		// Once moves are made, undo is the way back.
		const later = game({protocol: 'wait-all', n: 3, inputs: '011', allow: ['crash']}, 'start 1');
		expect(proofHint(oracle, later, later.pool[0]!.message).text).toBe('The run is no longer ambiguous: undo to an ambiguous position.');
	});

	test('Lemma 1 levels: the inputs to choose', () => {
		const oracle = new Oracle();
		expect(proofHint(oracle, game({protocol: 'wait-all', n: 3, inputs: '000', allow: ['lie']}), undefined, {kind: 'find-ambiguous-start'}).inputs).toBe('100');
		expect(proofHint(oracle, game({protocol: 'quorum', n: 3, inputs: '000', allow: ['crash']}), undefined, {kind: 'find-ambiguous-start'}).text).toBe(
			'Choose X_2 = 110: the first X_i that is not a 0-configuration (Lemma 1).',
		);
	});

	test('diamond levels: the pair, or the corruption that hides it', () => {
		const oracle = new Oracle();
		const ten = quorum('start 2; start 1; corrupt 1 as crash');
		expect(proofHint(oracle, ten, undefined, {kind: 'diamond'}).text).toBe('3<2:vote=1, then 3<1:vote=0: this order gives 1, the other 0; the order decides (Case 2).');
		const eleven = quorum('start 1; start 2; start 3', ['byzantine']);
		const pair = [message(eleven, '3<1:vote=0'), message(eleven, '3<2:vote=1')] as const;
		expect(proofHint(oracle, eleven, undefined, {kind: 'diamond', hide: true, pair}).move).toEqual({kind: 'corrupt', node: 3, behaviour: 'byzantine'});
	});
});
