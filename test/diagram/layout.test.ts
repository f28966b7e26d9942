/** The space-time layout: which arrow goes from which lane and step to which, on real runs. */
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {type Arrow, type Mark, laneAt, layoutRun} from '../../source/diagram/layout.js';
import {parseMoves} from '../../source/engine/notation.js';
import {SCENARIOS} from '../../source/scenario/campaign.js';
import {playFile, readScenario} from '../../source/scenario/scenario.js';
import {game} from '../helpers/games.js';

/** A one-line form of an arrow, `1@1 -> 2@5 vote=0`. */
const arrowText = (a: Arrow): string =>
	`${a.from}@${a.sent} -> ${a.to}@${a.delivered} ${a.text}${a.effect ? '' : ' (no effect)'}${a.byzantine ? ' (byzantine)' : ''}`;

/** A one-line form of a mark: `2@4 decide 1`, `3@1 corrupt byzantine`, `3@2 send 1 vote=1`. */
function markText(mark: Mark): string {
	const at = `${mark.node}@${mark.step}`;
	switch (mark.kind) {
		case 'start':
			return `${at} start${mark.effect ? '' : ' (no effect)'}`;
		case 'decide':
			return `${at} decide ${mark.value}`;
		case 'corrupt':
			return `${at} corrupt ${mark.behaviour}`;
		case 'send':
			return `${at} send ${mark.to} ${mark.text}`;
	}
}

function layoutOf(name: string) {
	const loaded = readScenario(join(SCENARIOS, 'solutions', name));
	if (!loaded.ok) throw new Error(loaded.message);
	const level = playFile(loaded.value.file);
	if (!level.ok) throw new Error(level.message);
	const {session} = level.value;
	const layout = layoutRun(session.configs[0]!, session.moves);
	if (!layout.ok) throw new Error(layout.message);
	return layout.value;
}

