/**
 * The Lemma 1 ladder: X_0 … X_n with their labels, the pivot pair X_{i-1}, X_i marked, and the
 * two runs the proof uses there side by side (from X_{i-1}, and the same run from X_i with node i
 * hiding its input), with X_i's own run to 1; or the assumption the protocol breaks, with its run.
 * The argument's steps are revealed one at a time (→ / ←). Dumb: the answer in, callbacks out.
 */
import {Box, Text, useInput} from 'ink';
import React, {useState} from 'react';
import type {LadderAnswer, RunAnswer} from '../worker/proof.js';
import {Steps} from './proof-view.js';
import {labelColour} from './theme.js';

export interface LadderViewProps {
	readonly answer: LadderAnswer | undefined;
	readonly error?: string;
	/** "wait-all  n=3 f=1  allow: lie", under the title. */
	readonly facts: string;
	readonly colour: boolean;
	readonly rows: number;
	readonly onClose: () => void;
	readonly isActive?: boolean;
}

/** Moves joined with "; ", wrapped at word boundaries into at most `lines` lines of `width`. */
export function wrapMoves(moves: readonly string[], width: number, lines: number): string[] {
	const out: string[] = [];
	let line = '';
	for (const [k, move] of moves.entries()) {
		const word = move + (k < moves.length - 1 ? ';' : '');
		if (line.length > 0 && line.length + 1 + word.length > width) {
			out.push(line);
			line = '';
		}

		line = line.length > 0 ? `${line} ${word}` : word;
	}

	if (line.length > 0) out.push(line);
	if (out.length <= lines) return out;
	const kept = out.slice(0, lines);
	kept[lines - 1] = `${kept[lines - 1]!.slice(0, width - 2)} …`;
	return kept;
}

function hidingText(answer: LadderAnswer, pivot: number): [string, string] {
	switch (answer.hiding) {
		case 'lie':
			return ['all honest', `node ${pivot} lies (input 0)`];
		case 'byzantine':
			return ['all honest', `node ${pivot} byzantine, sends the same`];
		case 'crash':
			return [`node ${pivot} silent`, `node ${pivot} silent`];
		default:
			return ['all honest', 'all honest'];
	}
}

