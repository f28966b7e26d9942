import {describe, expect, test} from 'vitest';
import {factsLine, gameFacts, setupFacts} from '../../source/engine/game.js';
import {game} from '../helpers/games.js';

describe('the one-line facts header', () => {
	test('shows protocol, n and f, then rounds and inputs when given, then the allowed behaviours', () => {
		expect(factsLine({protocol: 'quorum', n: 3, f: 1, allow: 'crash'})).toBe('quorum  n=3 f=1  allow: crash');
		expect(factsLine({protocol: 'quorum', n: 3, f: 1, inputs: '011', allow: 'crash'})).toBe('quorum  n=3 f=1  inputs 011  allow: crash');
		expect(factsLine({protocol: 'ben-or', n: 4, f: 1, rounds: 2, inputs: '0011', allow: 'crash, lie'})).toBe(
			'ben-or  n=4 f=1  rounds=2  inputs 0011  allow: crash, lie',
		);
	});

	test('puts rounds after the protocol as r=R for the watch headers', () => {
		expect(factsLine({protocol: 'ben-or', n: 3, f: 1, rounds: 2, allow: 'crash'}, {rounds: 'after-protocol'})).toBe('ben-or r=2  n=3 f=1  allow: crash');
		expect(factsLine({protocol: 'quorum', n: 3, f: 1, allow: 'crash'}, {rounds: 'after-protocol'})).toBe('quorum  n=3 f=1  allow: crash');
	});

	test('joins the parts with " · " for the exports', () => {
		expect(factsLine({protocol: 'ben-or', n: 3, f: 1, rounds: 2, inputs: '011', allow: 'crash, lie'}, {separator: ' · '})).toBe(
			'ben-or · n=3 f=1 · rounds=2 · inputs 011 · allow: crash, lie',
		);
	});

	test('reads a game: rounds only for a protocol that takes them, and none when nothing can be corrupted', () => {
		expect(gameFacts(game({protocol: 'leader', n: 3, inputs: '011', allow: ['crash']}).setup)).toBe('leader  n=3 f=1  inputs 011  allow: crash');
		expect(gameFacts(game({protocol: 'ben-or', n: 3, inputs: '011', rounds: 2, allow: ['byzantine']}).setup)).toBe(
			'ben-or  n=3 f=1  rounds=2  inputs 011  allow: byzantine',
		);
		expect(gameFacts(game({protocol: 'wait-all', n: 2, inputs: '01', f: 0, allow: ['crash']}).setup)).toBe('wait-all  n=2 f=0  inputs 01  allow: none');
		expect(setupFacts(game({protocol: 'quorum', n: 3, inputs: '011', allow: []}).setup)).toEqual({
			protocol: 'quorum',
			n: 3,
			f: 1,
			rounds: undefined,
			inputs: '011',
			allow: 'none',
		});
	});
});