/** Arrows as `from@sent -> to@delivered what`, marks as `node@step what`: every shipped solution. */
const EXPECTED: Record<string, {arrows: string[]; marks: string[]}> = {
	'01-wait-all-silent.yaml': {
		arrows: ['1@2 -> 2@5 vote=0', '1@2 -> 3@6 vote=0 (no effect)', '2@3 -> 1@7 vote=1', '2@3 -> 3@8 vote=1 (no effect)'],
		marks: ['3@1 corrupt crash', '1@2 start', '2@3 start', '3@4 start (no effect)'],
	},
	'02-leader-silent.yaml': {arrows: [], marks: ['1@1 corrupt crash', '1@2 start (no effect)', '2@3 start', '3@4 start']},
	'03-leader-two-faced.yaml': {
		arrows: ['1@2 -> 2@7 value=0 (byzantine)', '1@3 -> 3@8 value=1 (byzantine)'],
		marks: ['1@1 corrupt byzantine', '1@2 send 2 value=0', '1@3 send 3 value=1', '1@4 start (no effect)', '2@5 start', '3@6 start', '2@7 decide 0', '3@8 decide 1'],
	},
	'04-quorum-race.yaml': {
		arrows: ['1@1 -> 2@4 vote=0', '2@2 -> 1@5 vote=1', '2@2 -> 3@6 vote=1', '1@1 -> 3@7 vote=0', '3@3 -> 1@8 vote=1', '3@3 -> 2@9 vote=1'],
		marks: ['1@1 start', '2@2 start', '3@3 start', '2@4 decide 0', '1@5 decide 0', '3@6 decide 1'],
	},
	'05-quorum-validity.yaml': {
		arrows: ['1@1 -> 2@4 vote=0', '1@1 -> 3@5 vote=0', '2@2 -> 1@6 vote=1', '2@2 -> 3@7 vote=1', '3@3 -> 1@8 vote=1', '3@3 -> 2@9 vote=1'],
		marks: ['1@1 start', '2@2 start', '3@3 start', '2@4 decide 0', '3@5 decide 0', '1@6 decide 0', '1@10 corrupt crash'],
	},
	'06-lemma1-lie.yaml': {arrows: [], marks: []},
	'07-lemma1-quorum.yaml': {arrows: [], marks: []},
	'08-lemma2-stall.yaml': {
		arrows: ['3@2 -> 2@3 vote=1', '1@1 -> 2@4 vote=0'],
		marks: ['1@1 start', '3@2 start', '2@3 decide 1'],
	},
	'09-diamond-commute.yaml': {
		arrows: ['1@1 -> 2@4 vote=0', '1@1 -> 3@5 vote=0'],
		marks: ['1@1 start', '2@2 start', '3@3 start', '2@4 decide 0', '3@5 decide 0'],
	},
	'10-diamond-order.yaml': {
		arrows: ['1@2 -> 3@4 vote=0', '2@1 -> 3@5 vote=1'],
		marks: ['2@1 start', '1@2 start', '1@3 corrupt crash', '3@4 decide 0'],
	},
	'11-diamond-hide.yaml': {
		arrows: ['2@2 -> 3@5 vote=1 (no effect)', '1@1 -> 3@6 vote=0 (no effect)'],
		marks: ['1@1 start', '2@2 start', '3@3 start', '3@4 corrupt byzantine'],
	},
	'12-ben-or-stuck.yaml': {
		arrows: [
			'1@1 -> 2@4 p1.1=1', '1@1 -> 3@5 p1.1=1', '2@2 -> 1@6 p1.1=1', '2@2 -> 3@7 p1.1=1', '3@3 -> 1@8 p1.1=0', '3@3 -> 2@9 p1.1=0',
			'2@4 -> 1@10 p2.1=1', '2@4 -> 3@11 p2.1=1', '3@5 -> 1@12 p2.1=?', '3@5 -> 2@13 p2.1=?', '1@6 -> 2@14 p2.1=1', '1@6 -> 3@15 p2.1=1',
		],
		marks: ['1@1 start', '2@2 start', '3@3 start', '1@10 decide 1'],
	},
	'13-theorem-ben-or.yaml': {
		arrows: [
			'1@1 -> 2@4 p1.1=1', '1@1 -> 3@5 p1.1=1', '3@3 -> 1@6 p1.1=0', '2@2 -> 1@7 p1.1=1', '2@2 -> 3@8 p1.1=1', '3@3 -> 2@9 p1.1=0',
			'3@5 -> 1@10 p2.1=?', '2@4 -> 1@11 p2.1=1',
		],
		marks: ['1@1 start', '2@2 start', '3@3 start'],
	},
	'14-two-phase-commit-blocks.yaml': {
		arrows: ['2@2 -> 1@4 vote=1', '3@3 -> 1@6 vote=1 (no effect)', '2@2 -> 3@7 vote=1', '3@3 -> 2@8 vote=1'],
		marks: ['1@1 start', '2@2 start', '3@3 start', '1@5 corrupt crash'],
	},
	'15-paxos-no-split.yaml': {
		arrows: ['1@1 -> 3@3 prepare.1=go', '3@3 -> 1@4 promise.1=none', '1@4 -> 3@5 accept.1=0', '3@5 -> 1@6 accepted.1=0', '1@4 -> 3@7 accepted.1=0', '1@1 -> 3@10 promise.1=none', '1@1 -> 2@11 prepare.1=go (no effect)', '1@1 -> 2@12 promise.1=none (no effect)', '3@3 -> 2@13 promise.1=none (no effect)', '1@4 -> 2@14 accept.1=0 (no effect)', '1@4 -> 2@15 accepted.1=0 (no effect)', '3@5 -> 2@16 accepted.1=0 (no effect)'],
		marks: ['1@1 start', '2@2 corrupt crash', '1@6 decide 0', '3@7 decide 0', '2@8 start (no effect)', '3@9 start (no effect)'],
	},
	'16-paxos-duel.yaml': {
		arrows: ['2@1 -> 1@2 promise.2=none', '1@2 -> 2@3 promise.3=none', '2@3 -> 1@5 prepare.4=go', '2@3 -> 3@6 prepare.4=go', '2@1 -> 1@9 prepare.2=go', '2@1 -> 3@10 prepare.2=go', '2@1 -> 3@11 promise.2=none', '1@2 -> 2@12 prepare.1=go (no effect)', '1@2 -> 2@13 promise.1=none (no effect)', '1@2 -> 2@14 prepare.3=go (no effect)', '1@2 -> 3@15 prepare.1=go', '1@2 -> 3@16 promise.1=none', '1@2 -> 3@17 prepare.3=go', '1@2 -> 3@18 promise.3=none', '2@3 -> 1@19 promise.4=none', '2@3 -> 3@20 promise.4=none', '1@5 -> 2@21 promise.4=none (no effect)', '1@5 -> 3@22 promise.4=none', '3@6 -> 1@23 promise.4=none', '3@6 -> 2@24 promise.4=none (no effect)'],
		marks: ['2@1 start', '2@4 corrupt crash', '1@7 start (no effect)', '3@8 start (no effect)'],
	},
	'17-paxos-hidden-order.yaml': {
		arrows: ['1@1 -> 3@4 prepare.1=go', '3@4 -> 1@5 promise.1=none', '2@2 -> 3@7 prepare.2=go (no effect)', '1@5 -> 3@8 accept.1=0 (no effect)'],
		marks: ['1@1 start', '2@2 start', '3@3 start', '3@6 corrupt byzantine'],
	},
};

