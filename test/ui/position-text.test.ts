import {describe, expect, test} from 'vitest';
import {lookUpProtocol} from '../../source/protocols/registry.js';
import type {GameSpec} from '../../source/engine/game.js';
import {formatMoves, parseMoves} from '../../source/engine/notation.js';
import {type Session, current, newSession, playAll} from '../../source/engine/session.js';
import {explain, goalLine, headerFacts, labelChange, outcomeRuns, runStart} from '../../source/ui/position-text.js';
import {type PositionReport, PositionAnalyst} from '../../source/worker/position.js';

function sessionOf(spec: GameSpec, moves: string): Session {
	const started = newSession(spec, lookUpProtocol);
	if (!started.ok) throw new Error(started.message);
	const parsed = parseMoves(current(started.value).setup, moves);
	if (!parsed.ok) throw new Error(parsed.message);
	const played = playAll(started.value, parsed.value);
	if (!played.ok) throw new Error(played.message);
	return played.value;
}

/** The reports the play screen would hold: only for the positions listed (the others never analysed). */
function reportsAt(session: Session, analysed: readonly number[]): (k: number) => PositionReport | undefined {
	const analyst = new PositionAnalyst();
	const reports = new Map<number, PositionReport>();
	for (const k of analysed) {
		const moves = formatted(session).slice(0, k);
		reports.set(k, analyst.report({id: k + 1, spec: session.spec, moves}));
	}

	return k => reports.get(k);
}

const formatted = (session: Session): string[] => formatMoves(current(session).setup, session.moves);

const leader: GameSpec = {protocol: 'leader', n: 3, inputs: '011', f: 1, allow: ['crash']};

describe('which move changed the label', () => {
	test('the move that did it, and what the new label means', () => {
		const session = sessionOf(leader, 'corrupt 1 as crash; start 1; start 2; start 3');
		const reportAt = reportsAt(session, [0, 1, 2, 3, 4]);
		expect(reportAt(0)!.now.label).toBe('0');
		expect(reportAt(1)!.now.label).toBe('none');
		expect(explain(session, reportAt)).toBe(
			'Move 1 (corrupt 1 as crash) turned 0 into none: neither decision can be reached any more. [w] shows the runs.',
		);
	});

	test('moves played together (a witness run) are named as a group, never one of them guessed', () => {
		const session = sessionOf(leader, 'corrupt 1 as crash; start 1; start 2; start 3');
		const reportAt = reportsAt(session, [0, 4]);
		expect(labelChange(session, reportAt)).toEqual({from: '0', to: 'none', first: 1, last: 4});
		expect(explain(session, reportAt)).toBe(
			'Moves 1 to 4, played together, turned 0 into none: neither decision can be reached any more. [w] shows the runs.',
		);
	});

	test('the sandbox run of the report: a byzantine send, then a witness run played at once', () => {
		// quorum 011, crash, lie, byzantine: corrupt 1 as byzantine, 1>2:vote=1, then the split run.
		const spec: GameSpec = {protocol: 'quorum', n: 3, inputs: '011', f: 1, allow: ['crash', 'lie', 'byzantine']};
		const before = sessionOf(spec, 'corrupt 1 as byzantine; 1>2:vote=1');
		const split = new PositionAnalyst().report({id: 1, spec, moves: formatted(before)}).now.witnesses.split!;
		const session = sessionOf(spec, [...formatted(before), ...split].join(';'));
		const all = session.moves.length;
		const reportAt = reportsAt(session, [0, 1, 2, all]);
		// The old sentence named move 3 (start 2), after which the run was still ambiguous: the
		// positions in between were never analysed. Every position, analysed afresh:
		const truth = reportsAt(session, Array.from({length: all + 1}, (_, k) => k));
		expect(Array.from({length: all + 1}, (_, k) => truth(k)!.now.label).join(' ')).toBe('ambiguous ambiguous ambiguous ambiguous 1 1 1 none none none none none none');
		expect(explain(session, reportAt)).toBe(
			'Moves 3 to 12, played together, turned ambiguous into none: neither decision can be reached any more. [w] shows the runs.',
		);
		expect(explain(session, truth)).toBe(
			'Move 7 (3<1:vote=0) turned 1 into none: neither decision can be reached any more. [w] shows the runs.',
		);
	});

	test('no change is claimed across a position cut short', () => {
		const session = sessionOf(leader, 'corrupt 1 as crash');
		const unknown = {...reportsAt(session, [0])(0)!, now: {...reportsAt(session, [0])(0)!.now, label: 'unknown' as const}};
		const reportAt = (k: number): PositionReport | undefined => (k === 0 ? unknown : reportsAt(session, [1])(1));
		expect(labelChange(session, reportAt)).toBeUndefined();
	});
});

describe('the other sentences', () => {
	test('an ambiguous position where a node decided', () => {
		const spec: GameSpec = {protocol: 'quorum', n: 3, inputs: '011', f: 1, allow: ['crash']};
		const session = sessionOf(spec, 'start 2; start 3; 1<2:vote=1');
		expect(explain(session, reportsAt(session, [3]))).toBe(
			'Node 1 decided 0, yet 1 is still reachable: if node 1 is the faulty one, nodes 2 and 3 can still both decide 1.',
		);
	});

	test('the header, the goal line, the witness runs', () => {
		const session = sessionOf(leader, '');
		expect(headerFacts(current(session))).toBe('leader  n=3 f=1  inputs 011  allow: crash');
		expect(goalLine({state: 'reached', message: 'Broken in 4 moves.'} as PositionReport['goal'])).toBe('✓ GOAL REACHED. Broken in 4 moves.');
		expect(goalLine(undefined)).toBeUndefined();
		const runs = outcomeRuns(current(session), reportsAt(session, [0])(0)!);
		expect(runs.map(run => run.label.trim())).toContain('stuck      4 moves');
	});
});

describe('a witness run on its row of the list (issue 21)', () => {
	test('whole moves, as many as fit, then "; …": never a move cut in the middle', () => {
		expect(runStart(['start 1', 'start 2'])).toBe('start 1; start 2');
		expect(runStart(['start 1', 'start 2', 'start 3', '2<1:vote=0', '3<1:vote=0'])).toBe('start 1; start 2; start 3; 2<1:vote=0; …');
		const paxos = ['1<2:prepare.2=go', '2<1:accepted.1=0', '2<1:promise.2=1/0', '1<3:promise.2=1/0', '3<1:accepted.1=0'];
		expect(runStart(paxos)).toBe('1<2:prepare.2=go; 2<1:accepted.1=0; 2<1:promise.2=1/0; …');
		expect(runStart(paxos).length).toBeLessThanOrEqual(56);
	});
});
