/** The screen router. Screens get plain props; the game's state lives here between screens. */
import {Box, Text, useApp, useInput} from 'ink';
import React, {useEffect, useRef, useState} from 'react';
import type {GameSpec} from './engine/game.js';
import {type Session, newSession} from './engine/session.js';
import type {Result} from './engine/types.js';
import {freshPath, saveFile, sessionToFile} from './scenario/save.js';
import {HelpScreen} from './ui/help-screen.js';
import {type LevelInfo, SANDBOX} from './ui/level.js';
import {MainMenu, type MenuChoice} from './ui/main-menu.js';
import {PlayScreen} from './ui/play-screen.js';
import {SandboxSetup} from './ui/sandbox-setup.js';
import {TooSmall, fits} from './ui/size-guard.js';
import {useTerminalSize} from './ui/use-terminal-size.js';
import type {AnalysisService} from './worker/service.js';

export interface AppProps {
	/** The analysis service (a worker in the real game, inline in tests). */
	readonly service: AnalysisService;
	/** Colour on, unless NO_COLOR is set. */
	readonly colour: boolean;
	/** Save a session to a path (the only writing the UI does goes through here). */
	readonly save?: (session: Session, path: string) => Result<string>;
	/** Where games are saved by default: a path without extension. */
	readonly saveBase?: string;
}

type Screen =
	| {readonly kind: 'menu'; readonly notice?: string}
	| {readonly kind: 'sandbox'}
	| {readonly kind: 'help'}
	| {readonly kind: 'play'; readonly session: Session; readonly level: LevelInfo; readonly back: Screen};

const defaultSave = (session: Session, path: string): Result<string> => saveFile(sessionToFile(session), path);

export function App({service, colour, save = defaultSave, saveBase = 'flp-game'}: AppProps): React.JSX.Element {
	const {exit} = useApp();
	const size = useTerminalSize();
	const [screen, setScreen] = useState<Screen>({kind: 'menu'});
	const [sandboxSpec, setSandboxSpec] = useState<GameSpec | undefined>(undefined);
	const latest = useRef<Session | undefined>(undefined);

	useEffect(() => () => service.dispose(), [service]);
	useInput(
		input => {
			if (input === 'q') exit();
		},
		{isActive: !fits(size)},
	);

	const choose = (choice: MenuChoice): void => {
		switch (choice) {
			case 'quit':
				return exit();
			case 'sandbox':
				return setScreen({kind: 'sandbox'});
			case 'help':
				return setScreen({kind: 'help'});
			default:
				return setScreen({kind: 'menu', notice: `${choice}: not available yet.`});
		}
	};

	if (!fits(size)) return <TooSmall {...size} />;

	let content: React.JSX.Element;
	switch (screen.kind) {
		case 'menu':
			content = <MainMenu notice={screen.notice} onChoose={choose} />;
			break;
		case 'help':
			content = <HelpScreen onClose={() => setScreen({kind: 'menu'})} />;
			break;
		case 'sandbox':
			content = (
				<SandboxSetup
					initial={sandboxSpec}
					onCancel={() => setScreen({kind: 'menu'})}
					onStart={spec => {
						setSandboxSpec(spec);
						const session = newSession(spec);
						if (!session.ok) return setScreen({kind: 'menu', notice: session.message});
						latest.current = session.value;
						setScreen({kind: 'play', session: session.value, level: SANDBOX, back: {kind: 'sandbox'}});
					}}
				/>
			);
			break;
		case 'play':
			content = (
				<PlayScreen
					initial={latest.current ?? screen.session}
					level={screen.level}
					service={service}
					colour={colour}
					rows={Math.min(size.rows, 30)}
					savePath={freshPath(saveBase)}
					onSave={save}
					onChange={session => {
						latest.current = session;
					}}
					onExit={() => {
						latest.current = undefined;
						setScreen(screen.back);
					}}
				/>
			);
			break;
	}

	return <Box flexDirection="column">{content}</Box>;
}
