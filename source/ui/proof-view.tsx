/**
 * "Show the proof": the Lemma 2 argument run on the engine's graph at the position on the
 * board. The path from C to the first Y whose starred label differs (X its predecessor), each
 * configuration with the target's starred label; at an adjacent pair, the diamond at X; and the
 * argument's steps, one or two sentences each, revealed one at a time (→ / ←). Dumb: the answer
 * in, callbacks out.
 */
import {Box, Text, useInput} from 'ink';
import React, {useState} from 'react';
import type {AnalysisLabel} from '../engine/analysis.js';
import type {ArgumentAnswer} from '../worker/proof.js';
import {CASE_TITLES, DiamondPanel} from './diamond-view.js';
import {labelColour} from './theme.js';

export interface ProofViewProps {
	readonly answer: ArgumentAnswer | undefined;
	readonly error?: string;
	readonly colour: boolean;
	readonly rows: number;
	readonly onClose: () => void;
	/** Play moves on the board (the stall, then the target); none: no such key. */
	readonly onPlay?: (moves: readonly string[]) => void;
	readonly isActive?: boolean;
}

/** The moves Enter plays: the stall (if one was found) and then the target. */
export function playable(answer: ArgumentAnswer): string[] | undefined {
	if (answer.result === 'now') return [answer.target];
	if (answer.result === 'stall') return [...answer.path.map(step => step.move), answer.target];
	if (answer.result === 'pair' && answer.stall?.status === 'found') return [...answer.stall.moves, answer.target];
	return undefined;
}

/**
 * The argument's steps revealed so far: the earlier ones one line each (dim), the newest in full,
 * in `rows` rows (the earliest dropped first when they do not fit).
 */
export function Steps({steps, shown, rows}: {readonly steps: readonly string[]; readonly shown: number; readonly rows: number}): React.JSX.Element {
	const newest = Math.min(shown, steps.length);
	// Rows a step takes when wrapped whole (a little wide of the mark: words wrap before the edge).
	const rowsOf = (k: number): number => Math.ceil((` ${k}. ${steps[k - 1] ?? ''}`.length + 6) / 77);
	// The newest step, then as many earlier ones as fit above it, each whole.
	let first = newest;
	let used = newest > 0 ? rowsOf(newest) : 0;
	while (first > 1 && used + rowsOf(first - 1) <= rows) {
		first--;
		used += rowsOf(first);
	}

	return (
		<Box flexDirection="column" height={rows} overflow="hidden">
			{steps.slice(first - 1, newest).map((step, i) => (
				<Box key={first + i} paddingLeft={1}>
					<Text dimColor={first + i < newest} wrap="wrap">{`${first + i}. ${step}`}</Text>
				</Box>
			))}
		</Box>
	);
}

export function ProofView({answer, error, colour, rows, onClose, onPlay, isActive = true}: ProofViewProps): React.JSX.Element {
	const [shown, setShown] = useState(1);
	const steps = answer?.steps ?? [];
	const moves = answer ? playable(answer) : undefined;
	useInput(
		(input, key) => {
			if (key.escape || input === 'q') onClose();
			else if (key.rightArrow || input === ' ') setShown(k => Math.min(steps.length, k + 1));
			else if (key.leftArrow) setShown(k => Math.max(1, k - 1));
			else if (key.end) setShown(steps.length);
			else if (key.return && moves && onPlay) onPlay(moves);
		},
		{isActive},
	);
	const rule = <Text dimColor>{'─'.repeat(78)}</Text>;
	const star = (label: AnalysisLabel | undefined): React.JSX.Element => (
		<Text color={colour && label ? labelColour(label) : undefined}>{label ? `${label}*` : '?'}</Text>
	);
	const path = answer?.path ?? [];
	const last = path.length;
	// X is Y's predecessor: the configuration before the last move.
	const role = (k: number): string => {
		if (!answer || (answer.result !== 'stall' && answer.result !== 'pair')) return k === 0 ? 'C' : '';
		if (k === last) return 'Y';
		if (k === last - 1) return k === 0 ? 'C = X' : 'X';
		return k === 0 ? 'C' : '·';
	};

	const pathRows = Math.max(2, Math.min(8, rows - 16));
	// The path's configurations: C, then one per move (the middle elided if too long).
	const indexes = Array.from({length: last + 1}, (_, k) => k);
	const visible = indexes.length <= pathRows ? indexes : [...indexes.slice(0, pathRows - 3), -1, ...indexes.slice(-2)];
	const usedAbove = 4 + visible.length + (answer?.diamond ? answer.diamond.left.nodes.length + 3 : 0);
	const stepRows = Math.max(3, rows - usedAbove - 2);
	return (
		<Box flexDirection="column" width={80}>
			<Text bold wrap="truncate">{` SHOW THE PROOF  Lemma 2 here, target e = ${answer?.target ?? '…'}`}</Text>
			{rule}
			{error ? <Text wrap="wrap">{` ${error}`}</Text> : null}
			{!answer && !error ? <Text dimColor> running the argument on the engine’s graph…</Text> : null}
			{answer
				? visible.map(k =>
						k < 0 ? (
							<Text key="gap" dimColor>
								{'         …'}
							</Text>
						) : (
							<Text key={k} wrap="truncate">
								{` ${role(k).padEnd(6)}`}
								{(k === 0 ? '(the position on the board)' : path[k - 1]!.move).padEnd(30)}
								{'delivering e: '}
								{star(k === 0 ? answer.star : path[k - 1]!.star)}
							</Text>
						),
					)
				: null}
			{answer?.diamond ? (
				<>
					{rule}
					<Text bold wrap="truncate">{` DIAMOND AT X: ${CASE_TITLES[answer.diamond.case]}`}</Text>
					<DiamondPanel answer={answer.diamond} colour={colour} names={['V: e then m′', 'Z: m′ then e']} />
				</>
			) : null}
			{rule}
			<Steps steps={steps} shown={shown} rows={stepRows} />
			{rule}
			<Text dimColor wrap="truncate">
				{` step ${Math.min(shown, steps.length)}/${steps.length}  [→/space] next step [←] back${moves && onPlay ? ' [enter] play it' : ''} [esc] back`}
			</Text>
		</Box>
	);
}
