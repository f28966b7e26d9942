/** The screen router. Screens get plain props; the game's state lives here between screens. */
import {join, resolve} from 'node:path';
import {Box, useApp, useInput} from 'ink';
import React, {useEffect, useMemo, useRef, useState} from 'react';
import type {GameSpec} from './engine/game.js';
import type {GoalSpec} from './engine/goals.js';
import {type Session, newSession} from './engine/session.js';
import type {Result} from './engine/types.js';
import {type CampaignLevel, campaignFile, loadCampaign} from './scenario/campaign.js';
import type {ScenarioFile} from './scenario/format.js';
import {EMPTY_PROGRESS, type Progress, loadProgress, recordSolved, saveProgress} from './scenario/progress.js';
import {freshPath, saveFile, sessionToFile} from './scenario/save.js';
import {type LevelInfo, playFile, readScenario, startLevel} from './scenario/scenario.js';
import {readChallenge} from './challenge/challenge.js';
import {type ChallengeRun, saveResult} from './challenge/run.js';
import {prepareChallenge} from './challenge/prepare.js';
import {CampaignScreen} from './ui/campaign-screen.js';
import {ChallengeScreen} from './ui/challenge-screen.js';
import {KeysScreen} from './ui/keys-screen.js';
import {HelpScreen} from './ui/help-screen.js';
import {SANDBOX} from './ui/level.js';
import {LevelIntro} from './ui/level-intro.js';
import {MainMenu, type MenuChoice} from './ui/main-menu.js';
import {PathPrompt} from './ui/path-prompt.js';
import {PlayScreen} from './ui/play-screen.js';
import {ReplayScreen} from './ui/replay-screen.js';
import {SandboxSetup} from './ui/sandbox-setup.js';
import {WatchScreen} from './ui/watch-screen.js';
import {TooSmall, fits} from './ui/size-guard.js';
import {useTerminalSize} from './ui/use-terminal-size.js';
import type {AnalysisService} from './worker/service.js';
import {lookUpProtocol} from './protocols/registry.js';

/** What the command line asks to open first. */
export type Opening = {readonly kind: 'menu'} | {readonly kind: 'play-file'; readonly path: string} | {readonly kind: 'replay-file'; readonly path: string};

export interface AppProps {
	/** The analysis service (a worker in the real game, inline in tests). */
	readonly service: AnalysisService;
	/** Colour on, unless NO_COLOR is set. */
	readonly colour: boolean;
	/** Where progress and autosaved games live; none: nothing is written. */
	readonly stateDir?: string;
	/** Milliseconds now (for timestamps and countdowns). */
	readonly clock?: () => number;
	readonly opening?: Opening;
	/** Told, once the app is about to exit, anything the user should read after it. */
	readonly onFarewell?: (message: string) => void;
	/** Where the save prompt starts: a path without extension, in the current folder. */
	readonly saveBase?: string;
}

interface Playing {
	readonly session: Session;
	readonly info: LevelInfo;
	readonly goal?: {readonly spec: GoalSpec; readonly start: number};
	/** The level's file, for saving with its fields and for progress (by id). */
	readonly file?: ScenarioFile;
	readonly back: Screen;
}

type Screen =
	| {readonly kind: 'menu'; readonly notice?: string}
	| {readonly kind: 'sandbox'}
	| {readonly kind: 'watch-setup'}
	| {readonly kind: 'watch'; readonly spec: GameSpec}
	| {readonly kind: 'help'}
	| {readonly kind: 'campaign'}
	| {readonly kind: 'intro'; readonly file: ScenarioFile; readonly back: Screen; readonly notice?: string}
	| ({readonly kind: 'play'} & Playing)
	| {readonly kind: 'replay-prompt'; readonly notice?: string}
	| {readonly kind: 'challenge-prompt'; readonly notice?: string}
	| {readonly kind: 'player-prompt'; readonly path: string; readonly notice?: string}
	| {readonly kind: 'challenge'; readonly run: ChallengeRun; readonly out: string}
	| {readonly kind: 'replay'; readonly title: string; readonly session: Session; readonly start: number; readonly goal?: GoalSpec; readonly back: Screen};

const stampOf = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** The file a game is saved as: the level's own fields (story aside), its setup, the moves. */
function fileFor(playing: Playing, session: Session): ScenarioFile {
	const level = playing.file ? (({story: _story, moves: _moves, expect: _expect, setup: _setup, ...rest}) => rest)(playing.file) : undefined;
	return sessionToFile(session, level, playing.goal?.start ?? 0);
}

function openFile(path: string, back: Screen, campaign: readonly CampaignLevel[]): Screen {
	const loaded = readScenario(path);
	if (!loaded.ok) return {kind: 'menu', notice: loaded.message.split('\n')[0]};
	// A campaign level opened by its path is that level (its progress is recorded); any other file
	// is not, whatever id it gives itself.
	const file = campaignFile(path, campaign) ?? loaded.value.file;
	// A level (no moves yet) opens on its story; a saved game goes on where it stopped.
	if (file.inputs === 'choose' || (file.moves ?? []).length === 0) return {kind: 'intro', file, back};
	const level = playFile(file);
	if (!level.ok) return {kind: 'menu', notice: `${path}: ${level.message}`};
	const {session, start, goal, info} = level.value;
	return {kind: 'play', session, info, goal: {spec: goal, start}, file, back};
}

