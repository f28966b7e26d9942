/** The timeline: cells, rounds, the lost-ambiguity mark, and fitting a long run in a width. */
import {describe, expect, test} from 'vitest';
import {foreverRoundEnds, stripText, stripWindow, timelineCells} from '../../source/diagram/timeline.js';
import {SCENARIOS} from '../../source/scenario/campaign.js';
import {playFile, readScenario} from '../../source/scenario/scenario.js';
import {join} from 'node:path';

describe('timelineCells', () => {
	test('marks the move after which the label stopped being ambiguous, once', () => {
		const cells = timelineCells(['ambiguous', 'ambiguous', '0', '0'], ['1', '0', undefined, undefined]);
		expect(cells.map(c => c.lost)).toEqual([false, false, true, false]);
		expect(stripText(cells)).toEqual({labels: ' A A!0 0', stars: ' 1 0'});
	});

	test('an unknown or missing label hides where it was lost rather than guess', () => {
		const cells = timelineCells(['ambiguous', undefined, '1', 'unknown']);
		expect(cells.map(c => c.lost)).toEqual([false, false, false, false]);
		expect(stripText(cells).labels).toBe(' A · 1 ?');
	});

	test('round ends draw a bar after the cell that ended the round', () => {
		const cells = timelineCells(['ambiguous', 'ambiguous', 'ambiguous'], [], new Set([1]));
		expect(stripText(cells)).toEqual({labels: ' A A│A', stars: '    │'});
	});
});

test('foreverRoundEnds follows the oldest pending message, as the goal does', () => {
	const loaded = readScenario(join(SCENARIOS, 'solutions', '13-theorem-ben-or.yaml'));
	if (!loaded.ok) throw new Error(loaded.message);
	const level = playFile(loaded.value.file);
	if (!level.ok) throw new Error(level.message);
	const {session, start} = level.value;
	// 11 moves, 9 rounds: moves 6 and 10 deliver something other than the round's target.
	expect([...foreverRoundEnds(session.configs, session.moves, start)]).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 11]);
});

describe('stripWindow', () => {
	test('everything when it fits, two columns a cell', () => {
		expect(stripWindow(10, 20)).toEqual({first: 0, end: 10, before: '', after: ''});
	});

	test('the last cells of a long run, with a marker counting the hidden ones', () => {
		expect(stripWindow(100, 40)).toEqual({first: 82, end: 100, before: '«82 ', after: ''});
		const cells = timelineCells(Array.from({length: 100}, () => 'ambiguous' as const));
		const {labels} = stripText(cells, 40);
		expect(labels).toBe(`«82 ${' A'.repeat(18)}`);
		expect(labels.length).toBeLessThanOrEqual(40);
	});

	test('a focus early in the run shows the start and counts what is hidden after', () => {
		expect(stripWindow(100, 40, 3)).toEqual({first: 0, end: 18, before: '', after: ' 82»'});
		const middle = stripWindow(100, 40, 50);
		expect(middle).toEqual({first: 35, end: 51, before: '«35 ', after: ' 49»'});
		expect(middle.before.length + (middle.end - middle.first) * 2 + middle.after.length).toBeLessThanOrEqual(40);
	});
});
