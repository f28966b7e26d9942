import {describe, expect, test} from 'vitest';
import {nodeSummary} from '../../source/engine/configuration.js';
import type {Configuration} from '../../source/engine/configuration.js';
import {formatMessage} from '../../source/engine/notation.js';
import {PROTOCOLS} from '../../source/protocols/registry.js';
import {game} from '../helpers/games.js';

const outputs = (c: Configuration): Array<0 | 1 | null> => c.nodes.map(node => node.output);
const pending = (c: Configuration): string[] => c.pool.map(e => formatMessage(c.setup, e.message));

describe('wait-all', () => {
	test('decides only with every vote, by majority, and a tie gives 0', () => {
		const c = game({protocol: 'wait-all', n: 4, inputs: '0011', allow: []}, 'start 1; start 2; start 3; 1<2:vote=0; 1<3:vote=1');
		expect(outputs(c)).toEqual([null, null, null, null]);
		expect(nodeSummary(c, 1)).toBe('votes 0 0 1 ·');
		const all = game({protocol: 'wait-all', n: 4, inputs: '0011', allow: []}, 'start 1; start 2; start 3; 1<2:vote=0; 1<3:vote=1; start 4; 1<4:vote=1');
		expect(outputs(all)[0]).toBe(0);
	});

	test('more than n/2 ones gives 1', () => {
		const c = game({protocol: 'wait-all', n: 3, inputs: '011', allow: []}, 'start 1; start 2; start 3; 1<2:vote=1; 1<3:vote=1');
		expect(outputs(c)[0]).toBe(1);
	});
});

describe('quorum', () => {
	test('decides the moment n − f votes are recorded, on exactly those', () => {
		const c = game({protocol: 'quorum', n: 3, inputs: '011', allow: []}, 'start 1; start 2; 2<1:vote=0');
		expect(outputs(c)).toEqual([null, 0, null]); // own 1 and node 1's 0: a tie, so 0
		const later = game({protocol: 'quorum', n: 3, inputs: '011', allow: []}, 'start 1; start 2; 2<1:vote=0; start 3; 2<3:vote=1');
		expect(outputs(later)[1]).toBe(0); // the third vote changes nothing
	});

	test('with n = 4 and f = 1, three votes decide', () => {
		const c = game({protocol: 'quorum', n: 4, inputs: '0111', allow: []}, 'start 2; start 3; 2<3:vote=1');
		expect(outputs(c)[1]).toBeNull();
		const decided = game({protocol: 'quorum', n: 4, inputs: '0111', allow: []}, 'start 2; start 3; 2<3:vote=1; start 1; 2<1:vote=0');
		expect(outputs(decided)[1]).toBe(1); // 1, 1, 0: two of three
	});
});

describe('leader', () => {
	test('the leader outputs its input at start and sends it; others follow', () => {
		const c = game({protocol: 'leader', n: 3, inputs: '100', allow: []}, 'start 1; start 2');
		expect(outputs(c)).toEqual([1, null, null]);
		expect(pending(c)).toEqual(['start 3', '2<1:value=1', '3<1:value=1']);
		const after = game({protocol: 'leader', n: 3, inputs: '100', allow: []}, 'start 1; start 2; 2<1:value=1');
		expect(outputs(after)).toEqual([1, 1, null]);
		expect(nodeSummary(after, 2)).toBe('heard 1 from node 1');
	});

	test('a value from anyone but node 1 is ignored', () => {
		const c = game(
			{protocol: 'leader', n: 3, inputs: '100', allow: ['byzantine']},
			'corrupt 2 as byzantine; 2>3:value=0; 3<2:value=0',
		);
		expect(outputs(c)).toEqual([null, null, null]);
		expect(nodeSummary(c, 3)).toBe('waiting for node 1');
	});
});

describe('ben-or', () => {
	test('declares p1.k and p2.k for each round', () => {
		const c = game({protocol: 'ben-or', n: 3, inputs: '001', rounds: 2});
		expect(c.setup.protocol.slots.map(s => `${s.name}:${s.values.join('')}`)).toEqual([
			'p1.1:01',
			'p2.1:01?',
			'p1.2:01',
			'p2.2:01?',
		]);
	});

	test('phase 1 completes on n − f p1 messages and sends ? without a majority of n', () => {
		const c = game({protocol: 'ben-or', n: 3, inputs: '011', allow: []}, 'start 1; start 2; 1<2:p1.1=1');
		// Node 1 holds 0 (own) and 1 (node 2): neither is more than n/2 = 1.5, so w = ?.
		expect(nodeSummary(c, 1)).toBe('round 1 phase 2, x=0');
		expect(pending(c).filter(m => m.includes('p2.1'))).toEqual(['2<1:p2.1=?', '3<1:p2.1=?']);
	});

	test('phase 2 decides b with f + 1 votes for b, and a node that finishes round R undecided never decides', () => {
		const decided = game(
			{protocol: 'ben-or', n: 3, inputs: '011', allow: []},
			'start 2; start 3; 2<3:p1.1=1; 3<2:p1.1=1; 2<3:p2.1=1',
		);
		expect(outputs(decided)[1]).toBe(1);
		expect(nodeSummary(decided, 2)).toBe('finished 1 round, x=1');

		// Node 1 sees ? and ? in p2.1: c0 = c1 = 0, so x = 0 (the fixed coin) and no output; with
		// one round it is finished for good.
		const undecided = game(
			{protocol: 'ben-or', n: 3, inputs: '011', allow: []},
			'start 1; start 2; start 3; 1<2:p1.1=1; 3<1:p1.1=0; 1<3:p2.1=?',
		);
		expect(nodeSummary(undecided, 1)).toBe('finished 1 round, x=0');
		expect(outputs(undecided)[0]).toBeNull();
	});

	test('messages of a later round are recorded early and used when the node gets there', () => {
		const c = game(
			{protocol: 'ben-or', n: 3, inputs: '111', allow: ['byzantine'], rounds: 2},
			'corrupt 3 as byzantine; 3>1:p1.2=0; 1<3:p1.2=0; start 1',
		);
		expect(nodeSummary(c, 1)).toBe('round 1 phase 1, x=1');
		expect(c.nodes[0]!.received[3 * 4 + 2]).toBe(0);
	});
});

test('every protocol has an id, a title and a flaw', () => {
	expect(PROTOCOLS.map(p => p.id)).toEqual(['wait-all', 'quorum', 'leader', 'ben-or']);
	for (const p of PROTOCOLS) expect(p.flaw.length).toBeGreaterThan(10);
});

describe('declarations a module cannot make', () => {
	test('a module that copies ben-or keeps its sampled-checked promises but not senderBlind, phases, scratch or inputOnlyAtStart', async () => {
		const {guardProtocol} = await import('../../source/protocols/guard.js');
		const {benOr} = await import('../../source/protocols/ben-or.js');
		const guarded = guardProtocol({id: 'copy', instantiate: (n: number, f: number, params: {rounds?: number}) => benOr.instantiate(n, f, params)}, 'copy.mjs');
		expect(guarded.ok).toBe(true);
		if (!guarded.ok) return;
		const instance = guarded.value.instantiate(3, 1, {rounds: 2});
		const original = benOr.instantiate(3, 1, {rounds: 2});
		expect([original.senderBlind, original.phases?.quorum, original.scratch, original.inputOnlyAtStart]).toEqual([true, 2, [2], true]);
		expect([instance.senderBlind, instance.phases, instance.scratch, instance.inputOnlyAtStart]).toEqual([undefined, undefined, undefined, undefined]);
		expect(instance.orderFree).toBe(true);
	});
});
