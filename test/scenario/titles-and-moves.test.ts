import {describe, expect, test} from 'vitest';
import {countedMoves, startLevel, titleOf} from '../../source/scenario/scenario.js';
import type {ScenarioFile} from '../../source/scenario/format.js';

const untitled: ScenarioFile = {format: 1, protocol: 'quorum', nodes: 3, inputs: '011'};

describe('a file’s title', () => {
	test('without a title or an id: its protocol, nodes and inputs, never "Level"', () => {
		expect(titleOf(untitled)).toBe('quorum, 3 nodes, inputs 011');
		expect(titleOf({...untitled, protocol: 'ben-or', rounds: 2})).toBe('ben-or (2 rounds), 3 nodes, inputs 011');
		expect(titleOf({...untitled, id: 'mine'})).toBe('mine');
		expect(titleOf({...untitled, id: 'mine', title: 'My game'})).toBe('My game');
		const level = startLevel(untitled);
		expect(level.ok && level.value.info.title).toBe('quorum, 3 nodes, inputs 011');
	});
});

describe('one count of moves for the counter, par, best and scores', () => {
	test('every move after the setup counts one; choosing a Lemma 1 start counts one', () => {
		expect(countedMoves(untitled, 4)).toBe(4);
		expect(countedMoves({...untitled, inputs: 'choose'}, 0)).toBe(1);
		expect(countedMoves({...untitled, inputs: 'choose'}, 2)).toBe(3);
		const lemma1 = startLevel({...untitled, inputs: 'choose', goal: {kind: 'find-ambiguous-start'}}, '110');
		expect(lemma1.ok && lemma1.value.info.counted).toBe(1);
	});
});
