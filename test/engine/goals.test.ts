import {describe, expect, test} from 'vitest';
import {Analyzer} from '../../source/engine/analysis.js';
import type {Configuration} from '../../source/engine/configuration.js';
import {type GoalSpec, evaluateGoal} from '../../source/engine/goals.js';
import {parseMoves} from '../../source/engine/notation.js';
import {newSession, playAll} from '../../source/engine/session.js';
import type {Message} from '../../source/engine/types.js';
import {lookUpProtocol} from '../../source/protocols/registry.js';

const analyzer = new Analyzer();
const labelOf = (c: Configuration) => analyzer.analyze(c, {witnesses: false}).label;
const quorum = {protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']};

function judge(goal: GoalSpec | ((m: (t: string) => Message) => GoalSpec), setup: string, moves: string, spec = quorum) {
	const s = newSession(spec, lookUpProtocol);
	if (!s.ok) throw new Error(s.message);
	const config = s.value.configs[0]!;
	const parse = (text: string) => {
		const parsed = parseMoves(config.setup, text);
		if (!parsed.ok) throw new Error(parsed.message);
		return parsed.value;
	};

	const message = (text: string): Message => {
		const [move] = parse(text);
		if (move?.kind !== 'deliver') throw new Error('not a delivery');
		return move.message;
	};

	const first = parse(setup);
	const played = playAll(s.value, [...first, ...parse(moves)]);
	if (!played.ok) throw new Error(played.message);
	const spec2 = typeof goal === 'function' ? goal(message) : goal;
	return evaluateGoal(spec2, {configs: played.value.configs, moves: played.value.moves, start: first.length}, labelOf);
}

describe('goals', () => {
	test('stall: reached when the target is delivered with every configuration ambiguous', () => {
		const goal = (m: (t: string) => Message): GoalSpec => ({kind: 'stall', target: m('2<1:vote=0')});
		expect(judge(goal, 'start 1', 'start 2; start 3; 2<3:vote=1')).toEqual({state: 'open', message: ''});
		expect(judge(goal, 'start 1', 'start 2; start 3; 2<3:vote=1; 2<1:vote=0')).toEqual({
			state: 'reached',
			message: 'Target delivered at move 4, still ambiguous: that is Lemma 2.',
		});
	});

	test('stall: failed at the move that left ambiguity', () => {
		const goal = (m: (t: string) => Message): GoalSpec => ({kind: 'stall', target: m('2<1:vote=0')});
		expect(judge(goal, 'start 1', 'start 2; 2<1:vote=0')).toEqual({
			state: 'failed',
			message: 'Move 2 (2<1:vote=0) left a 0-configuration: undo and find another way.',
		});
	});

	test('diamond: the order of two votes to the same node decides', () => {
		const setup = 'start 2; start 1; corrupt 1 as crash';
		expect(judge({kind: 'diamond'}, setup, '3<1:vote=0; 3<2:vote=1')).toEqual({
			state: 'reached',
			message: 'In this order 0, the other way round 1: the order decides.',
		});
		expect(judge({kind: 'diamond'}, setup, '3<1:vote=0; 2<1:vote=0').state).toBe('open');
	});

	test('diamond, commute: different recipients reach the same configuration either way', () => {
		expect(judge({kind: 'diamond', commute: true}, 'start 1; start 2; start 3', '2<1:vote=0; 3<1:vote=0')).toEqual({
			state: 'reached',
			message: 'Nodes 2 and 3 cannot tell the order: both orders reach the same configuration.',
		});
		expect(judge({kind: 'diamond', commute: true}, 'start 1; start 2; start 3', '2<1:vote=0; 2<3:vote=1').message).toBe(
			'Those two went to the same node: try two different recipients.',
		);
	});

	test('diamond, hide: the recipient must already be byzantine when the pair arrives', () => {
		const spec = {protocol: 'quorum', n: 3, inputs: '011', allow: ['byzantine']};
		const goal = (m: (t: string) => Message): GoalSpec => ({kind: 'diamond', hide: true, pair: [m('3<1:vote=0'), m('3<2:vote=1')]});
		const setup = 'start 1; start 2; start 3';
		expect(judge(goal, setup, 'corrupt 3 as byzantine; 3<2:vote=1; 3<1:vote=0', spec).state).toBe('reached');
		expect(judge(goal, setup, '3<2:vote=1; 3<1:vote=0', spec)).toEqual({
			state: 'failed',
			message: 'Node 3 was honest when the pair arrived, so the order showed: undo and corrupt it first.',
		});
	});

	test('forever: counts FIFO rounds while ambiguous', () => {
		const spec = {protocol: 'quorum', n: 3, inputs: '110', allow: ['crash']};
		expect(judge({kind: 'forever', rounds: 3}, '', 'start 1; start 2', spec)).toEqual({
			state: 'open',
			message: 'Round 3 of 3: deliver start 3 last.',
			rounds: 2,
		});
		expect(judge({kind: 'forever', rounds: 3}, '', 'start 1; start 2; start 3', spec)).toMatchObject({state: 'reached', rounds: 3});
	});

	test('find-ambiguous-start and break goals', () => {
		expect(judge({kind: 'find-ambiguous-start'}, '', '', {...quorum, inputs: '110'}).state).toBe('reached');
		expect(judge({kind: 'find-ambiguous-start'}, '', '', {...quorum, inputs: '100'})).toEqual({
			state: 'failed',
			message: 'This start is a 0-configuration; try other inputs.',
		});
		const split = 'start 1; start 2; start 3; 2<1:vote=0; 1<2:vote=1; 3<2:vote=1; 3<1:vote=0; 1<3:vote=1; 2<3:vote=1';
		expect(judge({kind: 'break-agreement'}, '', split)).toEqual({state: 'reached', message: 'Broken in 9 moves.'});
		expect(judge({kind: 'break-termination'}, '', split).state).toBe('open');
	});
});
