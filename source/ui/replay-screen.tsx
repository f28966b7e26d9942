/** Step through a saved game: the board and the label at each step, the timeline, the diagram. */
import {Box, Text, useInput} from 'ink';
import React, {useMemo, useState} from 'react';
import {layoutRun} from '../diagram/layout.js';
import {formatMove} from '../engine/notation.js';
import type {GoalSpec} from '../engine/goals.js';
import type {Session} from '../engine/session.js';
import {isQuiescent} from '../engine/configuration.js';
import type {AnalysisService} from '../worker/service.js';
import {Nodes, Pool, VerdictLine} from './board.js';
import {wrapWords} from './wrap.js';
import {runCells} from './run-cells.js';
import {SpaceTimeView} from './space-time-view.js';
import {TimelineStrip} from './timeline-strip.js';
import {positionKey, useAnalysis} from './use-analysis.js';
import {useSpinner} from './use-spinner.js';
import {useSyncState} from './use-sync-state.js';

export interface ReplayScreenProps {
	readonly title: string;
	/** The whole game; steps run from `start` (after the level's setup) to its end. */
	readonly session: Session;
	readonly start: number;
	/** The level's goal: its target gives the timeline's stars, a `forever` goal its rounds. */
	readonly goal?: GoalSpec;
	readonly service: AnalysisService;
	readonly colour: boolean;
	readonly rows: number;
	readonly onExit: () => void;
	/** A warning to keep in view (the game's protocol module changed since it was saved). */
	readonly notice?: string;
}

export function ReplayScreen({title, session, start, goal, service, colour, rows, onExit, notice}: ReplayScreenProps): React.JSX.Element {
	const last = session.moves.length;
	const [k, setK] = useSyncState(last);
	const [diagram, setDiagram] = useState(false);
	useInput(
		(input, key) => {
			if (key.escape || input === 'q') onExit();
			else if (key.rightArrow) setK(i => Math.min(last, i + 1));
			else if (key.leftArrow) setK(i => Math.max(start, i - 1));
			else if (key.home) setK(start);
			else if (key.end) setK(last);
			else if (input === 'm') setDiagram(true);
		},
		{isActive: !diagram},
	);
	const shown: Session = {...session, configs: session.configs.slice(0, k + 1), moves: session.moves.slice(0, k), undone: []};
	// Every step of the run, analysed in the background so the timeline fills in.
	const keys = useMemo(() => Array.from({length: last - start + 1}, (_, i) => positionKey(session, start + i)), [session, start, last]);
	const analysis = useAnalysis(service, shown, undefined, {fill: keys});
	const spinner = useSpinner(analysis.busy);
	const layout = useMemo(() => layoutRun(session.configs[0]!, session.moves), [session]);
	const reportAt = (i: number) => analysis.reportFor(keys[i - start] ?? positionKey(session, i));
	const cells = runCells({configs: session.configs, moves: session.moves, start, reportAt, ...(goal ? {goal} : {})});
	if (diagram && layout.ok) {
		const labels = session.configs.map((_, i) => (i >= start ? reportAt(i)?.now.label : undefined));
		return <SpaceTimeView title={title} layout={layout.value} labels={labels} start={start} focus={k} rows={rows} colour={colour} onClose={() => setDiagram(false)} />;
	}

	const config = shown.configs.at(-1)!;
	// The title and the step on one line where they fit, else the step on a line of its own.
	const move = k > start ? formatMove(config.setup, session.moves[k - 1]!) : '(the start)';
	const step = `step ${k - start}/${last - start}: ${move}`;
	const header = ` REPLAY  ${title}   ${step}`;
	const headerLines = header.length <= 79 ? [header] : [` REPLAY  ${title}`, ` ${step}`];
	const noticeRows = notice ? Math.min(3, wrapWords(notice, 78).length) : 0;
	const bodyRows = Math.max(4, rows - 10 - noticeRows - (headerLines.length - 1));
	return (
		<Box flexDirection="column" width={80}>
			{headerLines.map(line => (
				<Text key={line} bold wrap="truncate">
					{line}
				</Text>
			))}
			<Text dimColor>{'─'.repeat(78)}</Text>
			<Box height={bodyRows}>
				<Nodes config={config} colour={colour} rows={bodyRows} />
				<Box marginLeft={1} flexGrow={1}>
					<Pool config={config} cursor={-1} target={-1} previews={analysis.report?.previews} hints rows={bodyRows} colour={colour} />
				</Box>
			</Box>
			<Text dimColor>{'─'.repeat(78)}</Text>
			<TimelineStrip cells={cells} focus={k - start} colour={colour} />
			<VerdictLine verdict={analysis.report?.now} colour={colour} busy={analysis.busy} spinner={spinner} states={analysis.states} over={isQuiescent(config)} />
			{notice ? (
				<Box height={noticeRows}>
					<Text wrap="wrap" color={colour ? 'yellow' : undefined}>
						{notice}
					</Text>
				</Box>
			) : null}
			<Text dimColor>{' [←→] step [home/end] first/last [m] space-time diagram [esc] back'}</Text>
		</Box>
	);
}
