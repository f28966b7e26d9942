/** The play screen: the board, the verdict, and the player's moves. */
import {Box, Text, useInput} from 'ink';
import React, {useEffect, useRef, useState} from 'react';
import {useSyncState} from './use-sync-state.js';
import {type Configuration, corruptCount, isQuiescent} from '../engine/configuration.js';
import {gameFacts} from '../engine/game.js';
import {legalCorruptions} from '../engine/moves.js';
import {formatMessage, formatMove, parseMoves} from '../engine/notation.js';
import {evaluate, outcomesOf} from '../engine/outcomes.js';
import {type Session, current, play, playAll, redo, sameMessage, setTarget, targetOf, undo} from '../engine/session.js';
import type {Move, Outcome, Result} from '../engine/types.js';
import type {GoalSpec} from '../engine/goals.js';
import type {PositionReport} from '../worker/position.js';
import type {AnalysisService} from '../worker/service.js';
import {Nodes, Pool, VerdictLine} from './board.js';
import {KeysHelp} from './keys-help.js';
import {SavePrompt} from './save-prompt.js';
import {SendMenu} from './send-menu.js';
import {WitnessStepper} from './witness-stepper.js';
import type {LevelInfo} from '../scenario/scenario.js';
import {SelectList} from './select-list.js';
import {formatClock} from './clock.js';
import {TARGET, labelColour} from './theme.js';
import {type AnalysisState, useAnalysis} from './use-analysis.js';
import {useSpinner} from './use-spinner.js';
import {useProofKeys} from './proof-keys.js';

export interface PlayScreenProps {
	/** The game to start from (a new game, a level, or a loaded save). */
	readonly initial: Session;
	readonly level: LevelInfo;
	readonly service: AnalysisService;
	/** Whether to use colour (false under NO_COLOR). */
	readonly colour: boolean;
	readonly rows: number;
	/** Save the session to a path: a message saying where, or why not. */
	readonly onSave: (session: Session, path: string) => Result<string>;
	/** The path offered when saving. */
	readonly savePath: string;
	/** Leave the game (q or Esc). */
	readonly onExit: (session: Session) => void;
	/** Called after every change of the session (for autosave and goal checks). */
	readonly onChange?: (session: Session) => void;
	/** The level's goal and where the player's part of the run starts (after the setup). */
	readonly goal?: {readonly spec: GoalSpec; readonly start: number};
	/** Called once when the goal is reached, with the player's move count. */
	readonly onSolved?: (session: Session, moves: number) => void;
	/** Milliseconds now: for the countdown of a timed level (injectable for tests). */
	readonly clock?: () => number;
	/**
	 * When the time runs out, in ms on `clock` (a challenge's one deadline for every level).
	 * Without it, a level with a `timeLimit` runs out that long after the screen opened.
	 */
	readonly deadline?: number;
	/** Called when a timed level runs out of time. */
	readonly onTimeUp?: (session: Session) => void;
	/** Called each time the player opens the witness runs (a hint). */
	readonly onHint?: () => void;
}

type Mode =
	| {readonly kind: 'board'}
	| {readonly kind: 'corrupt'}
	| {readonly kind: 'send'}
	| {readonly kind: 'witnesses'}
	| {readonly kind: 'step'; readonly outcome: Outcome; readonly run: readonly Move[]; readonly k: number}
	| {readonly kind: 'save'; readonly path: string}
	| {readonly kind: 'keys'};

const BEHAVIOUR_NOTES = {
	crash: 'stops for good; what it sent stays in the pool',
	lie: 'runs the protocol with the opposite input',
	byzantine: 'sends whatever you choose with [b]',
} as const;

