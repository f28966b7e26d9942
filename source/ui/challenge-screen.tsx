/**
 * A timed classroom challenge: a countdown over a list of levels, results written as it goes.
 * The time comes from one absolute deadline, fixed when the student presses Enter on the intro:
 * every screen (the list, the X_i chooser, a level, the hand-in question) shows `deadline - now`.
 */
import {Box, Text, useInput} from 'ink';
import React, {useEffect, useRef, useState} from 'react';
import {type ChallengeEnd, type ChallengeRun, type LevelState, levelScore, playerMoves, solveLevel, toResult} from '../challenge/run.js';
import type {ChallengeResult} from '../challenge/result.js';
import {hintsMode} from '../challenge/challenge.js';
import type {Session} from '../engine/session.js';
import {goalOf, startLevel} from '../scenario/scenario.js';
import type {AnalysisService} from '../worker/service.js';
import {formatClock as clockText} from './clock.js';
import {LevelIntro} from './level-intro.js';
import {PlayScreen} from './play-screen.js';
import {SelectList} from './select-list.js';
import {useSyncState} from './use-sync-state.js';

export interface ChallengeScreenProps {
	readonly run: ChallengeRun;
	readonly service: AnalysisService;
	readonly colour: boolean;
	readonly rows: number;
	readonly clock: () => number;
	/** Write the result (after every change, and at the end); says where, or why not. */
	readonly onResult: (result: ChallengeResult) => string;
	/**
	 * Leave the challenge: how it ended, and whether its clock ever ran (so a result exists).
	 * Called once.
	 */
	readonly onExit: (how: ChallengeEnd, started: boolean) => void;
	/** The clock started (Enter on the intro): e.g. count the attempt. */
	readonly onStart?: () => void;
	/** Leave on its own once the challenge is over (the last frame stays on the terminal). */
	readonly leaveWhenOver?: boolean;
}

type Phase =
	| {readonly kind: 'intro'}
	| {readonly kind: 'list'; readonly cursor: number}
	| {readonly kind: 'choose'; readonly index: number}
	| {readonly kind: 'play'; readonly index: number; readonly since: number}
	| {readonly kind: 'confirm'}
	| {readonly kind: 'over'; readonly how: Extract<ChallengeEnd, 'handed-in' | 'time-up'>};

const HINT_TEXT = {none: 'none (no labels, previews or witness runs)', label: 'the current label only', full: 'labels, previews and witness runs'} as const;

const OVER_TEXT = {'handed-in': 'Handed in.', 'time-up': 'Time is up.'} as const;

/** The list row to land on after level `from`: the next unsolved level, else Hand in. */
function nextUnsolved(run: ChallengeRun, from: number): number {
	const count = run.levels.length;
	for (let step = 1; step <= count; step++) {
		const i = (from + step) % count;
		if (!run.levels[i]!.solved) return i;
	}

	return count;
}

