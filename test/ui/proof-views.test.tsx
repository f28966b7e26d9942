/**
 * The proof views on real positions: the stall column, the diamond, "show the proof", the Lemma 1
 * ladder and "watch the proof", with exact rendered text (which configuration is X, which is Y,
 * which labels), at the board's 80 columns.
 */
import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import type {Configuration} from '../../source/engine/configuration.js';
import {Oracle} from '../../source/engine/oracle.js';
import {type ArgumentAnswer, type DiamondAnswer, type LadderAnswer, answerProof} from '../../source/worker/proof.js';
import {InlineService} from '../helpers/inline-service.js';
import {DiamondView} from '../../source/ui/diamond-view.js';
import {LadderView} from '../../source/ui/ladder-view.js';
import {ProofView} from '../../source/ui/proof-view.js';
import {WatchScreen} from '../../source/ui/watch-screen.js';
import {game} from '../helpers/games.js';
import {containing, press, until} from '../helpers/ink.js';
import {ARROW_RIGHT, ESCAPE} from '../helpers/keys.js';

const quorum = (moves: string, allow = ['crash']): Configuration => game({protocol: 'quorum', n: 3, inputs: '011', allow}, moves);
const lines = (frame: string | undefined): string[] => (frame ?? '').split('\n').map(line => line.trimEnd());
const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

function mount(element: React.JSX.Element) {
	const view = render(element);
	cleanups.push(view.unmount);
	return view;
}

describe('the diamond view', () => {
	test('level 10: the two orders side by side, node 3 marked, 0 against 1 (Case 2)', () => {
		const c = quorum('start 2; start 1; corrupt 1 as crash');
		const answer = answerProof(new Oracle(), c, {kind: 'diamond', m: '3<1:vote=0', mm: '3<2:vote=1'}) as DiamondAnswer;
		const {lastFrame} = mount(<DiamondView answer={answer} colour={false} onClose={() => {}} />);
		const frame = lines(lastFrame());
		expect(frame.slice(0, 8)).toEqual([
			' THE DIAMOND  m = 3<1:vote=0, m′ = 3<2:vote=1',
			'─'.repeat(78),
			'3<1:vote=0 then 3<2:vote=1  → 0        │ 3<2:vote=1 then 3<1:vote=0  → 1',
			' 1  in 0  ✗crash     votes 0 · ·       │  1  in 0  ✗crash     votes 0 · ·',
			' 2  in 1  —          votes · 1 ·       │  2  in 1  —          votes · 1 ·',
			'≠3  in 1  decided 0  votes 0 1 1       │ ≠3  in 1  decided 1  votes 0 1 1',
			'─'.repeat(78),
			' Case 2 (r = r′): only the recipient saw the order; it differs',
		]);
		expect(frame.length).toBeLessThanOrEqual(24);
		expect(frame.every(line => line.length <= 80)).toBe(true);
	});
});

describe('show the proof', () => {
	test('level 8: C, X and Y with the target’s starred labels, steps revealed one by one', async () => {
		const c = quorum('start 1');
		const answer = answerProof(new Oracle(), c, {kind: 'argument', target: '2<1:vote=0'}) as ArgumentAnswer;
		let played: readonly string[] = [];
		const {lastFrame, stdin} = mount(<ProofView answer={answer} colour={false} rows={24} onClose={() => {}} onPlay={moves => (played = moves)} />);
		expect(lines(lastFrame()).slice(0, 7)).toEqual([
			' SHOW THE PROOF  Lemma 2 here, target e = 2<1:vote=0',
			'─'.repeat(78),
			' C     (the position on the board)   delivering e: 0*',
			' X     start 3                       delivering e: 0*',
			' Y     2<3:vote=1                    delivering e: ambiguous*',
			'─'.repeat(78),
			' 1. C is ambiguous, but delivering e = 2<1:vote=0 now is 0*: it would force 0.',
		]);
		for (const step of [2, 3, 4]) {
			await press(stdin, ARROW_RIGHT);
			await until(lastFrame, containing(`step ${step}/4`));
		}

		expect(lastFrame()).toContain(' 4. So C_{i+1} = Y·e is ambiguous: stall with those moves, then deliver e.');
		// Every step stays whole on screen, the earlier ones too (none cut with "…").
		expect(lastFrame()).toContain(' 3. Found Y 2 moves from C');
		expect(lastFrame()).not.toContain('…');
		await press(stdin, '\r');
		expect(played).toEqual(['start 3', '2<3:vote=1', '2<1:vote=0']);
	});

	test('an adjacent pair: X (0*), Y (1*) and the diamond at X', () => {
		const c = quorum('start 1; corrupt 1 as crash');
		const answer = answerProof(new Oracle(), c, {kind: 'argument', target: '3<1:vote=0'}) as ArgumentAnswer;
		const {lastFrame} = mount(<ProofView answer={answer} colour={false} rows={24} onClose={() => {}} />);
		const frame = lines(lastFrame());
		expect(frame.slice(2, 11)).toEqual([
			' C     (the position on the board)   delivering e: 0*',
			' X     start 2                       delivering e: 0*',
			' Y     3<2:vote=1                    delivering e: 1*',
			'─'.repeat(78),
			' DIAMOND AT X: Case 2 (r = r′): only the recipient saw the order; it differs',
			'V: e then m′  → 0                      │ Z: m′ then e  → 1',
			' 1  in 0  ✗crash     votes 0 · ·       │  1  in 0  ✗crash     votes 0 · ·',
			' 2  in 1  —          votes · 1 ·       │  2  in 1  —          votes · 1 ·',
			'≠3  in 1  decided 0  votes 0 1 1       │ ≠3  in 1  decided 1  votes 0 1 1',
		]);
		expect(frame.length).toBeLessThanOrEqual(24);
	});
});

