/**
 * The screen router. Screens get plain props; the game's state lives here between screens, and
 * every file the game reads or writes goes through the injected `files`.
 */
import {basename, resolve} from 'node:path';
import {Box, useApp, useInput} from 'ink';
import React, {useEffect, useMemo, useRef, useState} from 'react';
import type {GameSpec} from './engine/game.js';
import type {GoalSpec} from './engine/goals.js';
import {type Session, newSession} from './engine/session.js';
import type {Result} from './engine/types.js';
import {type AppFiles, diskFiles} from './app-files.js';
import type {CampaignLevel} from './scenario/campaign.js';
import type {ScenarioFile} from './scenario/format.js';
import {EMPTY_PROGRESS, type Progress, recordSolved} from './scenario/progress.js';
import {sessionToFile} from './scenario/save.js';
import {type LevelInfo, playFile, startLevel} from './scenario/scenario.js';
import type {ChallengeRun} from './challenge/run.js';
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
import {TrustScreen} from './ui/trust-screen.js';
import {DEFAULT_SANDBOX, SandboxSetup} from './ui/sandbox-setup.js';
import {WatchScreen} from './ui/watch-screen.js';
import {TooSmall, fits} from './ui/size-guard.js';
import {useTerminalSize} from './ui/use-terminal-size.js';
import type {AnalysisService} from './worker/service.js';
import {lookUpProtocol} from './protocols/registry.js';
import {isModulePath} from './protocols/module.js';

/** What the command line asks to open first. */
export type Opening =
	| {readonly kind: 'menu'}
	| {readonly kind: 'play-file'; readonly path: string}
	| {readonly kind: 'replay-file'; readonly path: string}
	/** The sandbox's setup with this protocol chosen (an id, or a loaded module's path). */
	| {readonly kind: 'sandbox'; readonly protocol: string};

export interface AppProps {
	/** The analysis service (a worker in the real game, inline in tests). */
	readonly service: AnalysisService;
	/** Colour on, unless NO_COLOR is set. */
	readonly colour: boolean;
	/** The game's file access (default: the disk, with no state folder: nothing autosaved). */
	readonly files?: AppFiles;
	/** Milliseconds now (for timestamps and countdowns). */
	readonly clock?: () => number;
	readonly opening?: Opening;
	/** Told, once the app is about to exit, what the user should read after it and the exit code. */
	readonly onFarewell?: (farewell: Farewell) => void;
	/**
	 * Given, once, the function that saves the game in progress at once (for a signal): it
	 * answers what to print and the exit code, `code` unless the autosave failed.
	 */
	readonly onReady?: (leaveNow: (code: number) => Farewell) => void;
}

/** What to print after the game ends, and the exit code. */
export interface Farewell {
	readonly lines: readonly string[];
	readonly code: number;
}

