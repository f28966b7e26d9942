import {describe, expect, test} from 'vitest';
import {initialConfiguration, nodeSummary, oldest} from '../../source/engine/configuration.js';
import {applyMove, legalMoves} from '../../source/engine/moves.js';
import {formatMessage, formatMove, parseMove} from '../../source/engine/notation.js';
import type {Configuration} from '../../source/engine/configuration.js';
import type {Move} from '../../source/engine/types.js';
import {game} from '../helpers/games.js';

const poolOf = (c: Configuration): string[] => c.pool.map(e => `${formatMessage(c.setup, e.message)} (${e.age})`);

function move(c: Configuration, text: string): Move {
	const parsed = parseMove(c.setup, text);
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.value;
}

function refusal(c: Configuration, text: string): {code: string; message: string} {
	const result = applyMove(c, move(c, text));
	if (result.ok) throw new Error(`${text} was accepted`);
	return {code: result.code, message: result.message};
}

describe('the pool', () => {
	test('starts with one start message per node, all of age 0', () => {
		const c = game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']});
		expect(poolOf(c)).toEqual(['start 1 (0)', 'start 2 (0)', 'start 3 (0)']);
	});

	test('holds the example position of docs/model.md with its ages', () => {
		const c = game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']}, 'start 2; start 3; 1<2:vote=1');
		expect(poolOf(c)).toEqual([
			'start 1 (0)',
			'3<2:vote=1 (1)',
			'1<3:vote=1 (2)',
			'2<3:vote=1 (2)',
			'2<1:vote=0 (3)',
			'3<1:vote=0 (3)',
		]);
		expect(c.nodes.map(node => node.output)).toEqual([0, null, null]);
		expect(formatMessage(c.setup, oldest(c)!.message)).toBe('start 1');
	});

	test('breaks ties in age by recipient, then sender', () => {
		const c = game({protocol: 'wait-all', n: 3, inputs: '000', allow: []}, 'start 3; start 1');
		expect(poolOf(c)).toEqual(['start 2 (0)', '1<3:vote=0 (1)', '2<3:vote=0 (1)', '2<1:vote=0 (2)', '3<1:vote=0 (2)']);
	});
});

describe('honest nodes', () => {
	test('a vote delivered before start(r) wakes the node, and start(r) is then a no-op', () => {
		const c = game({protocol: 'wait-all', n: 2, inputs: '01', allow: []}, 'start 1; 2<1:vote=0');
		expect(c.nodes[1]!.started).toBe(true);
		expect(c.nodes.map(node => node.output)).toEqual([null, 0]);
		expect(poolOf(c)).toEqual(['start 2 (0)', '1<2:vote=1 (2)']);
		const after = game({protocol: 'wait-all', n: 2, inputs: '01', allow: []}, 'start 1; 2<1:vote=0; start 2');
		expect(poolOf(after)).toEqual(['1<2:vote=1 (2)']);
		expect(after.nodes[1]).toEqual(c.nodes[1]);
	});

	test('a node records its own vote instead of sending to itself', () => {
		const c = game({protocol: 'quorum', n: 3, inputs: '100', allow: []}, 'start 1');
		expect(c.pool.some(e => e.message.to === 1 && e.message.from === 1)).toBe(false);
		expect(nodeSummary(c, 1)).toBe('votes 1 · ·');
	});

	test('per (sender, slot) a node acts on the first message only', () => {
		// Node 2 byzantine sends both values to node 1: the first delivered is the one that counts.
		const c = game(
			{protocol: 'quorum', n: 3, inputs: '000', allow: ['byzantine']},
			'corrupt 2 as byzantine; 2>1:vote=1; 2>1:vote=0; 1<2:vote=1; 1<2:vote=0',
		);
		expect(c.nodes[0]!.output).toBe(0);
		const other = game(
			{protocol: 'quorum', n: 3, inputs: '100', allow: ['byzantine']},
			'corrupt 2 as byzantine; 2>1:vote=1; 2>1:vote=0; 1<2:vote=1; 1<2:vote=0',
		);
		expect(other.nodes[0]!.output).toBe(1);
	});

	test('a node corrupted as lie acts on the opposite input', () => {
		const c = game({protocol: 'leader', n: 3, inputs: '000', allow: ['lie']}, 'corrupt 1 as lie; start 1');
		expect(c.nodes[0]!.output).toBe(1);
		expect(poolOf(c)).toEqual(['start 2 (0)', 'start 3 (0)', '2<1:value=1 (2)', '3<1:value=1 (2)']);
	});

	test('messages delivered to a crashed node are consumed with no effect, and what it sent stays', () => {
		const c = game({protocol: 'wait-all', n: 2, inputs: '00', allow: ['crash']}, 'start 1; corrupt 1 as crash; start 2; 1<2:vote=0');
		expect(c.nodes[0]!.received.filter(v => v >= 0)).toHaveLength(1);
		expect(poolOf(c)).toEqual(['2<1:vote=0 (1)']);
	});
});