function openReplay(path: string, back: Screen): Screen {
	const loaded = readScenario(path);
	if (!loaded.ok) return {kind: 'replay-prompt', notice: loaded.message};
	const level = playFile(loaded.value.file);
	if (!level.ok) return {kind: 'replay-prompt', notice: `${path}: ${level.message}`};
	return {kind: 'replay', title: level.value.info.title, session: level.value.session, start: level.value.start, goal: level.value.goal, back};
}

export function App({service, colour, stateDir, clock = Date.now, opening = {kind: 'menu'}, onFarewell, saveBase = 'flp-game'}: AppProps): React.JSX.Element {
	const {exit} = useApp();
	const size = useTerminalSize();
	const menu: Screen = {kind: 'menu'};
	const levels = useMemo<CampaignLevel[]>(() => loadCampaign(), []);
	const [screen, setScreen] = useState<Screen>(() =>
		opening.kind === 'play-file' ? openFile(opening.path, menu, levels) : opening.kind === 'replay-file' ? openReplay(opening.path, menu) : menu,
	);
	const [sandboxSpec, setSandboxSpec] = useState<GameSpec | undefined>(undefined);
	const [progress, setProgress] = useState<Progress>(EMPTY_PROGRESS);
	const [progressNotice, setProgressNotice] = useState<string | undefined>(undefined);
	/** Why progress is not recorded (its file could not be read, or is newer), shown on level intros. */
	const [progressLock, setProgressLock] = useState<string | undefined>(undefined);
	const [showKeys, setShowKeys] = useState(false);
	const [lastChoice, setLastChoice] = useState<MenuChoice | undefined>(undefined);
	const latest = useRef<Session | undefined>(undefined);

	useEffect(() => {
		if (!stateDir) return;
		const loaded = loadProgress(stateDir, stampOf(clock()));
		setProgress(loaded.progress);
		setProgressNotice(loaded.message);
		if (loaded.locked) {
			setProgressLock(loaded.message);
			if (opening.kind === 'play-file') onFarewell?.(loaded.message!);
		}
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [stateDir]);
	useEffect(() => () => service.dispose(), [service]);

	/** Save the game being left, if the player made a move; the message says where. */
	const autosave = (playing: Playing): string | undefined => {
		const session = latest.current ?? playing.session;
		if (!stateDir || session.moves.length <= (playing.goal?.start ?? 0)) return undefined;
		const name = playing.file?.id ?? 'sandbox';
		const path = freshPath(join(stateDir, 'saves', `${name}-${stampOf(clock())}`));
		const saved = saveFile(fileFor(playing, session), path);
		return saved.ok ? `Your game was saved: ${path}` : saved.message;
	};

	useInput((input, key) => {
		if (!(key.ctrl && input === 'c')) return;
		const message = screen.kind === 'play' ? autosave(screen) : undefined;
		if (message) onFarewell?.(message);
		exit();
	});
	useInput(
		input => {
			if (input === 'q') exit();
		},
		{isActive: !fits(size)},
	);
	// `?` shows the keys on every screen without a text field (a game has its own, fuller list).
	const keysFor = ['menu', 'sandbox', 'campaign', 'intro', 'help', 'replay'].includes(screen.kind) ? screen.kind : undefined;
	useInput(
		input => {
			if (input === '?') setShowKeys(true);
		},
		{isActive: keysFor !== undefined && !showKeys},
	);

	const choose = (choice: MenuChoice): void => {
		setLastChoice(choice);
		switch (choice) {
			case 'quit':
				return exit();
			case 'sandbox':
				return setScreen({kind: 'sandbox'});
			case 'watch':
				return setScreen({kind: 'watch-setup'});
			case 'help':
				return setScreen({kind: 'help'});
			case 'campaign':
				return setScreen({kind: 'campaign'});
			case 'replay':
				return setScreen({kind: 'replay-prompt'});
			case 'challenge':
				return setScreen({kind: 'challenge-prompt'});
		}
	};

	const play = (next: Playing): void => {
		latest.current = next.session;
		setScreen({kind: 'play', ...next});
	};

	if (!fits(size)) return <TooSmall {...size} />;
	if (showKeys && keysFor) return <KeysScreen screen={keysFor} onClose={() => setShowKeys(false)} />;
	const rows = Math.min(size.rows, 30);
	let content: React.JSX.Element;
	switch (screen.kind) {
		case 'menu':
			content = <MainMenu notice={screen.notice ?? progressNotice} last={lastChoice} onChoose={choose} />;
			break;
		case 'help':
			content = <HelpScreen onClose={() => setScreen(menu)} />;
			break;
		case 'campaign':
			content = (
				<CampaignScreen
					levels={levels}
					progress={progress}
					rows={rows}
					onCancel={() => setScreen(menu)}
					onPick={level => (level.loaded ? setScreen({kind: 'intro', file: level.loaded.file, back: {kind: 'campaign'}}) : undefined)}
				/>
			);
			break;
		case 'intro':
			content = (
				<LevelIntro
					file={screen.file}
					notice={screen.notice ?? progressLock}
					onCancel={() => setScreen(screen.back)}
					onStart={inputs => {
						const level = startLevel(screen.file, inputs);
						if (!level.ok) return setScreen({...screen, notice: level.message});
						const {session, start, goal, info} = level.value;
						play({session, info, goal: {spec: goal, start}, file: screen.file, back: screen});
					}}
				/>
			);
			break;
		case 'watch-setup':
			content = (
				<SandboxSetup
					title="WATCH THE PROOF: choose the protocol (Lemma 1 chooses the inputs)"
					action="watch"
					withInputs={false}
					onCancel={() => setScreen(menu)}
					onStart={spec => setScreen({kind: 'watch', spec})}
				/>
			);
			break;
		case 'watch':
			content = <WatchScreen service={service} spec={screen.spec} colour={colour} rows={rows} onExit={() => setScreen({kind: 'watch-setup'})} />;
			break;
		case 'sandbox':
			content = (
				<SandboxSetup
					initial={sandboxSpec}
					onCancel={() => setScreen(menu)}
					onStart={spec => {
						setSandboxSpec(spec);
						const session = newSession(spec, lookUpProtocol);
						if (!session.ok) return setScreen({kind: 'menu', notice: session.message});
						play({session: session.value, info: SANDBOX, back: {kind: 'sandbox'}});
					}}
				/>
			);
			break;
		case 'play':
			content = (
				<PlayScreen
					initial={latest.current ?? screen.session}
					level={screen.info}
					goal={screen.goal}
					service={service}
					colour={colour}
					rows={rows}
					clock={clock}
					savePath={freshPath(saveBase)}
					onSave={(session, path): Result<string> => saveFile(fileFor(screen, session), path)}
					onChange={session => {
						latest.current = session;
					}}
					onSolved={(_session, moves) => {
						const id = screen.file?.id;
						if (!id || !levels.some(level => level.loaded?.file === screen.file)) return;
						const next = recordSolved(progress, id, moves);
						setProgress(next);
						if (stateDir) {
							try {
								setProgress(saveProgress(stateDir, next));
							} catch (error) {
								setProgressNotice(`Could not save your progress: ${(error as Error).message}`);
							}
						}
					}}
					onExit={() => {
						const message = autosave(screen);
						latest.current = undefined;
						setScreen(screen.back.kind === 'menu' ? {kind: 'menu', notice: message} : screen.back);
						if (message) setProgressNotice(message);
					}}
				/>
			);
			break;
		case 'replay-prompt':
			content = (
				<PathPrompt
					key="replay-file"
					title="REPLAY A FILE: a saved game or a level with moves (YAML or JSON)"
					notice={screen.notice}
					onCancel={() => setScreen(menu)}
					onSubmit={path => setScreen(openReplay(path, {kind: 'replay-prompt'}))}
				/>
			);
			break;
		case 'challenge-prompt':
			content = (
				<PathPrompt
					key="challenge-file"
					title="CHALLENGE: the challenge file your instructor gave you"
					notice={screen.notice}
					onCancel={() => setScreen(menu)}
					onSubmit={path => {
						const challenge = readChallenge(path);
						if (!challenge.ok) return setScreen({kind: 'challenge-prompt', notice: challenge.message});
						setScreen({kind: 'player-prompt', path});
					}}
				/>
			);
			break;
		case 'player-prompt':
			content = (
				<PathPrompt
					key="player-name"
					title="CHALLENGE: your name, as your instructor should see it"
					label="Name: "
					notice={screen.notice}
					onCancel={() => setScreen({kind: 'challenge-prompt'})}
					onSubmit={player => {
						const prepared = prepareChallenge([screen.path], {player});
						if ('code' in prepared) return setScreen({...screen, notice: prepared.stderr.trim()});
						setScreen({kind: 'challenge', run: prepared.run, out: prepared.out});
					}}
				/>
			);
			break;
		case 'challenge':
			content = (
				<ChallengeScreen
					run={screen.run}
					service={service}
					colour={colour}
					rows={rows}
					clock={clock}
					onResult={result => saveResult(screen.out, result)}
					onExit={(_how, started) =>
						setScreen({kind: 'menu', notice: started ? `Challenge over: your result is in ${resolve(screen.out)}.` : 'Challenge left before its clock started.'})
					}
				/>
			);
			break;
		case 'replay':
			content = (
				<ReplayScreen
					title={screen.title}
					session={screen.session}
					start={screen.start}
					goal={screen.goal}
					service={service}
					colour={colour}
					rows={rows}
					onExit={() => setScreen(screen.back)}
				/>
			);
			break;
	}

	return <Box flexDirection="column">{content}</Box>;
}