export function LadderView({answer, error, facts, colour, rows, onClose, isActive = true}: LadderViewProps): React.JSX.Element {
	const [shown, setShown] = useState(1);
	const steps = answer?.steps ?? [];
	useInput(
		(input, key) => {
			if (key.escape || input === 'q') onClose();
			else if (key.rightArrow || input === ' ') setShown(k => Math.min(steps.length, k + 1));
			else if (key.leftArrow) setShown(k => Math.max(1, k - 1));
			else if (key.end) setShown(steps.length);
		},
		{isActive},
	);
	const rule = <Text dimColor>{'─'.repeat(78)}</Text>;
	const pivot = answer?.pivot;
	const failed = answer?.failure?.rung;
	// The runs take the rows they need, as far as the screen allows; the steps keep at least 3.
	const top = 2 + (answer?.rungs.length ?? 1) + (error ? 1 : 0);
	const bottom = 3 + 3;
	const wide = Number.POSITIVE_INFINITY;
	const both = answer && pivot !== undefined && answer.left && answer.right ? {left: answer.left, right: answer.right} : undefined;
	const toOne = both && answer?.toOne ? answer.toOne : undefined;
	const toOneAll = toOne ? wrapMoves([`${toOne.from}, its own run: ${toOne.moves[0] ?? ''}`, ...toOne.moves.slice(1)], 78, wide) : [];
	let runLines = 0;
	let oneLines = 0;
	let runRows = 0;
	if (both) {
		const fixed = 3 + (toOne ? 1 : 0);
		const avail = Math.max(2, rows - top - bottom - fixed);
		const needed = Math.max(wrapMoves(both.left.moves, 37, wide).length, wrapMoves(both.right.moves, 37, wide).length);
		oneLines = toOne ? Math.max(1, Math.min(toOneAll.length, avail - Math.min(needed, avail - 1))) : 0;
		runLines = Math.max(1, Math.min(needed, avail - oneLines));
		runRows = fixed + runLines + oneLines;
	} else if (answer?.failure?.run) {
		const avail = Math.max(1, rows - top - bottom - 3);
		runLines = Math.max(1, Math.min(wrapMoves(answer.failure.run.moves, 76, wide).length, avail));
		runRows = 3 + runLines;
	}

	const column = (title: string, run: RunAnswer): React.JSX.Element => (
		<Box flexDirection="column" width={38} flexShrink={0}>
			<Text bold wrap="truncate">{`${run.from}, ${title}`}</Text>
			{wrapMoves(run.moves, 37, runLines).map((line, i) => (
				<Text key={i} wrap="truncate">
					{line}
				</Text>
			))}
			<Text wrap="truncate">{`→ ${run.decisions}`}</Text>
		</Box>
	);
	let runs: React.JSX.Element | null = null;
	if (answer && pivot !== undefined && both) {
		const [leftTitle, rightTitle] = hidingText(answer, pivot);
		runs = (
			<>
				<Box>
					{column(leftTitle, both.left)}
					<Box flexDirection="column" marginRight={1}>
						{Array.from({length: runLines + 2}, (_, i) => (
							<Text key={i} dimColor>
								│
							</Text>
						))}
					</Box>
					{column(rightTitle, both.right)}
				</Box>
				{toOne
					? wrapMoves([`${toOne.from}, its own run: ${toOne.moves[0] ?? ''}`, ...toOne.moves.slice(1)], 78, oneLines).map((line, i) => (
							<Text key={`one-${i}`} wrap="truncate">
								{line}
							</Text>
						))
					: null}
				{toOne ? <Text wrap="truncate">{`→ ${toOne.decisions}`}</Text> : null}
			</>
		);
	} else if (answer?.failure?.run) {
		const run = answer.failure.run;
		runs = (
			<Box flexDirection="column">
				<Text bold wrap="truncate">{`${run.from}: a run that breaks ${answer.failure.assumption}`}</Text>
				{wrapMoves(run.moves, 76, runLines).map((line, i) => (
					<Text key={i} wrap="truncate">
						{line}
					</Text>
				))}
				<Text wrap="truncate">{`→ ${run.decisions} (${run.outcomes.join(', ')})`}</Text>
			</Box>
		);
	}

	const stepRows = Math.max(3, rows - top - runRows - 3);
	return (
		<Box flexDirection="column" width={80}>
			<Text bold wrap="truncate">{` LEMMA 1: THE LADDER  ${facts}`}</Text>
			{rule}
			{error ? <Text wrap="wrap">{` ${error}`}</Text> : null}
			{!answer && !error ? <Text dimColor> labelling X_0 … X_n…</Text> : null}
			{answer?.rungs.map(rung => {
				const inPair = pivot !== undefined && (rung.i === pivot || rung.i === pivot - 1);
				const note =
					rung.i === failed
						? `✗ ${answer.failure!.assumption} fails here`
						: rung.i === pivot
							? `pivot pair: X_${rung.i - 1}, X_${rung.i} differ in node ${rung.i}'s input`
							: rung.i === answer.ambiguous
								? 'the first ambiguous X_i'
								: '';
				return (
					<Text key={rung.i} wrap="truncate">
						{` ${inPair ? '◆' : ' '} X_${rung.i}  ${rung.inputs}  `}
						<Text bold color={colour ? labelColour(rung.label) : undefined}>
							{rung.label.padEnd(11)}
						</Text>
						<Text dimColor>{note}</Text>
					</Text>
				);
			})}
			{runs ? rule : null}
			{runs}
			{rule}
			<Steps steps={steps} shown={shown} rows={stepRows} />
			{rule}
			<Text dimColor wrap="truncate">{` step ${Math.min(shown, steps.length)}/${steps.length}  [→/space] next step [←] back [esc] back`}</Text>
		</Box>
	);
}
