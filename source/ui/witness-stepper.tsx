/** Step through a witness run from the current position, board and all. */
import {Box, Text, useInput} from 'ink';
import React, {useMemo, useRef} from 'react';
import type {Configuration} from '../engine/configuration.js';
import {applyLegal} from '../engine/moves.js';
import {formatMove} from '../engine/notation.js';
import {evaluate, outcomesOf} from '../engine/outcomes.js';
import type {Move, Outcome} from '../engine/types.js';
import {Nodes, Pool} from './board.js';

export interface WitnessStepperProps {
	readonly config: Configuration;
	readonly outcome: Outcome;
	readonly run: readonly Move[];
	readonly k: number;
	readonly rows: number;
	readonly colour: boolean;
	readonly onStep: (k: number) => void;
	readonly onPlay: (k: number) => void;
	readonly onCancel: () => void;
	/** m: the space-time diagram of the game and this run so far. */
	readonly onDiagram?: () => void;
	/** s: save the game and this run so far as a file. */
	readonly onSave?: (k: number) => void;
}

export function WitnessStepper({config, outcome, run, k, rows, colour, onStep, onPlay, onCancel, onDiagram, onSave}: WitnessStepperProps): React.JSX.Element {
	const configs = useMemo(() => {
		const list = [config];
		for (const move of run) list.push(applyLegal(list.at(-1)!, move));
		return list;
	}, [config, run]);
	// Several keys may come before the next render: each one steps from where the last one went.
	const at = useRef(k);
	at.current = k;
	const step = (to: number): void => {
		at.current = Math.max(0, Math.min(run.length, to));
		onStep(at.current);
	};

	useInput((input, key) => {
		if (key.escape || input === 'q') onCancel();
		else if (key.rightArrow) step(at.current + 1);
		else if (key.leftArrow) step(at.current - 1);
		else if (key.home) step(0);
		else if (key.end) step(run.length);
		else if (input === 'p' && at.current > 0) onPlay(at.current);
		else if (input === 'm') onDiagram?.();
		else if (input === 's') onSave?.(at.current);
	});
	const shown = configs[k]!;
	const last = k > 0 ? formatMove(config.setup, run[k - 1]!) : '(start: the position you are in)';
	const end = k === run.length ? `  → quiescent, outcome ${outcomesOf(evaluate(shown)).join(', ')}` : '';
	return (
		<Box flexDirection="column" height={rows}>
			<Box height={2}>
				<Text bold wrap="wrap">{`WITNESS for ${outcome}: step ${k}/${run.length}  ${last}${end}`}</Text>
			</Box>
			<Box height={rows - 3}>
				<Nodes config={shown} colour={colour} rows={rows - 3} />
				<Pool config={shown} cursor={-1} target={-1} previews={undefined} hints={false} rows={rows - 3} colour={colour} />
			</Box>
			<Text dimColor wrap="truncate">{`[←→] step${k > 0 ? ` [p] play ${k === 1 ? 'this move' : `these ${k} moves`}` : ''}${onDiagram ? ' [m] diagram' : ''}${onSave ? ' [s] save' : ''} [esc] back`}</Text>
		</Box>
	);
}
