/** Step through a saved game: the board and the label at each step. */
import {Box, Text, useInput} from 'ink';
import React from 'react';
import {formatMove} from '../engine/notation.js';
import type {Session} from '../engine/session.js';
import type {AnalysisService} from '../worker/service.js';
import {Nodes, Pool, VerdictLine} from './board.js';
import {useAnalysis} from './use-analysis.js';
import {useSpinner} from './use-spinner.js';
import {useSyncState} from './use-sync-state.js';

export interface ReplayScreenProps {
	readonly title: string;
	/** The whole game; steps run from `start` (after the level's setup) to its end. */
	readonly session: Session;
	readonly start: number;
	readonly service: AnalysisService;
	readonly colour: boolean;
	readonly rows: number;
	readonly onExit: () => void;
}

export function ReplayScreen({title, session, start, service, colour, rows, onExit}: ReplayScreenProps): React.JSX.Element {
	const last = session.moves.length;
	const [k, setK] = useSyncState(last);
	useInput((input, key) => {
		if (key.escape || input === 'q') onExit();
		else if (key.rightArrow || input === 'l') setK(i => Math.min(last, i + 1));
		else if (key.leftArrow || input === 'j') setK(i => Math.max(start, i - 1));
		else if (key.home) setK(start);
		else if (key.end) setK(last);
	});
	const shown: Session = {...session, configs: session.configs.slice(0, k + 1), moves: session.moves.slice(0, k), undone: []};
	const analysis = useAnalysis(service, shown);
	const spinner = useSpinner(analysis.busy);
	const config = shown.configs.at(-1)!;
	const bodyRows = Math.max(4, rows - 8);
	const move = k > start ? formatMove(config.setup, session.moves[k - 1]!) : '(the start)';
	return (
		<Box flexDirection="column" width={80}>
			<Text bold wrap="truncate">{` REPLAY  ${title}   step ${k - start}/${last - start}: ${move}`}</Text>
			<Text dimColor>{'─'.repeat(78)}</Text>
			<Box height={bodyRows}>
				<Nodes config={config} colour={colour} rows={bodyRows} />
				<Box marginLeft={1} flexGrow={1}>
					<Pool config={config} cursor={-1} target={-1} previews={analysis.report?.previews} hints rows={bodyRows} colour={colour} />
				</Box>
			</Box>
			<Text dimColor>{'─'.repeat(78)}</Text>
			<VerdictLine verdict={analysis.report?.now} colour={colour} busy={analysis.busy} spinner={spinner} states={analysis.states} />
			<Text dimColor>{' [←→] step [home/end] first/last [esc] back'}</Text>
		</Box>
	);
}