describe('the Lemma 1 ladder', () => {
	test('level 6 (wait-all, lie): X_0..X_3, the pivot pair, the two runs side by side', async () => {
		const c = game({protocol: 'wait-all', n: 3, inputs: '100', allow: ['lie']});
		const answer = answerProof(new Oracle(), c, {kind: 'ladder'}) as LadderAnswer;
		const {lastFrame, stdin} = mount(<LadderView answer={answer} facts="wait-all  n=3 f=1  allow: lie" colour={false} rows={24} onClose={() => {}} />);
		expect(lines(lastFrame()).slice(0, 16)).toEqual([
			' LEMMA 1: THE LADDER  wait-all  n=3 f=1  allow: lie',
			'─'.repeat(78),
			' ◆ X_0  000  0',
			" ◆ X_1  100  ambiguous  pivot pair: X_0, X_1 differ in node 1's input",
			'   X_2  110  ambiguous',
			'   X_3  111  1',
			'─'.repeat(78),
			'X_0 = 000, all honest                 │ X_1 = 100, node 1 lies (input 0)',
			'start 1; start 2; start 3;            │ corrupt 1 as lie; start 1; start 2;',
			'2<1:vote=0; 3<1:vote=0; 1<2:vote=0;   │ start 3; 2<1:vote=0; 3<1:vote=0;',
			'3<2:vote=0; 1<3:vote=0; 2<3:vote=0    │ 1<2:vote=0; 3<2:vote=0; 1<3:vote=0;',
			'→ nodes 1, 2, 3 decide 0              │ 2<3:vote=0',
			'                                      │ → nodes 2 and 3 decide 0',
			'X_1 = 100, its own run: start 1; start 2; 1<2:vote=0; 2<1:vote=1;',
			'corrupt 3 as lie; start 3; 1<3:vote=1; 2<3:vote=1; 3<1:vote=1; 3<2:vote=0',
			'→ nodes 1 and 2 decide 1',
		]);
		// The runs fit whole at 80x24: nothing is cut with "…".
		expect(lastFrame()).not.toMatch(/; …/);
		for (const step of [2, 3, 4]) {
			await press(stdin, ARROW_RIGHT);
			await until(lastFrame, containing(`step ${step}/4`));
		}

		expect(lastFrame()).toContain('4. So X_1 can still end in 0, and its run at the bottom ends in 1: X_1 is');
		expect(lines(lastFrame()).length).toBeLessThanOrEqual(24);
	});

	test('leader with crash: the pivot is a 1-configuration, termination fails', async () => {
		const c = game({protocol: 'leader', n: 3, inputs: '100', allow: ['crash']});
		const answer = answerProof(new Oracle(), c, {kind: 'ladder'}) as LadderAnswer;
		const {lastFrame} = mount(<LadderView answer={answer} facts="leader" colour={false} rows={24} onClose={() => {}} />);
		const frame = lines(lastFrame());
		expect(frame.slice(2, 12)).toEqual([
			' ◆ X_0  000  0',
			' ◆ X_1  100  1          ✗ termination fails here',
			'   X_2  110  1',
			'   X_3  111  1',
			'─'.repeat(78),
			'X_0 = 000, node 1 silent              │ X_1 = 100, node 1 silent',
			'corrupt 1 as crash; start 2; start 3; │ corrupt 1 as crash; start 2; start 3;',
			'start 1                               │ start 1',
			'→ nodes 2 and 3 are undecided         │ → nodes 2 and 3 are undecided',
			'X_1 = 100, its own run: start 1; start 2; 2<1:value=1; start 3; 3<1:value=1',
		]);
	});
});

describe('watch the proof', () => {
	test('quorum, crash: C_0 = 110, five rounds, then the end', async () => {
		const service = new InlineService();
		let left = false;
		const {lastFrame, stdin} = mount(
			<WatchScreen service={service} spec={{protocol: 'quorum', n: 3, f: 1, allow: ['crash']}} colour={false} rows={24} paused onExit={() => (left = true)} />,
		);
		await until(lastFrame, containing('C_0 = 110'), 20_000);
		expect(lines(lastFrame())[0]).toBe(' WATCH THE PROOF  quorum  n=3 f=1  allow: crash              C_0 = 110  round 0');
		expect(lastFrame()).toContain(' Lemma 1: X_0 000 0 · X_1 100 0 · X_2 110 ambiguous · X_3 111 1.');
		for (let k = 1; k <= 5; k++) {
			await press(stdin, ARROW_RIGHT);
			await until(lastFrame, text => new RegExp(`round ${k}$`, 'm').test(text));
		}

		expect(lastFrame()).toContain(' ROUNDS 1● 2● 3● 4● 5●');
		expect(lastFrame()).toContain(' Round 5: e = 3<1:vote=1, the oldest message, is ambiguous*: deliver it. C_5 is');
		await press(stdin, ARROW_RIGHT);
		await until(lastFrame, containing('(the end)'));
		expect(lastFrame()).toContain(' ROUNDS 1● 2● 3● 4● 5● ✗');
		expect(lines(lastFrame()).length).toBeLessThanOrEqual(24);
		await press(stdin, ESCAPE);
		expect(left).toBe(true);
	});
});