/** The sentence that explains the position, if there is something to explain. */
export function explain(session: Session, analysis: AnalysisState, start = 0): string | undefined {
	const report = analysis.report;
	const c = current(session);
	if (!report) return undefined;
	const {label} = report.now;
	if (label !== 'ambiguous' && label !== 'unknown') {
		// Find the move that lost ambiguity: the last ambiguous position before this one.
		for (let k = session.moves.length - 1; k >= start; k--) {
			const before = analysis.reportAt(k);
			if (before?.now.label !== 'ambiguous') continue;
			const move = formatMove(c.setup, session.moves[k]!);
			const forced =
				label === 'none'
					? 'neither decision can be reached any more'
					: `only ${label} can still be decided (a ${label}-configuration)`;
			return `Move ${k + 1 - start} (${move}) lost ambiguity: ${forced}. [w] shows the runs.`;
		}
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

export function PlayScreen(props: PlayScreenProps): React.JSX.Element {
	const {level, service, colour, rows} = props;
	const [session, setSession, sessionRef] = useSyncState(props.initial);
	const [cursor, setCursor, cursorRef] = useSyncState(0);
	const [mode, setMode, modeRef] = useSyncState<Mode>({kind: 'board'});
	const [notice, setNotice] = useState<string | undefined>(undefined);
	const [hints, setHints] = useState(level.hints);
	const start = props.goal?.start ?? 0;
	const analysis = useAnalysis(service, session, props.goal);
	const clock = props.clock ?? Date.now;
	const [startedAt] = useState(clock);
	const [now, setNow] = useState(startedAt);
	const deadline = props.deadline ?? (level.timeLimit === undefined ? undefined : startedAt + level.timeLimit * 1000);
	const timeUp = deadline !== undefined && now >= deadline;
	const timeUpRef = useRef(timeUp);
	timeUpRef.current = timeUp;
	useEffect(() => {
		if (deadline === undefined) return;
		const timer = setInterval(() => setNow(clock()), 250);
		return () => clearInterval(timer);
	}, [deadline, clock]);
	useEffect(() => {
		if (timeUp) props.onTimeUp?.(sessionRef.current);
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [timeUp]);
	const solved = useRef(false);
	const goalReport = analysis.report?.goal;
	useEffect(() => {
		if (goalReport?.state === 'reached' && !solved.current) {
			solved.current = true;
			// The position the report judged (keys typed since then have not been judged yet).
			props.onSolved?.(session, session.moves.length - start);
		}
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [goalReport?.state]);
	const spinner = useSpinner(analysis.busy);
	const c = current(session);
	const target = targetOf(session);
	const targetIndex = target ? c.pool.indexOf(target) : -1;
	const report = analysis.report;
	// Key handlers may run before the effect that hands them this render's values: read refs.
	const reportRef = useRef(report);
	reportRef.current = report;
	const bodyRows = Math.max(4, rows - 12);

	const update = (next: Session, message?: string): void => {
		setSession(next);
		setNotice(message);
		setCursor(i => Math.max(0, Math.min(i, current(next).pool.length - 1)));
		props.onChange?.(next);
	};

	/**
	 * Leave an overlay once the current key event has reached every handler: otherwise the
	 * board's handler would take the same Enter or Esc as its own (delivering, or leaving).
	 */
	const leave = (next: Mode, then?: () => void): void =>
		queueMicrotask(() => {
			setMode(next);
			then?.();
		});

	const makeMoves = (moves: readonly Move[]): void => {
		const next = playAll(sessionRef.current, moves);
		if (next.ok) update(next.value);
		else setNotice(next.message);
	};

	const proofKeys = useProofKeys({
		service,
		session,
		cursor: () => cursorRef.current,
		active: mode.kind === 'board' && !timeUp,
		hints: level.hints && (level.show ?? 'full') === 'full',
		ready: analysis.report !== undefined && !analysis.busy,
		...(props.goal ? {goal: props.goal.spec} : {}),
		colour,
		rows,
		onPlay: makeMoves,
		...(props.onHint ? {onHint: props.onHint} : {}),
	});
	// While a proof view is open it has the keys: the board's handler must not take them too.
	const proofOpen = useRef(false);
	proofOpen.current = proofKeys.overlay !== undefined;

	useInput(
		(input, key) => {
			if (modeRef.current.kind !== 'board' || proofOpen.current) return;
			const session = sessionRef.current;
			if (timeUpRef.current && !(key.escape || input === 'q')) return setNotice('Time is up: q to leave.');
			const c = current(session);
			const cursor = cursorRef.current;
			if (key.escape || input === 'q') return props.onExit(session);
			if (key.upArrow) return setCursor(i => Math.max(0, i - 1));
			if (key.downArrow) return setCursor(i => Math.min(c.pool.length - 1, i + 1));
			if (key.return) {
				const entry = c.pool[cursor];
				if (!entry) return setNotice('The pool is empty: nothing to deliver.');
				const next = play(session, {kind: 'deliver', message: entry.message});
				return next.ok ? update(next.value) : setNotice(next.message);
			}

			switch (input) {
				case 'c': {
					if (legalCorruptions(c).length > 0) return setMode({kind: 'corrupt'});
					const {f, allowed} = c.setup;
					return setNotice(
						f === 0 || allowed.length === 0
							? 'This game allows no corruption.'
							: `No corruption is possible now: ${corruptCount(c)} of f = ${f} nodes are corrupt.`,
					);
				}

				case 'b':
					if (c.nodes.some(node => node.corrupt === 'byzantine')) return setMode({kind: 'send'});
					return setNotice(
						c.setup.allowed.includes('byzantine')
							? 'No node is byzantine yet: corrupt one as byzantine first ([c]).'
							: 'This game allows no byzantine node.',
					);
				case 't': {
					const entry = c.pool[cursor];
					if (!entry) return;
					return update(setTarget(session, entry.message), `Target set: ${formatMessage(c.setup, entry.message)}.`);
				}

				case 'o':
					return update(setTarget(session, null), 'Target back to the default: the oldest pending message.');
				case 'u':
					return session.moves.length > start ? update(undo(session)) : setNotice('Nothing to undo.');
				case 'r':
					return session.undone.length > 0 ? update(redo(session)) : setNotice('Nothing to redo.');
				case 'w':
					if (!level.hints) return setNotice('This level plays without hints.');
					if (!reportRef.current) return setNotice('The analysis is still running; the witnesses come with it.');
					props.onHint?.();
					return setMode({kind: 'witnesses'});
				case 's':
					return setMode({kind: 'save', path: props.savePath});
				case 'h':
					if (!level.hints) return setNotice('This level plays without hints.');
					return setHints(h => !h);
				case 'x':
					return analysis.cancel();
				case 'a':
					return reportRef.current && !reportRef.current.now.complete ? analysis.retry() : undefined;
				case '?':
					return setMode({kind: 'keys'});
			}
		},
		// Always subscribed: the mode is read from its ref, so no key falls between two renders.
	);

	const header = (
		<>
			<Box>
				<Box flexShrink={1}>
					<Text bold wrap="truncate">{` ${level.title}`}</Text>
				</Box>
				<Box flexGrow={1} />
				<Text>
					{deadline === undefined ? '' : `time ${formatClock(deadline - now)}  `}
					{`moves ${session.moves.length - start}${level.par ? `/par ${level.par}` : ''} `}
				</Text>
			</Box>
			<Text wrap="truncate" dimColor>{` ${headerFacts(c)}`}</Text>
		</>
	);
	const rule = <Text dimColor>{'─'.repeat(78)}</Text>;

	let body: React.JSX.Element;
	if (mode.kind === 'corrupt') {
		body = (
			<SelectList
				title="CORRUPT A NODE"
				rows={bodyRows - 2}
				items={legalCorruptions(c).map(move => ({
					label: formatMove(c.setup, move),
					detail: move.kind === 'corrupt' ? BEHAVIOUR_NOTES[move.behaviour] : '',
					value: move,
				}))}
				onSelect={move => leave({kind: 'board'}, () => makeMoves([move]))}
				onCancel={() => leave({kind: 'board'})}
			/>
		);
	} else if (mode.kind === 'send') {
		body = (
			<SendMenu
				config={c}
				rows={bodyRows - 2}
				onPick={moves => leave({kind: 'board'}, () => makeMoves(moves))}
				onCancel={() => leave({kind: 'board'})}
			/>
		);
	} else if (mode.kind === 'witnesses' && report) {
		body = (
			<SelectList
				title={`WITNESS RUNS from here (label ${report.now.label}${report.now.complete ? '' : ', search cut short'})`}
				rows={bodyRows - 2}
				empty="No run found: the analysis found no outcome yet."
				items={outcomeRuns(c, report)}
				onSelect={({outcome, run}) => leave({kind: 'step', outcome, run, k: 0})}
				onCancel={() => leave({kind: 'board'})}
			/>
		);
	} else if (mode.kind === 'step') {
		body = (
			<WitnessStepper
				config={c}
				outcome={mode.outcome}
				run={mode.run}
				k={mode.k}
				rows={bodyRows}
				colour={colour}
				onStep={k => setMode({...mode, k})}
				onPlay={k => leave({kind: 'board'}, () => makeMoves(mode.run.slice(0, k)))}
				onCancel={() => leave({kind: 'witnesses'})}
			/>
		);
	} else if (mode.kind === 'keys') {
		body = <KeysHelp onClose={() => leave({kind: 'board'})} />;
	} else {
		body = (
			<Box height={bodyRows}>
				<Nodes config={c} colour={colour} rows={bodyRows} />
				<Box flexDirection="column" marginRight={1}>
					{Array.from({length: bodyRows}, (_, i) => (
						<Text key={i} dimColor>
							│
						</Text>
					))}
				</Box>
				<Pool
					config={c}
					cursor={cursor}
					target={targetIndex}
					previews={report?.previews}
					hints={hints}
					rows={bodyRows}
					colour={colour}
				/>
			</Box>
		);
	}

	const show = level.show ?? (level.hints ? 'full' : 'label');
	// The proof views (p, l, d, i): full-screen in place of the play screen while one is open.
	if (proofKeys.overlay) return proofKeys.overlay;
	const targetPreview = targetIndex >= 0 && show === 'full' ? report?.previews[targetIndex] : undefined;
	const explained = show === 'none' ? undefined : explain(session, analysis, start);
	const explanation = show === 'full' ? explained : explained?.replace(' [w] shows the runs.', '');
	// The key bar lists only the keys that work in this game.
	const keyBar = [
		'enter deliver',
		c.setup.f > 0 && c.setup.allowed.length > 0 ? 'c corrupt' : '',
		c.setup.allowed.includes('byzantine') ? 'b send' : '',
		't target',
		'u/r undo/redo',
		level.hints && show === 'full' ? 'w witness' : '',
		'? keys',
	].filter(Boolean);
	const status = timeUp ? 'TIME IS UP. q: leave' : goalLine(report?.goal);
	return (
		<Box flexDirection="column" width={80}>
			{header}
			{rule}
			{body}
			{rule}
			{show === 'full' ? (
				<VerdictLine verdict={report?.now} colour={colour} busy={analysis.busy} spinner={spinner} states={analysis.states} />
			) : show === 'label' ? (
				<Text wrap="truncate">
					<Text bold>{' NOW '}</Text>
					{report ? (
						<Text bold color={colour ? labelColour(report.now.label) : undefined}>{report.now.label}</Text>
					) : (
						<Text color={colour ? 'gray' : undefined}>{`${spinner} analysing…`}</Text>
					)}
					<Text dimColor>{'   (this challenge shows the label only)'}</Text>
				</Text>
			) : (
				<Text dimColor>{' NOW ?   (this challenge shows no labels: find the way yourself)'}</Text>
			)}
			<Text wrap="truncate">
				{target ? (
					<>
						{` TARGET ${TARGET} ${formatMessage(c.setup, target.message)} → `}
						{targetPreview ? (
							<Text color={colour ? labelColour(targetPreview.label) : undefined}>{`${targetPreview.label}*`}</Text>
						) : (
							<Text dimColor>{show === 'full' ? '…' : '?'}</Text>
						)}
						{session.target && !sameMessage(session.target, c.pool[0]!.message) ? '' : '  (the oldest)'}
					</>
				) : (
					' TARGET none: the pool is empty'
				)}
				{report && !report.now.complete && show !== 'none' ? <Text color={colour ? 'gray' : undefined}>{'   search cut short: [a] again'}</Text> : null}
			</Text>
			<Box height={2} paddingLeft={1}>
				{proofKeys.notice ?? notice ?? explanation ? (
					<Text wrap="wrap">{proofKeys.notice ?? notice ?? explanation}</Text>
				) : level.hints && show === 'full' ? (
					<Text dimColor wrap="truncate">
						[p] show the proof [d] diamond [i] hint{props.goal === undefined || props.goal.spec.kind === 'find-ambiguous-start' ? ' [l] ladder' : ''}
					</Text>
				) : null}
			</Box>
			{rule}
			<Text wrap="truncate">{status ? ` ${status}` : ` Goal: ${level.goal}`}</Text>
			<Text wrap="truncate" dimColor>
				{` ${keyBar.join('  ')}`}
			</Text>
			{mode.kind === 'save' ? (
				<SavePrompt
					initial={mode.path}
					onSubmit={path =>
						leave({kind: 'board'}, () => {
							const saved = props.onSave(sessionRef.current, path);
							setNotice(saved.ok ? saved.value : saved.message);
						})
					}
					onCancel={() => leave({kind: 'board'})}
				/>
			) : null}
		</Box>
	);
}

function goalLine(goal: PositionReport['goal']): string | undefined {
	if (!goal) return undefined;
	if (goal.state === 'reached') return `✓ GOAL REACHED. ${goal.message}`;
	if (goal.state === 'failed') return `✗ ${goal.message}`;
	return goal.message || undefined;
}

function headerFacts(c: Configuration): string {
	return gameFacts(c.setup);
}

function outcomeRuns(c: Configuration, report: PositionReport): Array<{label: string; detail: string; value: {outcome: Outcome; run: Move[]}}> {
	const items = [];
	for (const [outcome, notation] of Object.entries(report.now.witnesses) as Array<[Outcome, readonly string[]]>) {
		const parsed = parseMoves(c.setup, notation.join(';'));
		if (!parsed.ok) continue;
		items.push({
			label: `${outcome.padEnd(8)} ${String(notation.length).padStart(3)} moves`,
			detail: notation.length === 0 ? '(already here)' : notation.slice(0, 4).join('; ') + (notation.length > 4 ? '; …' : ''),
			value: {outcome, run: parsed.value},
		});
	}

	return items;
}
