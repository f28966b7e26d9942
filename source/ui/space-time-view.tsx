/**
 * The space-time diagram of a run, full screen: lanes per node, time downward, one row per
 * move (source/diagram/text.ts draws the rows). Scrolls with ↑/↓, PgUp/PgDn, Home/End; starts
 * at the end of the run. Colours only repeat what the shapes say.
 */
import {Box, Text, useInput} from 'ink';
import React, {useState} from 'react';
import type {AnalysisLabel} from '../engine/analysis.js';
import type {RunLayout} from '../diagram/layout.js';
import {type Ink, type Row, TEXT_LEGEND, diagramRows, headerRows} from '../diagram/text.js';
import {type Colour, labelColour} from './theme.js';

export interface SpaceTimeViewProps {
	readonly title: string;
	readonly layout: RunLayout;
	/** labels[s]: the label at step s of the run, where known. */
	readonly labels?: readonly (AnalysisLabel | undefined)[];
	/** The step the player's part starts at (a level's setup comes before). */
	readonly start?: number;
	/** The step to show first (default: the end of the run). */
	readonly focus?: number;
	/** Rows of the terminal the view may use. */
	readonly rows: number;
	readonly colour: boolean;
	readonly onClose: () => void;
	/** Whether the view takes keys (false while something else on screen does). */
	readonly isActive?: boolean;
}

/** Lines the view uses besides the diagram's rows: title, two header rows, legend, keys. */
export const FRAME_LINES = 6;

function colourOf(ink: Ink): Colour {
	switch (ink) {
		case 'corrupt':
		case 'byzantine':
			return 'red';
		case 'start':
			return 'cyan';
		case 'pending':
			return 'magenta';
		case 'decide-0':
			return labelColour('0');
		case 'decide-1':
			return labelColour('1');
		default:
			return ink.startsWith('label-') ? labelColour(ink.slice(6) as AnalysisLabel) : undefined;
	}
}

function RowLine({row, colour}: {readonly row: Row; readonly colour: boolean}): React.JSX.Element {
	return (
		<Text wrap="truncate">
			{row.map((piece, i) => (
				<Text key={i} dimColor={piece.ink === 'dim'} color={colour ? colourOf(piece.ink) : undefined}>
					{piece.text}
				</Text>
			))}
		</Text>
	);
}

/** The row of the step being shown, marked `▸` in its step column. */
const marked = (row: Row): Row => [{text: `▸${row[0]!.text.slice(1)}`, ink: 'text'}, ...row.slice(1)];

export function SpaceTimeView({title, layout, labels, start, focus, rows, colour, onClose, isActive = true}: SpaceTimeViewProps): React.JSX.Element {
	const all = diagramRows(layout, {...(labels ? {labels} : {}), ...(start === undefined ? {} : {start})});
	const visible = Math.max(1, rows - FRAME_LINES);
	const lastTop = Math.max(0, all.length - visible);
	const initialTop = focus === undefined ? lastTop : Math.min(lastTop, Math.max(0, focus - Math.floor(visible / 2)));
	const [top, setTop] = useState(initialTop);
	const shownTop = Math.min(top, lastTop);
	useInput(
		(input, key) => {
			if (key.escape || input === 'q' || input === 'm') onClose();
			else if (key.upArrow || input === 'k') setTop(t => Math.max(0, Math.min(t, lastTop) - 1));
			else if (key.downArrow || input === 'j') setTop(t => Math.min(lastTop, t + 1));
			else if (key.pageUp) setTop(t => Math.max(0, Math.min(t, lastTop) - visible));
			else if (key.pageDown || input === ' ') setTop(t => Math.min(lastTop, t + visible));
			else if (key.home) setTop(0);
			else if (key.end) setTop(lastTop);
		},
		{isActive},
	);
	const shown = all.slice(shownTop, shownTop + visible);
	const range = all.length > visible ? `rows ${shownTop}-${shownTop + shown.length - 1} of ${all.length - 1}` : '';
	return (
		<Box flexDirection="column" width={80}>
			<Box>
				<Box flexShrink={1}>
					<Text bold wrap="truncate">{` SPACE-TIME  ${title}`}</Text>
				</Box>
				<Box flexGrow={1} />
				<Text dimColor>{range ? `${range} ` : ''}</Text>
			</Box>
			{headerRows(layout).map((row, i) => (
				<RowLine key={`h${i}`} row={row} colour={colour} />
			))}
			{shown.map((row, i) => (
				<RowLine key={shownTop + i} row={shownTop + i === focus ? marked(row) : row} colour={colour} />
			))}
			{Array.from({length: visible - shown.length}, (_, i) => (
				<Text key={`pad${i}`}> </Text>
			))}
			{TEXT_LEGEND.map(line => (
				<Text key={line} dimColor wrap="truncate">
					{line}
				</Text>
			))}
			<Text dimColor wrap="truncate">
				{' ↑↓ scroll  pgup/pgdn page  home/end  m/esc back'}
			</Text>
		</Box>
	);
}