describe('the layout of every shipped solution', () => {
	test('covers every shipped solution', () => {
		expect(Object.keys(EXPECTED)).toEqual(readdirSync(join(SCENARIOS, 'solutions')).sort());
	});

	for (const [name, expected] of Object.entries(EXPECTED)) {
		test(name, () => {
			const layout = layoutOf(name);
			expect(layout.arrows.map(arrowText)).toEqual(expected.arrows);
			expect(layout.marks.map(markText)).toEqual(expected.marks);
			// One row per move, numbered from 1; every arrow goes down the page.
			expect(layout.steps.map(s => s.step)).toEqual(layout.steps.map((_, i) => i + 1));
			for (const arrow of layout.arrows) expect(arrow.delivered).toBeGreaterThan(arrow.sent);
		});
	}
});

describe('layoutRun', () => {
	const spec = {protocol: 'quorum', n: 3, inputs: '011', f: 1, allow: ['crash', 'byzantine']};

	test('the rows name each move; lanes carry the inputs', () => {
		const initial = game(spec);
		const moves = parseMoves(initial.setup, 'start 2; 1<2:vote=1; corrupt 3 as crash');
		if (!moves.ok) throw new Error(moves.message);
		const layout = layoutRun(initial, moves.value);
		expect(layout.ok && layout.value.steps).toEqual([
			{step: 1, move: 'start 2', kind: 'deliver'},
			{step: 2, move: '1<2:vote=1', kind: 'deliver'},
			{step: 3, move: 'corrupt 3 as crash', kind: 'corrupt'},
		]);
		expect(layout.ok && layout.value.lanes).toEqual([
			{node: 1, input: 0},
			{node: 2, input: 1},
			{node: 3, input: 1},
		]);
		expect(layout.ok && layout.value.corrupt).toEqual([null, null, 'crash']);
	});

	test('the selected pending message is a dangling arrow from its sender at its age', () => {
		const initial = game(spec);
		const moves = parseMoves(initial.setup, 'start 2; start 3');
		if (!moves.ok) throw new Error(moves.message);
		const selected = {to: 1, from: 3, slot: 0, value: 1};
		const layout = layoutRun(initial, moves.value, {selected});
		expect(layout.ok && layout.value.pending).toEqual({from: 3, to: 1, sent: 2, message: selected, text: 'vote=1'});
		// A message that is not pending draws nothing.
		const gone = layoutRun(initial, moves.value, {selected: {to: 1, from: 2, slot: 0, value: 0}});
		expect(gone.ok && gone.value.pending).toBeUndefined();
		// A start message has no sender lane: from 0.
		const start = layoutRun(initial, moves.value, {selected: {to: 1, from: 0, slot: -1, value: -1}});
		expect(start.ok && start.value.pending).toEqual({from: 0, to: 1, sent: 0, message: {to: 1, from: 0, slot: -1, value: -1}, text: 'start'});
	});

	test('an illegal move is a failure naming it, not an exception', () => {
		const initial = game(spec);
		const layout = layoutRun(initial, [{kind: 'deliver', message: {to: 2, from: 1, slot: 0, value: 0}}]);
		expect(layout).toEqual({ok: false, code: 'not-pending', message: 'move 1: 2<1:vote=0: no such message is pending'});
	});

	test('laneAt follows corruptions and decisions down a lane', () => {
		const layout = layoutOf('05-quorum-validity.yaml');
		expect(laneAt(layout, 1, 5)).toEqual({corrupt: null, output: null});
		expect(laneAt(layout, 1, 6)).toEqual({corrupt: null, output: 0});
		expect(laneAt(layout, 1, 10)).toEqual({corrupt: 'crash', output: 0});
	});
});
