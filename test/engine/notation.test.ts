import {describe, expect, test} from 'vitest';
import {formatMove, parseMove, parseMoves} from '../../source/engine/notation.js';
import {game} from '../helpers/games.js';

const benOr = game({protocol: 'ben-or', n: 3, inputs: '001', rounds: 2}).setup;

describe('the move notation', () => {
	test.each([
		['start 2', {kind: 'deliver', message: {to: 2, from: 0, slot: -1, value: -1}}],
		['2<1:p1.1=0', {kind: 'deliver', message: {to: 2, from: 1, slot: 0, value: 0}}],
		['3>2:p2.1=?', {kind: 'send', message: {to: 2, from: 3, slot: 1, value: 2}}],
		['1<3:p1.2=1', {kind: 'deliver', message: {to: 1, from: 3, slot: 2, value: 1}}],
		['corrupt 3 as byzantine', {kind: 'corrupt', node: 3, behaviour: 'byzantine'}],
	])('reads %s and prints it back the same', (text, expected) => {
		const parsed = parseMove(benOr, text);
		expect(parsed).toEqual({ok: true, value: expected});
		if (parsed.ok) expect(formatMove(benOr, parsed.value)).toBe(text);
	});

	test('allows whitespace around tokens', () => {
		expect(parseMove(benOr, '  2 < 1 : p1.1 = 0 ')).toEqual(parseMove(benOr, '2<1:p1.1=0'));
		expect(parseMove(benOr, 'corrupt   1  as crash')).toEqual(parseMove(benOr, 'corrupt 1 as crash'));
		expect(parseMove(benOr, '3 > 2 : p2.1 = ?')).toEqual(parseMove(benOr, '3>2:p2.1=?'));
	});

	test.each([
		['start 4', 'bad-node', '"start 4": node 4 does not exist (nodes are 1..3)'],
		['2<0:p1.1=0', 'bad-node', '"2<0:p1.1=0": node 0 does not exist (nodes are 1..3)'],
		['2<1:vote=0', 'bad-slot', '"2<1:vote=0": ben-or has no slot "vote" (slots: p1.1, p2.1, p1.2, p2.2)'],
		['2<1:p1.1=?', 'bad-value', '"2<1:p1.1=?": slot p1.1 takes 0, 1, not "?"'],
		['corrupt 1 as evil', 'bad-behaviour', '"corrupt 1 as evil": unknown behaviour "evil" (use crash, lie or byzantine)'],
		['deliver 2', 'bad-notation', '"deliver 2" is not a move (write "start 2", "2<1:vote=0", "corrupt 3 as crash" or "3>1:vote=1")'],
	])('rejects %s with a message naming the problem', (text, code, message) => {
		expect(parseMove(benOr, text)).toEqual({ok: false, code, message});
	});

	test('splits move lists on semicolons, lines and list items', () => {
		const parsed = parseMoves(benOr, 'start 1; start 2\n- 2<1:p1.1=0\n\n * corrupt 1 as crash;');
		expect(parsed.ok && parsed.value.map(move => formatMove(benOr, move))).toEqual([
			'start 1',
			'start 2',
			'2<1:p1.1=0',
			'corrupt 1 as crash',
		]);
	});

	test('a bad move in a list is named by its position', () => {
		expect(parseMoves(benOr, 'start 1; start 9')).toEqual({
			ok: false,
			code: 'bad-node',
			message: 'move 2: "start 9": node 9 does not exist (nodes are 1..3)',
		});
	});
});
