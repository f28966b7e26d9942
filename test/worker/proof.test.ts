import {describe, expect, test} from 'vitest';
import {PositionAnalyst} from '../../source/worker/position.js';

const level8 = {spec: {protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']}, moves: ['start 1']};

describe('the position analyst answers the proof views', () => {
	test('with a target, each other pending message gets the target’s starred label after it (the stall column)', () => {
		const report = new PositionAnalyst().report({id: 1, ...level8, target: '2<1:vote=0'});
		expect(report.previews.map(p => [p.message, p.label, p.then])).toEqual([
			['start 2', 'ambiguous', '0'],
			['start 3', 'ambiguous', '0'],
			['2<1:vote=0', '0', undefined],
			['3<1:vote=0', '0', '0'],
		]);
	});

	test('without a target there is no stall column', () => {
		const report = new PositionAnalyst().report({id: 1, ...level8});
		expect(report.previews.every(p => p.then === undefined)).toBe(true);
	});

	test('proof questions come back as plain data that crosses the worker boundary', () => {
		const analyst = new PositionAnalyst();
		const hint = analyst.report({id: 1, ...level8, proof: {kind: 'hint', target: '2<1:vote=0'}}).proof;
		expect(hint).toEqual({
			kind: 'hint',
			move: 'start 3',
			text: 'start 3: the target is 0* now; this stall keeps every step ambiguous and makes it ambiguous* in 2 moves (Lemma 2).',
		});
		const argument = analyst.report({id: 2, ...level8, proof: {kind: 'argument', target: '2<1:vote=0'}}).proof;
		expect(argument).toMatchObject({kind: 'argument', result: 'stall', path: [{move: 'start 3', star: '0'}, {move: '2<3:vote=1', star: 'ambiguous'}]});
		expect(structuredClone(argument)).toEqual(argument);
		const ladder = analyst.report({id: 3, ...level8, proof: {kind: 'ladder'}}).proof;
		expect(ladder).toMatchObject({kind: 'ladder', pivot: 2, ambiguous: 2, hiding: 'crash'});
		expect(analyst.report({id: 4, ...level8, proof: {kind: 'diamond', m: 'start 2', mm: 'start 2'}}).proof).toEqual({kind: 'error', message: 'pick two different messages'});
	});
});
