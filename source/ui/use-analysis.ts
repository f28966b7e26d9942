/** Ask the analysis service about the session's position; keep every answer by position. */
import {useCallback, useEffect, useRef, useState} from 'react';
import {formatMessage, formatMoves} from '../engine/notation.js';
import {type Session, current, targetOf} from '../engine/session.js';
import type {PositionReport, PositionRequest} from '../worker/position.js';
import type {AnalysisService} from '../worker/service.js';

/** A position's key: the moves that reach it, in notation. */
export const positionKey = (session: Session, length = session.moves.length): string =>
	formatMoves(current(session).setup, session.moves.slice(0, length)).join(';');

export interface AnalysisState {
	/** The report for the current position, once it is in. */
	readonly report: PositionReport | undefined;
	/** The report for the position after the first k moves, if it was ever analysed. */
	reportAt(k: number): PositionReport | undefined;
	/** The report for a position by its key (its moves in notation), if it was ever analysed. */
	reportFor(key: string): PositionReport | undefined;
	readonly busy: boolean;
	/** States explored so far by the running analysis. */
	readonly states: number;
	/** Milliseconds the running analysis had run at its last progress message. */
	readonly elapsedMs: number;
	/** The budget of the current position's search, in multiples of the service's (1, 2, 4, ...). */
	readonly budgetScale: number;
	/** Stop the running analysis: it answers with what it found. */
	cancel(): void;
	/** Analyse the current position again (after a cancel). */
	retry(): void;
	/** Search the current position again with twice the budget (complete answers found so far are kept in the worker's memo). */
	keepSearching(): void;
}

export interface AnalysisFill {
	/**
	 * Positions (by key) to analyse in the background, in order, once the current position's
	 * report is in: the timeline's earlier positions, a witness run's. A move of the player
	 * always goes first; a background answer it overtakes is asked for again later.
	 */
	readonly fill?: readonly string[];
}

export function useAnalysis(service: AnalysisService, session: Session, goal?: PositionRequest['goal'], options: AnalysisFill = {}): AnalysisState {
	const [reports, setReports] = useState<ReadonlyMap<string, PositionReport>>(new Map());
	const [states, setStates] = useState(0);
	const [elapsedMs, setElapsedMs] = useState(0);
	// The budget per position: doubled by "keep searching", for that position only.
	const [scales, setScales] = useState<ReadonlyMap<string, number>>(new Map());
	const startedAt = useRef(0);
	const [nonce, setNonce] = useState(0);
	const nextId = useRef(1);
	const running = useRef<{id: number; key: string} | undefined>(undefined);
	const key = positionKey(session);
	const moves = key === '' ? [] : key.split(';');
	// The stall column depends on the target: a report for another target is asked for again.
	// Only where the target is what the level is about: a stall, the theorem, the sandbox.
	const target = !goal || ['stall', 'forever', 'explore'].includes(goal.spec.kind) ? targetOf(session) : undefined;
	const targetText = target ? formatMessage(current(session).setup, target.message) : undefined;
	// A position asked again to search longer keeps its cut-short report on screen meanwhile.
	const [again, setAgain] = useState<string | undefined>(undefined);
	const fresh = reports.has(key) && reports.get(key)!.target === targetText && again !== key;

	useEffect(() => {
		if (fresh) return;
		const id = nextId.current++;
		running.current = {id, key};
		setStates(0);
		setElapsedMs(0);
		startedAt.current = Date.now();
		const scale = scales.get(key) ?? 1;
		service.request(
			{id, spec: session.spec, moves, ...(goal ? {goal} : {}), ...(targetText ? {target: targetText} : {}), ...(scale > 1 ? {budgetScale: scale} : {})},
			{
				report(report) {
					if (running.current?.id === report.id) running.current = undefined;
					setReports(previous => new Map(previous).set(key, report));
					setAgain(previous => (previous === key ? undefined : previous));
				},
				progress(progressId, count) {
					if (progressId !== running.current?.id) return;
					setStates(count);
					setElapsedMs(Date.now() - startedAt.current);
				},
			},
		);
		// Keyed on the position (its moves) only: a position is its key.
	}, [key, targetText, nonce, service]);

	// The background: one position at a time, only while nothing else runs.
	const missing = fresh ? options.fill?.find(k => !reports.has(k)) : undefined;
	useEffect(() => {
		if (missing === undefined || running.current) return;
		const id = nextId.current++;
		running.current = {id, key: missing};
		const fillKey = missing;
		service.request(
			{id, spec: session.spec, moves: fillKey === '' ? [] : fillKey.split(';'), ...(goal ? {goal} : {})},
			{
				report(report) {
					if (running.current?.id === report.id) running.current = undefined;
					setReports(previous => new Map(previous).set(fillKey, report));
				},
			},
		);
		// Keyed on the position (its moves) only: a position is its key.
	}, [missing, reports, service]);

	const cancel = useCallback(() => {
		if (running.current) service.cancel(running.current.id);
	}, [service]);
	const retry = useCallback(() => {
		setReports(previous => {
			const next = new Map(previous);
			next.delete(key);
			return next;
		});
		setNonce(n => n + 1);
	}, [key]);
	const keepSearching = useCallback(() => {
		setScales(previous => new Map(previous).set(key, (previous.get(key) ?? 1) * 2));
		setAgain(key);
		setStates(0);
		setElapsedMs(0);
		setNonce(n => n + 1);
	}, [key]);

	return {
		// A report for another target still has the right labels: shown until the new one is in.
		report: reports.get(key),
		reportAt: k => reports.get(positionKey(session, k)),
		reportFor: k => reports.get(k),
		busy: !fresh,
		states,
		elapsedMs,
		budgetScale: scales.get(key) ?? 1,
		cancel,
		retry,
		keepSearching,
	};
}
