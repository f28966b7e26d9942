/**
 * The play screen's sentences about a position, as plain functions of the session and the
 * analysis reports: the explanation under the board, the header's facts, the goal line, the
 * witness runs to pick from. No React, no I/O: unit-tested on their own.
 */
import type {AnalysisLabel} from '../engine/analysis.js';
import {type Configuration, isQuiescent} from '../engine/configuration.js';
import {gameFacts} from '../engine/game.js';
import {formatMove, parseMoves} from '../engine/notation.js';
import {evaluate, outcomesOf} from '../engine/outcomes.js';
import {type Session, current} from '../engine/session.js';
import type {Move, Outcome} from '../engine/types.js';
import type {PositionReport} from '../worker/position.js';

/** What a label means, as the rest of a sentence. */
export function labelMeaning(label: AnalysisLabel): string {
	switch (label) {
		case 'ambiguous':
			return 'both decisions can still be reached';
		case 'none':
			return 'neither decision can be reached any more';
		case 'unknown':
			return 'the search was cut short';
		default:
			return `only ${label} can still be decided (a ${label}-configuration)`;
	}
}

/**
 * The move that gave the position its label: walking back from here while the label stays the
 * same, the first position known to have another label. Positions that were never analysed
 * (several moves played at once) are not guessed: the moves in between are named as a group.
 */
export function labelChange(
	session: Session,
	reportAt: (k: number) => PositionReport | undefined,
	start = 0,
): {from: AnalysisLabel; to: AnalysisLabel; first: number; last: number} | undefined {
	const to = reportAt(session.moves.length)?.now.label;
	if (to === undefined || to === 'unknown') return undefined;
	let last = session.moves.length; // the earliest position known to carry `to`
	for (let k = session.moves.length - 1; k >= start; k--) {
		const label = reportAt(k)?.now.label;
		if (label === undefined) continue;
		if (label === to) {
			last = k;
			continue;
		}

		if (label === 'unknown') return undefined;
		// Position k had `from`, position `last` has `to`: moves k+1..last made the change.
		return {from: label, to, first: k + 1, last};
	}

	return undefined;
}

/** The sentence that explains the position, if there is something to explain. */
export function explain(session: Session, reportAt: (k: number) => PositionReport | undefined, start = 0): string | undefined {
	const report = reportAt(session.moves.length);
	const c = current(session);
	if (!report) return undefined;
	if (!report.now.complete) return cutShort(report);
	const {label} = report.now;
	const change = label === 'ambiguous' ? undefined : labelChange(session, reportAt, start);
	if (change) {
		const {from, to, first, last} = change;
		const cause =
			first === last
				? `Move ${first - start} (${formatMove(c.setup, session.moves[first - 1]!)})`
				: `Moves ${first - start} to ${last - start}, played together,`;
		return `${cause} turned ${from} into ${to}: ${labelMeaning(to)}. [w] shows the runs.`;
	}

	if (label === 'ambiguous') {
		for (const [index, node] of c.nodes.entries()) {
			if (node.corrupt || node.output === null) continue;
			const other = 1 - node.output;
			const rest = c.nodes.map((_, j) => j + 1).filter(j => j !== index + 1);
			const names = rest.length === 2 ? `nodes ${rest[0]} and ${rest[1]}` : `the other nodes`;
			const all = rest.length === 2 ? 'both' : 'all';
			return `Node ${index + 1} decided ${node.output}, yet ${other} is still reachable: if node ${index + 1} is the faulty one, ${names} can still ${all} decide ${other}.`;
		}
	}

	if (isQuiescent(c)) return `The pool is empty: this run is over with outcome ${outcomesOf(evaluate(c)).join(', ')}.`;
	return undefined;
}

/** The header's second line: the game's facts. */
export function headerFacts(c: Configuration): string {
	return gameFacts(c.setup);
}

/** The goal line: reached, failed, or how it stands (nothing when there is nothing to say). */
export function goalLine(goal: PositionReport['goal']): string | undefined {
	if (!goal) return undefined;
	if (goal.state === 'reached') return `✓ GOAL REACHED. ${goal.message}`;
	if (goal.state === 'failed') return `✗ ${goal.message}`;
	return goal.message || undefined;
}

export interface OutcomeRun {
	readonly label: string;
	readonly detail: string;
	readonly value: {readonly outcome: Outcome; readonly run: readonly Move[]};
}

/** The witness runs of the current label, one per reachable outcome, to pick from. */
/** The room a witness run's first moves get on its row of the list (80 columns, less its label). */
const RUN_ROOM = 56;

/** A run's first moves, whole, as many as fit (at most 4), then "; …" when there are more. */
export function runStart(notation: readonly string[], room = RUN_ROOM): string {
	let shown = 0;
	let width = 0;
	while (shown < Math.min(4, notation.length)) {
		const next = width + (shown > 0 ? 2 : 0) + notation[shown]!.length;
		const more = shown + 1 < notation.length ? 3 : 0;
		if (shown > 0 && next + more > room) break;
		width = next;
		shown++;
	}

	return notation.slice(0, shown).join('; ') + (shown < notation.length ? '; …' : '');
}

export function outcomeRuns(c: Configuration, report: PositionReport): OutcomeRun[] {
	const items: OutcomeRun[] = [];
	for (const [outcome, notation] of Object.entries(report.now.witnesses) as Array<[Outcome, readonly string[]]>) {
		const parsed = parseMoves(c.setup, notation.join(';'));
		if (!parsed.ok) continue;
		items.push({
			label: `${outcome.padEnd(8)} ${String(notation.length).padStart(3)} moves`,
			detail: notation.length === 0 ? '(already here)' : runStart(notation),
			value: {outcome, run: parsed.value},
		});
	}

	return items;
}

/** Why a search was cut short, and what the player can do about it. */
export function cutShort(report: Pick<PositionReport, 'stopped'>): string {
	switch (report.stopped) {
		case 'cancelled':
			return 'Stopped ([x]): the label is what was found. [a] searches on, twice as long.';
		case 'memory':
			return 'The search filled its memory (--budget-mb): more time will not help.';
		default:
			return 'Out of time before it was certain: [a] keeps searching, twice as long.';
	}
}

