/** The play screen's pictures: the run looked at, what to analyse in the background, the cells. */
import {describe, expect, test} from 'vitest';
import {parseMoves} from '../../source/engine/notation.js';
import {type Session, newSession, playAll} from '../../source/engine/session.js';
import {lookUpProtocol} from '../../source/protocols/registry.js';
import {cellsOf, fillKeys, labelsOf, wholeRun, witnessSession} from '../../source/ui/run-pictures.js';
import type {PositionReport} from '../../source/worker/position.js';

function session(moves: string): Session {
	const started = newSession({protocol: 'quorum', n: 3, inputs: '011', f: 1, allow: ['crash']}, lookUpProtocol);
	if (!started.ok) throw new Error(started.message);
	const parsed = parseMoves(started.value.configs[0]!.setup, moves);
	if (!parsed.ok) throw new Error(parsed.message);
	const played = playAll(started.value, parsed.value);
	if (!played.ok) throw new Error(played.message);
	return played.value;
}

const witness = (s: Session, text: string) => {
	const parsed = parseMoves(s.configs[0]!.setup, text);
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.value;
};

describe('run pictures', () => {
	test('the whole run: the game, then the witness moves up to the step shown', () => {
		const s = session('start 1; start 2');
		const run = witness(s, 'start 3; 2<1:vote=0');
		expect(wholeRun(s).keys).toEqual(['', 'start 1', 'start 1;start 2']);
		expect(wholeRun(s, {run, k: 1}).keys).toEqual(['', 'start 1', 'start 1;start 2', 'start 1;start 2;start 3']);
		expect(wholeRun(s, {run, k: 1}).configs.length).toBe(4);
	});

	test('the background fill: the witness run first, then the game from the player’s start', () => {
		const s = session('start 1; start 2');
		expect(fillKeys(s, 1)).toEqual(['start 1', 'start 1;start 2']);
		expect(fillKeys(s, 1, {run: witness(s, 'start 3; 2<1:vote=0')})).toEqual([
			'start 1;start 2;start 3',
			'start 1;start 2;start 3;2<1:vote=0',
			'start 1',
			'start 1;start 2',
		]);
	});

	test('cells and labels come from the reports in hand, and nothing else', () => {
		const s = session('start 1; start 2');
		const report = (label: 'ambiguous' | '0', star: 'ambiguous' | '0'): PositionReport => ({
			id: 1,
			now: {label, outcomes: [], flags: {agreement: false, termination: false, validity: false}, complete: true, witnesses: {}},
			previews: [{message: 'x', label: star, outcomes: [], flags: {agreement: false, termination: false, validity: false}, complete: true}],
			states: 0,
		});
		const reports = new Map([['', report('ambiguous', 'ambiguous')], ['start 1;start 2', report('0', '0')]]);
		const pictured = {run: wholeRun(s), reportFor: (key: string) => reports.get(key), start: 0};
		expect(cellsOf(pictured).map(c => [c.label, c.star])).toEqual([
			['ambiguous', 'ambiguous'],
			[undefined, undefined],
			['0', '0'],
		]);
		expect(labelsOf(pictured)).toEqual(['ambiguous', undefined, '0']);
		expect(labelsOf({...pictured, start: 1})).toEqual([undefined, undefined, '0']);
	});

	test('a witness run saved: the game’s moves, then the run’s up to the step shown', () => {
		const s = session('start 1');
		const saved = witnessSession(s, witness(s, 'start 2; start 3; 2<1:vote=0'), 2);
		expect(saved.ok && saved.value.moves.length).toBe(3);
	});
});
