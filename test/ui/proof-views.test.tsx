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
import {InlineService} from '../../source/worker/service.js';
import {DiamondView} from '../../source/ui/diamond-view.js';
import {LadderView} from '../../source/ui/ladder-view.js';
import {ProofView} from '../../source/ui/proof-view.js';
import {WatchScreen} from '../../source/ui/watch-screen.js';
import {game} from '../helpers/games.js';
import {containing, press, until} from '../helpers/ink.js';
import {ARROW_RIGHT, ESCAPE} from '../helpers/keys.js';

const quorum = (moves: string, allow = ['crash']): Configuration => game({protocol: 'quorum', n: 3, inputs: '011', allow}, moves);
const lines = (frame: string | undefined): string[] => (frame ?? '').split('\n');
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
		const frame = lastFrame()!;
		console.log(frame);
		expect(lines(frame).every(line => line.length <= 80)).toBe(true);
	});
});

describe('show the proof', () => {
	test('level 8: C, X and Y with the target’s starred labels, steps revealed one by one', async () => {
		const c = quorum('start 1');
		const answer = answerProof(new Oracle(), c, {kind: 'argument', target: '2<1:vote=0'}) as ArgumentAnswer;
		let played: readonly string[] = [];
		const {lastFrame, stdin} = mount(<ProofView answer={answer} colour={false} rows={24} onClose={() => {}} onPlay={moves => (played = moves)} />);
		console.log(lastFrame());
		await press(stdin, ARROW_RIGHT, ARROW_RIGHT, ARROW_RIGHT, '\r');
		console.log(lastFrame());
		expect(played).toEqual(['start 3', '2<3:vote=1', '2<1:vote=0']);
	});

	test('an adjacent pair: X (0*), Y (1*) and the diamond at X', () => {
		const c = quorum('start 1; corrupt 1 as crash');
		const answer = answerProof(new Oracle(), c, {kind: 'argument', target: '3<1:vote=0'}) as ArgumentAnswer;
		const {lastFrame} = mount(<ProofView answer={answer} colour={false} rows={24} onClose={() => {}} />);
		console.log(lastFrame());
		expect(lines(lastFrame()).length).toBeLessThanOrEqual(24);
	});
});

describe('the Lemma 1 ladder', () => {
	test('level 6 (wait-all, lie): X_0..X_3, the pivot pair, the two runs side by side', async () => {
		const c = game({protocol: 'wait-all', n: 3, inputs: '100', allow: ['lie']});
		const answer = answerProof(new Oracle(), c, {kind: 'ladder'}) as LadderAnswer;
		const {lastFrame, stdin} = mount(<LadderView answer={answer} facts="wait-all  n=3 f=1  allow: lie" colour={false} rows={24} onClose={() => {}} />);
		await press(stdin, ARROW_RIGHT, ARROW_RIGHT, ARROW_RIGHT);
		console.log(lastFrame());
		expect(lines(lastFrame()).length).toBeLessThanOrEqual(24);
	});

	test('leader with crash: the pivot is a 1-configuration, termination fails', async () => {
		const c = game({protocol: 'leader', n: 3, inputs: '100', allow: ['crash']});
		const answer = answerProof(new Oracle(), c, {kind: 'ladder'}) as LadderAnswer;
		const {lastFrame} = mount(<LadderView answer={answer} facts="leader" colour={false} rows={24} onClose={() => {}} />);
		console.log(lastFrame());
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
		console.log(lastFrame());
		await press(stdin, ...Array.from({length: 6}, () => ARROW_RIGHT));
		console.log(lastFrame());
		await press(stdin, ESCAPE);
		expect(left).toBe(true);
	});
});
