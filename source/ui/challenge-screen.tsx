/** A timed classroom challenge: a countdown over a list of levels, results written as it goes. */
import {Box, Text, useInput} from 'ink';
import React, {useEffect, useRef, useState} from 'react';
import {type ChallengeRun, type LevelState, levelScore, playerMoves, toResult} from '../challenge/run.js';
import type {ChallengeResult} from '../challenge/result.js';
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
	/** Leave the challenge; `started` says whether its clock ever ran (and a result exists). */
	readonly onExit: (started: boolean) => void;
}

type Phase =
	| {readonly kind: 'intro'}
	| {readonly kind: 'list'}
	| {readonly kind: 'choose'; readonly index: number}
	| {readonly kind: 'play'; readonly index: number; readonly since: number}
	| {readonly kind: 'over'; readonly why: string};


export function ChallengeScreen({run: initial, service, colour, rows, clock, onResult, onExit}: ChallengeScreenProps): React.JSX.Element {
	const [run, setRun, runRef] = useSyncState(initial);
	const [phase, setPhase, phaseRef] = useSyncState<Phase>({kind: 'intro'});
	const startedAt = useRef<number | undefined>(undefined);
	const [now, setNow] = useState(clock);
	const [written, setWritten] = useState<string | undefined>(undefined);
	const limitMs = run.challenge.file.timeLimit * 1000;
	const elapsed = (): number => (startedAt.current === undefined ? 0 : clock() - startedAt.current);

	const save = (next: ChallengeRun, finished: boolean): void => {
		setWritten(onResult(toResult(next, elapsed(), finished)));
	};

	const updateLevel = (index: number, change: (level: LevelState) => LevelState, finished = false): void => {
		const current = runRef.current;
		const next = {...current, levels: current.levels.map((l, i) => (i === index ? change(l) : l))};
		setRun(next);
		save(next, finished);
	};

	/** Close the level being played: its time counts until now. */
	const leaveLevel = (): void => {
		const p = phaseRef.current;
		if (p.kind !== 'play') return;
		const spent = clock() - p.since;
		updateLevel(p.index, l => ({...l, timeMs: l.timeMs + spent}));
	};

	const finish = (why: string): void => {
		if (phaseRef.current.kind === 'over') return;
		leaveLevel();
		setPhase({kind: 'over', why});
		save(runRef.current, true);
	};

	useEffect(() => {
		const timer = setInterval(() => {
			setNow(clock());
			if (startedAt.current !== undefined && clock() - startedAt.current >= limitMs) finish('Time is up.');
		}, 250);
		return () => clearInterval(timer);
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, []);

	const openLevel = (index: number, inputs?: string): void => {
		const state = runRef.current.levels[index]!;
		const instance = runRef.current.instances[index]!;
		if (!state.session) {
			const level = startLevel(instance.file, inputs);
			if (!level.ok) return;
			updateLevel(index, l => ({...l, session: level.value.session, start: level.value.start, ...(inputs ? {inputs} : {})}));
		}

		setPhase({kind: 'play', index, since: clock()});
	};

	// Ctrl-C: the result as it stands (unfinished) is written, then the program ends.
	useInput((input, key) => {
		if (key.ctrl && input === 'c') {
			leaveLevel();
			if (startedAt.current !== undefined) save(runRef.current, false);
			onExit(startedAt.current !== undefined);
		}
	});
	useInput(
		(_input, key) => {
			if (phaseRef.current.kind === 'intro' && key.return) {
				startedAt.current = clock();
				setNow(clock());
				save(runRef.current, false);
				setPhase({kind: 'list'});
			} else if (phaseRef.current.kind === 'intro' && key.escape) onExit(false);
			else if (phaseRef.current.kind === 'over' && (key.return || key.escape || _input === 'q')) onExit(true);
		},
		{isActive: phase.kind === 'intro' || phase.kind === 'over'},
	);

	const left = limitMs - (startedAt.current === undefined ? 0 : now - startedAt.current);
	const total = run.levels.reduce((sum, _l, i) => sum + levelScore(run, i), 0);
	const head = (
		<Box>
			<Text bold wrap="truncate">{` CHALLENGE  ${run.challenge.file.title}`}</Text>
			<Box flexGrow={1} />
			<Text>{`${run.player}  score ${total}  time ${clockText(left)} `}</Text>
		</Box>
	);

	switch (phase.kind) {
		case 'intro':
			return (
				<Box flexDirection="column" paddingX={1}>
					<Text bold>{`CHALLENGE: ${run.challenge.file.title}`}</Text>
					<Text> </Text>
					<Text>{`Player ${run.player}, seed ${run.seed}: ${run.instances.length} levels, ${clockText(limitMs)} in all.`}</Text>
					<Text>{`Hints (previews and witness runs): ${run.challenge.file.hints ? 'on' : 'off'}.`}</Text>
					<Text>Your result file is written after every move, so nothing is lost if you stop.</Text>
					<Text> </Text>
					<Text dimColor>[enter] start the clock [esc] leave</Text>
				</Box>
			);
		case 'over':
			return (
				<Box flexDirection="column" paddingX={1}>
					<Text bold>{`${phase.why} Final score ${total}.`}</Text>
					{run.instances.map((instance, i) => (
						<Text key={i}>{`  ${run.levels[i]!.solved ? '✓' : '✗'} ${instance.file.title ?? instance.file.id}: ${levelScore(run, i)}`}</Text>
					))}
					<Text> </Text>
					<Text wrap="wrap">{written ?? ''}</Text>
					<Text dimColor>[enter] leave</Text>
				</Box>
			);
		case 'choose':
			return (
				<LevelIntro
					file={run.instances[phase.index]!.file}
					onCancel={() => setPhase({kind: 'list'})}
					onStart={inputs => openLevel(phase.index, inputs)}
				/>
			);
		case 'play': {
			const index = phase.index;
			const state = run.levels[index]!;
			const instance = run.instances[index]!;
			const level = startLevel(instance.file, state.inputs);
			if (!level.ok || !state.session) return <Text>{level.ok ? '' : level.message}</Text>;
			return (
				<PlayScreen
					initial={state.session}
					level={{...level.value.info, hints: run.challenge.file.hints, timeLimit: Math.max(1, Math.ceil(left / 1000))}}
					goal={{spec: level.value.goal, start: level.value.start}}
					service={service}
					colour={colour}
					rows={rows}
					clock={clock}
					saving={{off: 'In a challenge your moves are saved in the result file.'}}
					onChange={(session: Session) => updateLevel(index, l => ({...l, session}))}
					onSolved={() => updateLevel(index, l => ({...l, solved: true}))}
					onHint={() => updateLevel(index, l => ({...l, hintsUsed: l.hintsUsed + 1}))}
					onTimeUp={() => finish('Time is up.')}
					onExit={() => {
						leaveLevel();
						setPhase({kind: 'list'});
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
					<Text dimColor>{'─'.repeat(78)}</Text>
					<SelectList
						title=""
						rows={Math.max(3, rows - 5)}
						items={items}
						onCancel={() => undefined}
						footer="[↑↓] choose [enter] play; Hand in now ends the challenge"
						onSelect={i => {
							if (i < 0) return finish('Handed in.');
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
