/**
 * The play screen: the header, the board (or an overlay in its place), the verdict, the target,
 * a notice, the goal and the keys. Its state is one reducer (play-state.ts); its sentences are
 * plain functions (position-text.ts); the views are separate components, each taking the keys
 * only while it is shown (`useInput(..., {isActive})`, or mounted only while open).
 *
 * To add a view: a `Mode` kind in play-state.ts, a key that opens it in `boardKey` below, and a
 * component rendered for it in `Body` (play-body.tsx), which calls `close` (or dispatches) when done.
 */
import {Box, Text, useInput, type Key} from 'ink';
import React, {useEffect, useMemo, useRef, useState} from 'react';
import {isQuiescent} from '../engine/configuration.js';
import type {GoalSpec} from '../engine/goals.js';
import {type Session, current} from '../engine/session.js';
import {type Move, type Result} from '../engine/types.js';
import type {SaveTarget} from '../scenario/save.js';
import type {PositionReport} from '../worker/position.js';
import type {AnalysisService} from '../worker/service.js';
import {VerdictLine} from './board.js';
import type {LevelInfo} from '../scenario/scenario.js';
import {type PlayAction, type PlayState, initialPlayState, playReducer} from './play-state.js';
import {explain, goalLine, headerFacts} from './position-text.js';
import {formatClock} from './clock.js';
import {SavePrompt} from './save-prompt.js';
import {labelColour} from './theme.js';
import {useAnalysis} from './use-analysis.js';
import {useSpinner} from './use-spinner.js';
import {useSyncReducer} from './use-sync-reducer.js';
import {useProofKeys} from './proof-keys.js';
import {Body, TargetLine} from './play-body.js';
import {wrapWords} from './wrap.js';
import {layoutRun} from '../diagram/layout.js';
import {cellsOf, fillKeys, labelsOf, wholeRun, witnessSession} from './run-pictures.js';
import {SpaceTimeView} from './space-time-view.js';
import {TimelineStrip} from './timeline-strip.js';

/** What the save prompt needs: a name to offer, a check of a typed name, and the write. */
export interface Saving {
	/** A file name that does not exist yet. */
	suggestion(): string;
	check(typed: string): SaveTarget;
	/** Write the session to a full path: a message saying where, or why not. */
	save(session: Session, path: string): Result<string>;
}

export interface PlayScreenProps {
	/** The game to start from (a new game, a level, or a loaded save). */
	readonly initial: Session;
	readonly level: LevelInfo;
	readonly service: AnalysisService;
	/** Whether to use colour (false under NO_COLOR). */
	readonly colour: boolean;
	readonly rows: number;
	/** Saving the game from the [s] prompt (the file access is the app's), or why it is off. */
	readonly saving: Saving | {readonly off: string};
	/** Leave the game (q or Esc). */
	readonly onExit: (session: Session) => void;
	/** Called after every change of the session (for autosave and goal checks). */
	readonly onChange?: (session: Session) => void;
	/** The level's goal and where the player's part of the run starts (after the setup). */
	readonly goal?: {readonly spec: GoalSpec; readonly start: number};
	/** Called once when the goal is reached, with the player's move count (as par counts them). */
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
	/** A notice to show from the start (a saved game whose protocol module changed). */
	readonly notice?: string;
}

/** What a key on the board asks for beyond the state: leaving, a hint, the analysis, a notice gone. */
type Effect = 'exit' | 'hint' | 'stop-analysis' | 'keep-searching' | 'clear-notice';

interface BoardContext {
	readonly level: LevelInfo;
	readonly report: PositionReport | undefined;
	readonly timeUp: boolean;
	readonly saving: PlayScreenProps['saving'];
	/** Whether a notice (a hint, a message) shows under the board: Esc takes it away first. */
	readonly notice: boolean;
}

