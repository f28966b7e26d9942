/** `flp challenge FILE` as a whole program: the challenge screen, guarded for small terminals. */
import {Box, useApp} from 'ink';
import React, {useEffect} from 'react';
import type {ChallengeResult} from '../challenge/result.js';
import type {ChallengeEnd, ChallengeRun} from '../challenge/run.js';
import type {AnalysisService} from '../worker/service.js';
import {ChallengeScreen} from './challenge-screen.js';
import {TooSmall, fits} from './size-guard.js';
import {useTerminalSize} from './use-terminal-size.js';

export interface ChallengeAppProps {
	readonly run: ChallengeRun;
	readonly service: AnalysisService;
	readonly colour: boolean;
	readonly clock: () => number;
	readonly onResult: (result: ChallengeResult) => string;
	/** The clock started. */
	readonly onStart?: () => void;
	/** Called once, as the program ends, with how it ended. */
	readonly onEnd: (how: ChallengeEnd) => void;
}

export function ChallengeApp({run, service, colour, clock, onResult, onStart, onEnd}: ChallengeAppProps): React.JSX.Element {
	const {exit} = useApp();
	const size = useTerminalSize();
	// The analysis worker goes with the screen: nothing is left to keep the process alive.
	useEffect(() => () => service.dispose(), [service]);
	// Hidden, not unmounted, while the terminal is too small: the challenge keeps its state.
	return (
		<>
			{fits(size) ? null : <TooSmall {...size} />}
			<Box display={fits(size) ? 'flex' : 'none'}>
				<ChallengeScreen
					run={run}
					service={service}
					colour={colour}
					rows={Math.min(size.rows, 30)}
					clock={clock}
					onResult={onResult}
					{...(onStart ? {onStart} : {})}
					leaveWhenOver
					onExit={how => {
						onEnd(how);
						exit();
					}}
				/>
			</Box>
		</>
	);
}