describe('illegal moves are refused with their reason, and change nothing', () => {
	const quorum = game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']}, 'start 2');
	const cases: Array<[string, Configuration, string, string, string]> = [
		['delivering a message that is not pending', quorum, '1<3:vote=1', 'not-pending', '1<3:vote=1: no such message is pending'],
		['delivering an already delivered start', quorum, 'start 2', 'not-pending', 'start 2: no such message is pending'],
		['corrupting with a behaviour the level does not allow', quorum, 'corrupt 1 as byzantine', 'illegal-corrupt', 'corrupt 1 as byzantine: byzantine is not allowed here (allowed: crash)'],
		[
			'corrupting when the game allows none',
			game({protocol: 'quorum', n: 3, inputs: '011', allow: []}),
			'corrupt 1 as crash',
			'illegal-corrupt',
			'corrupt 1 as crash: this game allows no corruption',
		],
		[
			'corrupting with f = 0',
			game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash'], f: 0}),
			'corrupt 1 as crash',
			'illegal-corrupt',
			'corrupt 1 as crash: this game allows no corruption',
		],
		[
			'corrupting more than f nodes',
			game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']}, 'corrupt 1 as crash'),
			'corrupt 2 as crash',
			'illegal-corrupt',
			'corrupt 2 as crash: already 1 corrupt node, the most f = 1 allows',
		],
		[
			'corrupting a node twice',
			game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash'], f: 2}, 'corrupt 1 as crash'),
			'corrupt 1 as crash',
			'illegal-corrupt',
			'corrupt 1 as crash: node 1 is already corrupt (crash)',
		],
		[
			'lying after the first delivery',
			game({protocol: 'quorum', n: 3, inputs: '011', allow: ['lie']}, 'start 2'),
			'corrupt 2 as lie',
			'illegal-corrupt',
			'corrupt 2 as lie: node 2 has already had a delivery; lie must be chosen before its first one',
		],
		[
			'sending from an honest node',
			game({protocol: 'quorum', n: 3, inputs: '011', allow: ['byzantine']}),
			'1>2:vote=1',
			'illegal-send',
			'1>2:vote=1: node 1 is honest; corrupt it as byzantine first',
		],
		[
			'sending from a crashed node',
			game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash', 'byzantine']}, 'corrupt 1 as crash'),
			'1>2:vote=1',
			'illegal-send',
			'1>2:vote=1: node 1 is corrupt as crash, and only a byzantine node sends at will',
		],
		[
			'sending to itself',
			game({protocol: 'quorum', n: 3, inputs: '011', allow: ['byzantine']}, 'corrupt 1 as byzantine'),
			'1>1:vote=1',
			'illegal-send',
			'1>1:vote=1: a node never sends to itself',
		],
		[
			'sending the same message twice',
			game({protocol: 'quorum', n: 3, inputs: '011', allow: ['byzantine']}, 'corrupt 1 as byzantine; 1>2:vote=1; 2<1:vote=1'),
			'1>2:vote=1',
			'illegal-send',
			'1>2:vote=1: node 1 has already sent this message',
		],
		[
			'sending a message that is already pending',
			game({protocol: 'quorum', n: 3, inputs: '011', allow: ['byzantine']}, 'start 1; corrupt 1 as byzantine'),
			'1>2:vote=0',
			'illegal-send',
			'1>2:vote=0: this message is already pending',
		],
	];
	for (const [name, c, text, code, message] of cases) {
		test(name, () => {
			expect(refusal(c, text)).toEqual({code, message});
			expect(legalMoves(c).map(m => formatMove(c.setup, m))).not.toContain(text);
		});
	}

	test('a refused move leaves the configuration as it was', () => {
		const before = JSON.stringify(quorum.nodes) + JSON.stringify(quorum.pool);
		applyMove(quorum, move(quorum, 'corrupt 1 as byzantine'));
		expect(JSON.stringify(quorum.nodes) + JSON.stringify(quorum.pool)).toBe(before);
	});
});

describe('legal moves', () => {
	test('come in the documented order: deliveries oldest first, corruptions, then sends', () => {
		const c = game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash', 'byzantine']}, 'start 3; corrupt 1 as byzantine');
		expect(legalMoves(c).map(m => formatMove(c.setup, m))).toEqual([
			'start 1',
			'start 2',
			'1<3:vote=1',
			'2<3:vote=1',
			'1>2:vote=0',
			'1>2:vote=1',
			'1>3:vote=0',
			'1>3:vote=1',
		]);
		const fresh = game({protocol: 'quorum', n: 2, inputs: '01', allow: ['crash', 'lie', 'byzantine']});
		expect(legalMoves(fresh).map(m => formatMove(fresh.setup, m))).toEqual([
			'start 1',
			'start 2',
			'corrupt 1 as crash',
			'corrupt 1 as lie',
			'corrupt 1 as byzantine',
			'corrupt 2 as crash',
			'corrupt 2 as lie',
			'corrupt 2 as byzantine',
		]);
	});

	test('every listed move is accepted', () => {
		const c = game({protocol: 'ben-or', n: 3, inputs: '011', allow: ['crash', 'lie', 'byzantine']}, 'start 1; start 2');
		for (const m of legalMoves(c)) expect(applyMove(c, m).ok).toBe(true);
	});

	test('the initial configuration of a game is the same every time', () => {
		const a = game({protocol: 'ben-or', n: 3, inputs: '011', rounds: 2});
		expect(initialConfiguration(a.setup)).toEqual(a);
	});
});