/** A key on the board: the action on the state and the effect outside it, either or both. */
export function boardKey(state: PlayState, input: string, key: Partial<Key>, context: BoardContext): {action?: PlayAction; effect?: Effect} {
	const {level, report, timeUp, saving} = context;
	// Esc closes what it would close anywhere else (a hint on the notice line) before it leaves.
	if (key.escape && context.notice) return {action: {type: 'notice', notice: undefined}, effect: 'clear-notice'};
	if (key.escape || input === 'q') return {effect: 'exit'};
	if (timeUp) return {action: {type: 'notice', notice: 'Time is up: q to leave.'}};
	if (key.upArrow) return {action: {type: 'cursor', by: -1}};
	if (key.downArrow) return {action: {type: 'cursor', by: 1}};
	if (key.return) return {action: {type: 'deliver'}};
	const noHints = {action: {type: 'notice', notice: 'This level plays without hints.'}} as const;
	switch (input) {
		case 'c':
			return {action: {type: 'corrupt'}};
		case 'b':
			return {action: {type: 'send'}};
		case 't':
			return {action: {type: 'target'}};
		case 'o':
			return {action: {type: 'oldest'}};
		case 'u':
			return {action: {type: 'undo'}};
		case 'r':
			return {action: {type: 'redo'}};
		case 'w':
			if (!level.hints) return noHints;
			if (!report) return {action: {type: 'notice', notice: 'The analysis is still running; the witnesses come with it.'}};
			return {action: {type: 'mode', mode: {kind: 'witnesses'}}, effect: 'hint'};
		case 's':
			return 'off' in saving ? {action: {type: 'notice', notice: saving.off}} : {action: {type: 'mode', mode: {kind: 'save', suggestion: saving.suggestion()}}};
		case 'h':
			return level.hints ? {action: {type: 'hints'}} : noHints;
		case 'x':
			return {effect: 'stop-analysis'};
		case 'a':
			return report && (!report.now.complete || report.now.witnessesCut) ? {effect: 'keep-searching'} : {};
		case 'm':
			return {action: {type: 'mode', mode: {kind: 'diagram', back: {kind: 'board'}}}};
		case '?':
			return {action: {type: 'mode', mode: {kind: 'keys'}}};
		default:
			return {};
	}
}