export function ChallengeScreen({run: initial, service, colour, rows, clock, onResult, onExit, onStart, leaveWhenOver = false}: ChallengeScreenProps): React.JSX.Element {
	const [run, setRun, runRef] = useSyncState(initial);
	const [phase, setPhase, phaseRef] = useSyncState<Phase>({kind: 'intro'});
	const startedAt = useRef<number | undefined>(undefined);
	const left = useRef(false);
	const [now, setNow] = useState(clock);
	const [written, setWritten] = useState<string | undefined>(undefined);
	const limitMs = run.challenge.file.timeLimit * 1000;
	const deadline = (): number | undefined => (startedAt.current === undefined ? undefined : startedAt.current + limitMs);
	const elapsed = (): number => (startedAt.current === undefined ? 0 : clock() - startedAt.current);

	const exit = (how: ChallengeEnd): void => {
		if (left.current) return;
		left.current = true;
		onExit(how, startedAt.current !== undefined);
	};

	/** Now, but never past the deadline: time after it does not count. */
	const until = (): number => Math.min(clock(), deadline() ?? Number.POSITIVE_INFINITY);

	/** Write the result; a level being played counts its time so far (a crash loses none of it). */
	const save = (next: ChallengeRun, finished: boolean): void => {
		const p = phaseRef.current;
		const spent = p.kind === 'play' ? Math.max(0, until() - p.since) : 0;
		const counted = spent > 0 && p.kind === 'play' ? {...next, levels: next.levels.map((l, i) => (i === p.index ? {...l, timeMs: l.timeMs + spent} : l))} : next;
		setWritten(onResult(toResult(counted, elapsed(), finished)));
	};

	const updateLevel = (index: number, change: (level: LevelState) => LevelState, finished = false): void => {
		const current = runRef.current;
		const next = {...current, levels: current.levels.map((l, i) => (i === index ? change(l) : l))};
		setRun(next);
		save(next, finished);
	};

	/** Close the level being played: its time counts until now (never past the deadline). */
	const leaveLevel = (): void => {
		const p = phaseRef.current;
		if (p.kind !== 'play') return;
		const now = until();
		const spent = Math.max(0, now - p.since);
		setPhase({...p, since: now});
		updateLevel(p.index, l => ({...l, timeMs: l.timeMs + spent}));
	};

	const finish = (how: Extract<ChallengeEnd, 'handed-in' | 'time-up'>): void => {
		if (phaseRef.current.kind === 'over') return;
		leaveLevel();
		setPhase({kind: 'over', how});
		save(runRef.current, true);
	};

	useEffect(() => {
		const timer = setInterval(() => {
			setNow(clock());
			const end = deadline();
			if (end !== undefined && clock() >= end) finish('time-up');
		}, 250);
		return () => clearInterval(timer);
		// One clock for the challenge's life: it reads the run and the deadline through refs.
	}, []);

	// Over: the summary is drawn, then (as a program) the challenge ends by itself.
	useEffect(() => {
		if (phase.kind === 'over' && leaveWhenOver) exit(phase.how);
		// Only the phase's change matters: `exit` reads the rest when it runs.
	}, [phase.kind]);

	// A level is made once per slot and inputs, not on every render of its screen.
	const made = useRef(new Map<string, ReturnType<typeof startLevel>>());
	const levelOf = (index: number, inputs?: string): ReturnType<typeof startLevel> => {
		const key = `${index}/${inputs ?? ''}`;
		if (!made.current.has(key)) made.current.set(key, startLevel(runRef.current.instances[index]!.file, inputs));
		return made.current.get(key)!;
	};

	const openLevel = (index: number, inputs?: string): void => {
		const state = runRef.current.levels[index]!;
		if (!state.session) {
			const level = levelOf(index, inputs);
			if (!level.ok) return;
			updateLevel(index, l => ({...l, session: level.value.session, start: level.value.start, ...(inputs ? {inputs} : {})}));
		}

		setPhase({kind: 'play', index, since: clock()});
	};

	// Ctrl-C: the result as it stands (unfinished) is written, then the program ends.
	useInput((input, key) => {
		if (key.ctrl && input === 'c') {
			leaveLevel();
			if (startedAt.current !== undefined && phaseRef.current.kind !== 'over') save(runRef.current, false);
			exit('interrupted');
		}
	});
	useInput(
		(input, key) => {
			const p = phaseRef.current;
			if (p.kind === 'intro' && key.return) {
				startedAt.current = clock();
				onStart?.();
				setNow(clock());
				save(runRef.current, false);
				setPhase({kind: 'list', cursor: 0});
			} else if (p.kind === 'intro' && key.escape) exit('left');
			else if (p.kind === 'confirm' && (input === 'y' || input === 'Y')) finish('handed-in');
			else if (p.kind === 'confirm' && (key.escape || input === 'n' || input === 'N' || input === 'q')) setPhase({kind: 'list', cursor: run.levels.length});
			else if (p.kind === 'over' && (key.return || key.escape || input === 'q')) exit(p.how);
		},
		{isActive: phase.kind === 'intro' || phase.kind === 'over' || phase.kind === 'confirm'},
	);

	const end = deadline();
	const msLeft = end === undefined ? limitMs : end - now;
	const total = run.levels.reduce((sum, _l, i) => sum + levelScore(run, i), 0);
	const head = (
		<Box>
			<Text bold wrap="truncate">{` CHALLENGE  ${run.challenge.file.title}`}</Text>
			<Box flexGrow={1} />
			<Text>{`${run.player}  score ${total}  time ${clockText(msLeft)} `}</Text>
		</Box>
	);
	const rule = <Text dimColor>{'─'.repeat(78)}</Text>;

	switch (phase.kind) {
		case 'intro':
			return (
				<Box flexDirection="column" paddingX={1}>
					<Text bold>{`CHALLENGE: ${run.challenge.file.title}`}</Text>
					<Text> </Text>
					<Text>{`Player ${run.player}, seed ${run.seed}: ${run.instances.length} levels, ${clockText(limitMs)} in all.`}</Text>
					{run.attempt > 1 ? <Text>{`This is attempt ${run.attempt} under this name on this machine; the result file says so.`}</Text> : null}
					<Text>{`Hints: ${HINT_TEXT[hintsMode(run.challenge.file)]}.`}</Text>
					<Text>Your result file is written after every move, so nothing is lost if you stop.</Text>
					<Text>The clock runs from the moment you press Enter, on every screen.</Text>
					<Text> </Text>
					<Text dimColor>[enter] start the clock [esc] leave</Text>
				</Box>
			);
		case 'over':
			return (
				<Box flexDirection="column" paddingX={1}>
					<Text bold>{`${OVER_TEXT[phase.how]} Final score ${total}.`}</Text>
					{run.instances.map((instance, i) => (
						<Text key={i}>{`  ${run.levels[i]!.solved ? '✓' : '✗'} ${instance.file.title ?? instance.file.id}: ${levelScore(run, i)}`}</Text>
					))}
					<Text> </Text>
					<Text wrap="wrap">{written ?? ''}</Text>
					{leaveWhenOver ? null : <Text dimColor>[enter] leave</Text>}
				</Box>
			);
		case 'confirm':
			return (
				<Box flexDirection="column">
					{head}
					{rule}
					<Text> </Text>
					<Text bold>{` Hand in now, with ${clockText(msLeft)} left? Your score of ${total} becomes final.`}</Text>
					<Text> </Text>
					<Text dimColor> [y] hand in [n] back to the levels</Text>
				</Box>
			);
		case 'choose':
			return (
				<Box flexDirection="column">
					{head}
					<LevelIntro
						file={run.instances[phase.index]!.file}
						onCancel={() => setPhase({kind: 'list', cursor: phase.index})}
						onStart={inputs => openLevel(phase.index, inputs)}
					/>
				</Box>
			);
		case 'play': {
			const index = phase.index;
			const state = run.levels[index]!;
			const level = levelOf(index, state.inputs);
			if (!level.ok || !state.session) return <Text>{level.ok ? '' : level.message}</Text>;
			return (
				<PlayScreen
					initial={state.session}
					level={{...level.value.info, hints: hintsMode(run.challenge.file) === 'full', show: hintsMode(run.challenge.file), timeLimit: run.challenge.file.timeLimit}}
					deadline={end}
					goal={{spec: level.value.goal, start: level.value.start}}
					service={service}
					colour={colour}
					rows={rows}
					clock={clock}
					saving={{off: 'In a challenge your moves are saved in the result file.'}}
					onChange={(session: Session) => updateLevel(index, l => ({...l, session}))}
					onSolved={(session: Session) => updateLevel(index, l => solveLevel(l, session))}
					onHint={() => updateLevel(index, l => ({...l, hintsUsed: l.hintsUsed + 1}))}
					onTimeUp={() => finish('time-up')}
					onExit={() => {
						leaveLevel();
						setPhase({kind: 'list', cursor: runRef.current.levels[index]!.solved ? nextUnsolved(runRef.current, index) : index});
					}}
				/>
			);
		}

		case 'list': {
			const items = run.instances.map((instance, i) => {
				const state = run.levels[i]!;
				const moves = playerMoves(state).length;
				return {
					label: `${state.solved ? '✓' : ' '} ${(instance.file.title ?? instance.file.id ?? '').padEnd(34)}`,
					detail: `${goalOf(instance.file).kind}  ${moves} moves  score ${levelScore(run, i)}`,
					value: i,
				};
			});
			items.push({label: '  Hand in now', detail: 'end the challenge and write the final result', value: -1});
			return (
				<Box flexDirection="column">
					{head}
					{rule}
					<SelectList
						title=""
						rows={Math.max(3, rows - 5)}
						items={items}
						initial={phase.cursor}
						onCancel={() => undefined}
						footer="[↑↓] choose [enter] play; Hand in now ends the challenge"
						onSelect={i => {
							if (i < 0) return setPhase({kind: 'confirm'});
							const state = runRef.current.levels[i]!;
							const file = runRef.current.instances[i]!.file;
							if (!state.session && file.inputs === 'choose') return setPhase({kind: 'choose', index: i});
							openLevel(i);
						}}
					/>
					<Text dimColor wrap="wrap">{written ?? ''}</Text>
				</Box>
			);
		}
	}
}