/** The exit code when the game was interrupted and its autosave failed. */
export const EXIT_UNSAVED = 1;
/** Ctrl-C, as the shell counts it (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

/** A path as a shell command's argument: quoted unless it is plain. */
export const shellWord = (path: string): string => (/^[\w./~-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`);

interface Playing {
	readonly session: Session;
	readonly info: LevelInfo;
	readonly goal?: {readonly spec: GoalSpec; readonly start: number};
	/** The level's file, for saving with its fields and for progress (by id). */
	readonly file?: ScenarioFile;
	readonly back: Screen;
	/** The autosave this game was continued from: autosaving writes over it. */
	readonly autosaved?: string;
	/** What to tell the player at once (a saved game whose protocol module changed). */
	readonly notice?: string;
}

type Screen =
	| {readonly kind: 'menu'; readonly notice?: string}
	/** The sandbox's setup; `notice`: why the game chosen did not start. */
	| {readonly kind: 'sandbox'; readonly notice?: string}
	| {readonly kind: 'watch-setup'}
	| {readonly kind: 'watch'; readonly spec: GameSpec}
	| {readonly kind: 'help'}
	/** The level list; `at`: the id of the level just left (the cursor goes there, or past it once solved). */
	| {readonly kind: 'campaign'; readonly at?: string}
	| {readonly kind: 'intro'; readonly file: ScenarioFile; readonly back: Screen; readonly notice?: string}
	| ({readonly kind: 'play'} & Playing)
	| {readonly kind: 'replay-prompt'; readonly notice?: string}
	| {readonly kind: 'challenge-prompt'; readonly notice?: string}
	| {readonly kind: 'player-prompt'; readonly path: string; readonly notice?: string}
	| {readonly kind: 'challenge'; readonly run: ChallengeRun; readonly out: string}
	/** A file naming a protocol module not allowed yet: asked first, then played or replayed. */
	| {readonly kind: 'trust'; readonly path: string; readonly module: string; readonly hash: string; readonly then: 'play' | 'replay'; readonly back: Screen; readonly autosaved?: string}
	| {readonly kind: 'replay'; readonly title: string; readonly session: Session; readonly start: number; readonly goal?: GoalSpec; readonly back: Screen; readonly notice?: string};

/** The file a game is saved as: the level's own fields (story aside), its setup, the moves. */
function fileFor(playing: Playing, session: Session): ScenarioFile {
	const level = playing.file ? (({story: _story, moves: _moves, expect: _expect, setup: _setup, ...rest}) => rest)(playing.file) : undefined;
	return sessionToFile(session, level, playing.goal?.start ?? 0);
}

function openFile(files: AppFiles, path: string, back: Screen, campaign: readonly CampaignLevel[], autosaved?: string): Screen {
	const untrusted = files.moduleToTrust(path);
	if (untrusted) return {kind: 'trust', path, ...untrusted, then: 'play', back, ...(autosaved ? {autosaved} : {})};
	const loaded = files.readScenario(path);
	if (!loaded.ok) return {kind: 'menu', notice: loaded.message.split('\n')[0]};
	// A campaign level opened by its path is that level (its progress is recorded); any other file
	// is not, whatever id it gives itself.
	const file = files.campaignFile(path, campaign) ?? loaded.value.file;
	const notice = loaded.value.warnings[0];
	// A level (no moves yet) opens on its story; a saved game goes on where it stopped.
	if (file.inputs === 'choose' || (file.moves ?? []).length === 0) return {kind: 'intro', file, back, ...(notice ? {notice} : {})};
	const level = playFile(file);
	if (!level.ok) return {kind: 'menu', notice: `${path}: ${level.message}`};
	const {session, start, goal, info} = level.value;
	return {kind: 'play', session, info, goal: {spec: goal, start}, file, back, ...(autosaved ? {autosaved} : {}), ...(notice ? {notice} : {})};
}

function openReplay(files: AppFiles, path: string, back: Screen): Screen {
	const untrusted = files.moduleToTrust(path);
	if (untrusted) return {kind: 'trust', path, ...untrusted, then: 'replay', back};
	const loaded = files.readScenario(path);
	if (!loaded.ok) return {kind: 'replay-prompt', notice: loaded.message};
	const level = playFile(loaded.value.file);
	if (!level.ok) return {kind: 'replay-prompt', notice: `${path}: ${level.message}`};
	const notice = loaded.value.warnings[0];
	return {kind: 'replay', title: level.value.info.title, session: level.value.session, start: level.value.start, goal: level.value.goal, back, ...(notice ? {notice} : {})};
}

const DEFAULT_FILES = diskFiles();

export function App({service, colour, files = DEFAULT_FILES, clock = Date.now, opening = {kind: 'menu'}, onFarewell, onReady}: AppProps): React.JSX.Element {
	const {exit} = useApp();
	const size = useTerminalSize();
	const menu: Screen = {kind: 'menu'};
	const levels = useMemo<readonly CampaignLevel[]>(() => files.campaign(), [files]);
	const [screen, setScreen] = useState<Screen>(() =>
		opening.kind === 'play-file'
			? openFile(files, opening.path, menu, levels)
			: opening.kind === 'replay-file'
				? openReplay(files, opening.path, menu)
				: opening.kind === 'sandbox'
					? {kind: 'sandbox'}
					: menu,
	);
	/** A sandbox game on a protocol module is being tried before it starts. */
	const [trying, setTrying] = useState(false);
	const [sandboxSpec, setSandboxSpec] = useState<GameSpec | undefined>(opening.kind === 'sandbox' ? {...DEFAULT_SANDBOX, protocol: opening.protocol} : undefined);
	const [progress, setProgress] = useState<Progress>(EMPTY_PROGRESS);
	const [progressNotice, setProgressNotice] = useState<string | undefined>(undefined);
	/** Why progress is not recorded (its file could not be read, or is newer), shown on level intros. */
	const [progressLock, setProgressLock] = useState<string | undefined>(undefined);
	const [showKeys, setShowKeys] = useState(false);
	const [lastChoice, setLastChoice] = useState<MenuChoice | undefined>(undefined);
	const latest = useRef<Session | undefined>(undefined);
	const screenRef = useRef(screen);
	screenRef.current = screen;
	const continuable = useMemo(() => (screen.kind === 'menu' ? files.lastAutosave() : undefined), [files, screen]);

	useEffect(() => {
		const loaded = files.loadProgress();
		setProgress(loaded.progress);
		setProgressNotice(loaded.message);
		if (loaded.locked) {
			setProgressLock(loaded.message);
			if (opening.kind === 'play-file' && loaded.message) onFarewell?.({lines: [loaded.message], code: 0});
		}
	}, [files, opening.kind, onFarewell]);
	useEffect(() => () => service.dispose(), [service]);

	/** Save the game being left, if the player made a move: where it went, or why not. */
	const autosave = (playing: Playing): Result<string> | undefined => {
		const session = latest.current ?? playing.session;
		if (session.moves.length <= (playing.goal?.start ?? 0)) return undefined;
		return files.autosave(playing.file?.id ?? 'sandbox', fileFor(playing, session), playing.autosaved);
	};

	/** Leave the program now: the game in progress autosaved, what to print, the exit code. */
	const leaveNow = (code: number): Farewell => {
		const current = screenRef.current;
		const saved = current.kind === 'play' ? autosave(current) : undefined;
		if (!saved) return {lines: [], code};
		if (!saved.ok) return {lines: [saved.message], code: EXIT_UNSAVED};
		return {lines: [`Your game was saved: ${saved.value}`, `To go on with it: flp play ${shellWord(saved.value)}`], code};
	};

	const leaveRef = useRef(leaveNow);
	leaveRef.current = leaveNow;
	useEffect(() => {
		onReady?.(code => leaveRef.current(code));
	}, [onReady]);

	useInput((input, key) => {
		if (!(key.ctrl && input === 'c')) return;
		onFarewell?.(leaveNow(EXIT_INTERRUPTED));
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
			case 'continue':
				return continuable ? setScreen(openFile(files, continuable.path, menu, levels, continuable.path)) : undefined;
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
			content = (
				<MainMenu
					notice={screen.notice ?? progressNotice}
					last={lastChoice}
					continuing={continuable ? `the game you left: ${basename(continuable.path)}` : undefined}
					onChoose={choose}
				/>
			);
			break;
		case 'help':
			content = <HelpScreen onClose={() => setScreen(menu)} />;
			break;
		case 'campaign':
			content = (
				<CampaignScreen
					key={screen.at ?? ''}
					levels={levels}
					progress={progress}
					at={screen.at}
					rows={rows}
					onCancel={() => setScreen(menu)}
					onPick={level => (level.loaded ? setScreen({kind: 'intro', file: level.loaded.file, back: {kind: 'campaign', ...(level.loaded.file.id ? {at: level.loaded.file.id} : {})}}) : undefined)}
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
					key={screen.notice ?? ''}
					initial={sandboxSpec}
					{...(screen.notice ? {notice: screen.notice} : {})}
					{...(trying ? {busy: 'Trying the protocol module at this size (stopped if a step hangs 10 s)…'} : {})}
					onCancel={() => setScreen(menu)}
					onStart={spec => {
						setSandboxSpec(spec);
						// A module's code runs first where a step that never returns can be stopped.
						if (isModulePath(spec.protocol)) setTrying(true);
						// A game that does not start says why on the setup, whose choices stay as they were.
						const reload = isModulePath(spec.protocol) ? ' (a changed module is read again when flp starts again)' : '';
						void files.tryProtocol(spec).then(tried => {
							setTrying(false);
							if (!tried.ok) return setScreen({kind: 'sandbox', notice: `${tried.message}${reload}`});
							const session = newSession(spec, lookUpProtocol);
							if (!session.ok) return setScreen({kind: 'sandbox', notice: `${session.message}${reload}`});
							play({session: session.value, info: SANDBOX, back: {kind: 'sandbox'}});
						});
					}}
				/>
			);
			break;
		case 'play':
			content = (
				<PlayScreen
					initial={latest.current ?? screen.session}
					level={screen.info}
					{...(screen.notice ? {notice: screen.notice} : {})}
					goal={screen.goal}
					service={service}
					colour={colour}
					rows={rows}
					clock={clock}
					saving={{
						suggestion: () => files.suggestSave(),
						check: typed => files.checkSave(typed),
						save: (session, path) => files.save(fileFor(screen, session), path),
					}}
					onChange={session => {
						latest.current = session;
					}}
					onSolved={(_session, moves) => {
						const id = screen.file?.id;
						// Only the campaign's own levels record progress: opened from the campaign or by their
						// path, or continued from the autosave of one.
						const own = levels.some(level => level.loaded?.file === screen.file || (screen.autosaved !== undefined && level.loaded?.file.id === id));
						if (!id || !own) return;
						const next = recordSolved(progress, id, moves);
						setProgress(next);
						const saved = files.saveProgress(next);
						if (saved.ok) setProgress(saved.value);
						else setProgressNotice(saved.message);
					}}
					onExit={() => {
						const saved = autosave(screen);
						// The path on a line of its own: wrapped after "saved:", not in the middle of the name.
						const message = saved === undefined ? undefined : saved.ok ? `Your game was saved:\n${saved.value}` : saved.message;
						latest.current = undefined;
						setScreen(screen.back.kind === 'menu' ? {kind: 'menu', notice: message} : screen.back);
						if (message) setProgressNotice(message);
					}}
				/>
			);
			break;
		case 'trust':
			content = (
				<TrustScreen
					file={screen.path}
					module={screen.module}
					hash={screen.hash}
					onCancel={() => setScreen(screen.back)}
					onTrust={async () => {
						const trusted = await files.trustModules(screen.path);
						if (!trusted.ok) return trusted.message;
						setScreen(screen.then === 'play' ? openFile(files, screen.path, screen.back, levels, screen.autosaved) : openReplay(files, screen.path, screen.back));
						return undefined;
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
					onSubmit={path => setScreen(openReplay(files, path, {kind: 'replay-prompt'}))}
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
						const challenge = files.readChallenge(path);
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
						const prepared = files.prepareChallenge(screen.path, player);
						if (!prepared.ok) return setScreen({...screen, notice: prepared.message});
						setScreen({kind: 'challenge', run: prepared.value.run, out: prepared.value.out});
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
					onResult={result => files.saveResult(screen.out, result)}
					onStart={() => files.recordAttempt(screen.run)}
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
					{...(screen.notice ? {notice: screen.notice} : {})}
				/>
			);
			break;
	}

	return <Box flexDirection="column">{content}</Box>;
}
