/** The live board of `flp results watch`: the ranking, redrawn as result files arrive. */
import {Box, Text, useApp, useInput} from 'ink';
import React, {useEffect, useState} from 'react';
import type {Scan} from '../commands/results-watch.js';
import {escapeControls} from '../challenge/result.js';

export interface WatchScreenProps {
	readonly title: string;
	readonly dir: string;
	readonly levels: number;
	readonly rows: number;
	/** Look at the directory again. */
	readonly scan: () => Scan;
	readonly everyMs?: number;
	/** Time of day, for "updated hh:mm:ss". */
	readonly clock?: () => Date;
	readonly onExit?: () => void;
}

export function WatchScreen({title, dir, levels, rows, scan, everyMs = 1000, clock = () => new Date(), onExit}: WatchScreenProps): React.JSX.Element {
	const {exit} = useApp();
	const [state, setState] = useState<{scan: Scan; at: Date}>(() => ({scan: scan(), at: clock()}));
	useEffect(() => {
		const timer = setInterval(() => setState({scan: scan(), at: clock()}), everyMs);
		return () => clearInterval(timer);
		// One timer for the screen's life: scan and clock are fixed when it opens.
	}, []);
	useInput((input, key) => {
		if (input === 'q' || key.escape || (key.ctrl && input === 'c')) {
			onExit?.();
			exit();
		}
	});
	const {rows: board, checked, problem} = state.scan;
	const names = board.map(r => escapeControls(r.player));
	const width = Math.min(30, Math.max(6, ...names.map(n => n.length)));
	const room = Math.max(3, rows - 8);
	return (
		<Box flexDirection="column" width={80}>
			<Box>
				<Text bold wrap="truncate">{` LIVE BOARD  ${escapeControls(title)}`}</Text>
				<Box flexGrow={1} />
				<Text>{`updated ${state.at.toTimeString().slice(0, 8)} `}</Text>
			</Box>
			<Text dimColor wrap="truncate">{` ${escapeControls(dir)}: ${checked.accepted.length} verified, ${checked.rejected.length} rejected`}</Text>
			<Text dimColor>{'─'.repeat(78)}</Text>
			<Text>{` rank  ${'player'.padEnd(width)}  score  solved  time (s)`}</Text>
			{board.slice(0, room).map((r, i) => (
				<Text key={i} wrap="truncate">{` ${String(r.rank).padStart(4)}  ${names[i]!.slice(0, width).padEnd(width)}  ${String(r.score).padStart(5)}  ${`${r.solved}/${levels}`.padStart(6)}  ${r.seconds.toFixed(1).padStart(8)}${r.unfinished ? '  playing' : ''}`}</Text>
			))}
			{board.length > room ? <Text dimColor>{` … and ${board.length - room} more`}</Text> : null}
			{board.length === 0 ? <Text dimColor> No verified result yet.</Text> : null}
			<Text dimColor>{'─'.repeat(78)}</Text>
			{problem ? <Text wrap="truncate">{` ${problem}`}</Text> : null}
			{checked.rejected.slice(0, 2).map((r, i) => (
				<Text key={i} wrap="truncate">{` REJECTED ${escapeControls(r.path)}: ${escapeControls(r.reason)}`}</Text>
			))}
			<Text dimColor> q quit (flp results board gives the final ranking)</Text>
		</Box>
	);
}