export function PlayScreen(props: PlayScreenProps): React.JSX.Element {
	const {level, service, colour, rows} = props;
	const start = props.goal?.start ?? 0;
	const [state, dispatch, stateRef] = useSyncReducer(playReducer, () => initialPlayState(props.initial, start, level.hints, props.notice));
	const {session, cursor, mode, notice, hints} = state;
	// The run the pictures show: the game, and a witness run's first k moves while one is stepped.
	const stepping = mode.kind === 'step' ? mode : mode.kind === 'diagram' && mode.back.kind === 'step' ? mode.back : undefined;
	const witnessRun = stepping?.run;
	const fill = useMemo(() => fillKeys(session, start, witnessRun ? {run: witnessRun} : undefined), [session, start, witnessRun]);
	const analysis = useAnalysis(service, session, props.goal, {fill});
	const run = useMemo(() => wholeRun(session, stepping ? {run: stepping.run, k: stepping.k} : undefined), [session, stepping]);
	const report = analysis.report;
	const spinner = useSpinner(analysis.busy);
	const {now, deadline, timeUp} = useCountdown(level.timeLimit, props.deadline, props.clock ?? Date.now);

	// The callbacks of the moment, for effects that run on a change of something else.
	const latest = useRef(props);
	latest.current = props;
	useEffect(() => latest.current.onChange?.(session), [session]);
	useEffect(() => {
		if (timeUp) latest.current.onTimeUp?.(stateRef.current.session);
	}, [timeUp, stateRef]);
	const solved = useRef(false);
	const goalState = report?.goal?.state;
	// The position the report judged: keys typed since then have not been judged yet.
	const judged = useRef(session);
	judged.current = session;
	useEffect(() => {
		if (goalState !== 'reached' || solved.current) return;
		solved.current = true;
		const reached = judged.current;
		latest.current.onSolved?.(reached, reached.moves.length - start + (latest.current.level.counted ?? 0));
	}, [goalState, start]);

	const proofKeys = useProofKeys({
		service,
		session,
		cursor: () => stateRef.current.cursor,
		active: mode.kind === 'board' && !timeUp,
		hints: level.hints && (level.show ?? 'full') === 'full',
		ready: analysis.report !== undefined && !analysis.busy,
		...(props.goal ? {goal: props.goal.spec} : {}),
		colour,
		rows,
		onPlay: moves => dispatch({type: 'play', moves}),
		...(props.onHint ? {onHint: props.onHint} : {}),
	});

	const proofOpen = useRef(false);
	proofOpen.current = proofKeys.overlay !== undefined && proofKeys.overlay !== null;
	// Key handlers may run twice before a render: what they read comes from refs.
	const context = useRef<BoardContext>({level, report, timeUp, saving: props.saving, notice: false});
	context.current = {level, report, timeUp, saving: props.saving, notice: (proofKeys.notice ?? state.notice) !== undefined};
	useInput(
		(input, key) => {
			// A proof view open at this key's render takes the key alone (its Enter plays its moves).
			if (stateRef.current.mode.kind !== 'board' || proofOpen.current) return;
			const {action, effect} = boardKey(stateRef.current, input, key, context.current);
			if (action) dispatch(action);
			if (effect === 'exit') props.onExit(stateRef.current.session);
			else if (effect === 'hint') props.onHint?.();
			else if (effect === 'stop-analysis') analysis.cancel();
			else if (effect === 'keep-searching') analysis.keepSearching();
			else if (effect === 'clear-notice') proofKeys.clearNotice();
		},
		{isActive: mode.kind === 'board' && !proofOpen.current},
	);

	const c = current(session);
	// The goal line wraps onto a second row when it needs one; the board gives that row up.
	const goalText = timeUp ? 'TIME IS UP. q: leave' : (goalLine(report?.goal) ?? `Goal: ${level.goal}`);
	const goalLines = wrapWords(goalText, 77).slice(0, 2);
	const goalRows = goalLines.length;
	// The timeline strip: where the run is what the player looks at (not over a menu).
	const strip = (level.show ?? (level.hints ? 'full' : 'label')) === 'full' && ['board', 'step', 'save'].includes(mode.kind);
	const stripRows = strip ? 2 : 0;
	const bodyRows = Math.max(4, rows - 11 - goalRows - stripRows);
	const close = (notice?: string): void => dispatch({type: 'mode', mode: {kind: 'board'}, notice});
	// What of the analysis this game shows (a challenge may show the label only, or nothing).
	const show = level.show ?? (level.hints ? 'full' : 'label');
	const explained = show === 'none' ? undefined : explain(session, analysis.reportAt, start);
	// A position the analysis could not answer (a protocol module's step threw, or never returned):
	// why, in place of the explanation, whatever the game shows of the analysis.
	const failure = report?.error ? `The analysis stopped: ${report.error}` : undefined;
	const explanation = failure ?? (show === 'full' ? explained : explained?.replace(' [w] shows the runs.', ''));
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
	// The proof views (p, l, d, i): full-screen in place of the play screen while one is open.
	if (proofKeys.overlay) return proofKeys.overlay;
	const pictured = {run, reportFor: analysis.reportFor, start, target: session.target, ...(props.goal ? {goal: props.goal.spec} : {})};
	if (mode.kind === 'diagram') {
		// On the board, the message under the cursor is drawn as an arrow still on its way.
		const selected = mode.back.kind === 'board' ? c.pool[cursor]?.message : undefined;
		const layout = layoutRun(run.configs[0]!, run.moves, selected ? {selected} : {});
		if (layout.ok) {
			return (
				<SpaceTimeView
					title={level.title}
					layout={layout.value}
					{...(show === 'full' ? {labels: labelsOf(pictured)} : {})}
					start={start}
					focus={run.moves.length}
					rows={rows}
					colour={colour}
					onClose={() => dispatch({type: 'mode', mode: mode.back})}
				/>
			);
		}
	}

	return (
		<Box flexDirection="column" width={80}>
			<Box>
				<Box flexShrink={1}>
					<Text bold wrap="truncate">{` ${level.title}`}</Text>
				</Box>
				<Box flexGrow={1} />
				<Text>
					{deadline === undefined ? '' : `time ${formatClock(deadline - now)}  `}
					{`moves ${session.moves.length - start + (level.counted ?? 0)}${level.par ? `/par ${level.par}` : ''} `}
				</Text>
			</Box>
			<Text wrap="truncate" dimColor>{` ${headerFacts(c)}`}</Text>
			<Rule />
			<Body
				mode={mode}
				config={c}
				session={session}
				cursor={cursor}
				hints={hints}
				report={report}
				rows={bodyRows}
				colour={colour}
				dispatch={dispatch}
				close={close}
				{...('off' in props.saving ? {} : {saveWitness: (run: readonly Move[], k: number) => dispatch({type: 'mode', mode: {kind: 'save', suggestion: (props.saving as Saving).suggestion(), witness: {run, k}}})})}
			/>
			<Rule />
			{strip ? <TimelineStrip cells={cellsOf(pictured)} focus={run.moves.length - start} colour={colour} /> : null}
			{show === 'full' ? (
				<VerdictLine verdict={report?.now} colour={colour} busy={analysis.busy} spinner={spinner} states={analysis.states} elapsedMs={analysis.elapsedMs} over={isQuiescent(current(session))} />
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
			<TargetLine session={session} report={report} colour={colour} show={show} />
			<Box height={2} paddingLeft={1}>
				{proofKeys.notice ?? notice ?? explanation ? (
					<Text wrap="wrap">{proofKeys.notice ?? notice ?? explanation}</Text>
				) : level.hints && show === 'full' ? (
					<Text dimColor wrap="truncate">
						[p] show the proof [d] diamond [i] hint{props.goal === undefined || props.goal.spec.kind === 'find-ambiguous-start' ? ' [l] ladder' : ''}
					</Text>
				) : null}
			</Box>
			<Rule />
			{mode.kind === 'save' && !('off' in props.saving) ? (
				<SavePrompt
					suggestion={mode.suggestion}
					check={props.saving.check}
					save={path => {
						const saving = props.saving as Saving;
						const witness = mode.witness;
						if (!witness) return saving.save(stateRef.current.session, path);
						const played = witnessSession(stateRef.current.session, witness.run, witness.k);
						return played.ok ? saving.save(played.value, path) : played;
					}}
					onProblem={problem => dispatch({type: 'notice', notice: problem})}
					onDone={close}
					onCancel={() => close()}
				/>
			) : (
				<>
					{goalLines.map((line, i) => (
						<Text key={i} wrap="truncate">{` ${line}`}</Text>
					))}
					<Text wrap="truncate" dimColor>
						{` ${keyBar.join('  ')}`}
					</Text>
				</>
			)}
		</Box>
	);
}

const Rule = (): React.JSX.Element => <Text dimColor>{'─'.repeat(78)}</Text>;

/** The clock of a timed level: now, when its time runs out, and whether it has. */
function useCountdown(limit: number | undefined, given: number | undefined, clock: () => number): {now: number; deadline: number | undefined; timeUp: boolean} {
	const [startedAt] = useState(clock);
	const [now, setNow] = useState(startedAt);
	const deadline = given ?? (limit === undefined ? undefined : startedAt + limit * 1000);
	useEffect(() => {
		if (deadline === undefined) return;
		const timer = setInterval(() => setNow(clock()), 250);
		return () => clearInterval(timer);
	}, [deadline, clock]);
	return {now, deadline, timeUp: deadline !== undefined && now >= deadline};
}
