/**
 * The play screen's body: the board (nodes, rule, pool), or the overlay open in its place (the
 * corrupt menu, the send menu, the witness list and stepper, the save prompt, the diagram, the
 * keys), and the target line under it. Each overlay takes the keys only while it is shown.
 */
import {Box, Text} from 'ink';
import React from 'react';
import {type Configuration} from '../engine/configuration.js';
import {legalCorruptions} from '../engine/moves.js';
import {formatMessage, formatMove} from '../engine/notation.js';
import {type Session, current, targetOf} from '../engine/session.js';
import {type Move, sameMessage} from '../engine/types.js';
import type {PositionReport} from '../worker/position.js';
import {ColumnRule, Nodes, Pool} from './board.js';
import {KeysHelp} from './keys-help.js';
import {type Mode, type PlayAction} from './play-state.js';
import {type OutcomeRun, outcomeRuns} from './position-text.js';
import {SelectList} from './select-list.js';
import {SendMenu} from './send-menu.js';
import {TARGET, labelColour} from './theme.js';
import {WitnessStepper} from './witness-stepper.js';

/** What each corruption does, in the corrupt menu. */
const BEHAVIOUR_NOTES = {
	crash: 'stops for good; what it sent stays in the pool',
	lie: 'runs the protocol with the opposite input',
	byzantine: 'sends whatever you choose with [b]',
} as const;

export interface BodyProps extends BoardProps {
	readonly mode: Mode;
	/** Save the game followed by a witness run's first k moves (absent where saving is off). */
	readonly saveWitness?: (run: readonly Move[], k: number) => void;
	readonly dispatch: (action: PlayAction) => void;
	/** Back to the board, with a notice or none. */
	readonly close: (notice?: string) => void;
}

/** The board, or the overlay open in its place. */
export function Body({mode, config, session, cursor, hints, report, rows, colour, dispatch, close, saveWitness}: BodyProps): React.JSX.Element {
	const playMoves = (moves: readonly Move[]): void => dispatch({type: 'play', moves});
	switch (mode.kind) {
		case 'corrupt':
			return <CorruptMenu config={config} rows={rows - 2} onPick={move => playMoves([move])} onCancel={() => close()} />;
		case 'send':
			return <SendMenu config={config} rows={rows - 2} onPick={playMoves} onCancel={() => close()} />;
		case 'witnesses':
			return report ? (
				<WitnessList
					config={config}
					report={report}
					rows={rows - 2}
					onPick={({outcome, run}) => dispatch({type: 'mode', mode: {kind: 'step', outcome, run, k: 0}})}
					onCancel={() => close()}
				/>
			) : (
				<Board config={config} session={session} cursor={cursor} hints={hints} report={report} rows={rows} colour={colour} />
			);
		case 'step':
			return (
				<WitnessStepper
					config={config}
					outcome={mode.outcome}
					run={mode.run}
					k={mode.k}
					rows={rows}
					colour={colour}
					onStep={k => dispatch({type: 'mode', mode: {...mode, k}})}
					onPlay={k => playMoves(mode.run.slice(0, k))}
					onCancel={() => dispatch({type: 'mode', mode: {kind: 'witnesses'}})}
					onDiagram={() => dispatch({type: 'mode', mode: {kind: 'diagram', back: mode}})}
					{...(saveWitness ? {onSave: (k: number) => saveWitness(mode.run, k)} : {})}
				/>
			);
		case 'keys':
			return <KeysHelp onClose={() => close()} />;
		case 'board':
		case 'save':
		case 'diagram':
			return <Board config={config} session={session} cursor={cursor} hints={hints} report={report} rows={rows} colour={colour} />;
	}
}

interface BoardProps {
	readonly config: Configuration;
	readonly session: Session;
	readonly cursor: number;
	readonly hints: boolean;
	readonly report: PositionReport | undefined;
	readonly rows: number;
	readonly colour: boolean;
}

/** The nodes on the left, the pool on the right. */
function Board({config, session, cursor, hints, report, rows, colour}: BoardProps): React.JSX.Element {
	const target = targetOf(session);
	return (
		<Box height={rows}>
			<Nodes config={config} colour={colour} rows={rows} />
			<ColumnRule rows={rows} />
			<Pool
				config={config}
				cursor={cursor}
				target={target ? config.pool.indexOf(target) : -1}
				previews={report?.previews}
				hints={hints}
				rows={rows}
				colour={colour}
			/>
		</Box>
	);
}

interface MenuProps<T> {
	readonly config: Configuration;
	readonly rows: number;
	readonly onPick: (value: T) => void;
	readonly onCancel: () => void;
}

/** The corruptions the game allows now, with what each behaviour does. */
function CorruptMenu({config, rows, onPick, onCancel}: MenuProps<Move>): React.JSX.Element {
	const items = legalCorruptions(config).map(move => ({
		label: formatMove(config.setup, move),
		detail: move.kind === 'corrupt' ? BEHAVIOUR_NOTES[move.behaviour] : '',
		value: move,
	}));
	return <SelectList title="CORRUPT A NODE" rows={rows} items={items} onSelect={onPick} onCancel={onCancel} />;
}

/** The witness runs of the current label, one per reachable outcome. */
function WitnessList({config, report, rows, onPick, onCancel}: MenuProps<OutcomeRun['value']> & {readonly report: PositionReport}): React.JSX.Element {
	return (
		<SelectList
			title={`WITNESS RUNS from here (label ${report.now.label}${report.now.complete ? (report.now.witnessesCut ? ', some not found yet: [a] looks on' : '') : ', search cut short'})`}
			rows={rows}
			empty="No run found: the analysis found no outcome yet."
			items={outcomeRuns(config, report)}
			onSelect={onPick}
			onCancel={onCancel}
		/>
	);
}

/** The target, what delivering it now would lead to (its starred label), and a cut-short search. */
export function TargetLine({session, report, colour, show}: {readonly session: Session; readonly report: PositionReport | undefined; readonly colour: boolean; readonly show: 'none' | 'label' | 'full'}): React.JSX.Element {
	const c = current(session);
	const target = targetOf(session);
	const preview = target && show === 'full' ? report?.previews[c.pool.indexOf(target)] : undefined;
	return (
		<Text wrap="truncate">
			{target ? (
				<>
					{` TARGET ${TARGET} ${formatMessage(c.setup, target.message)} → `}
					{preview ? <Text color={colour ? labelColour(preview.label) : undefined}>{`${preview.label}*`}</Text> : <Text dimColor>{show === 'full' ? '…' : '?'}</Text>}
					{session.target && !sameMessage(session.target, c.pool[0]!.message) ? '' : '  (the oldest)'}
				</>
			) : (
				' TARGET none: the pool is empty'
			)}
			{report && !report.now.complete && show !== 'none' ? <Text color={colour ? 'gray' : undefined}>{'   cut short: [a] keep searching'}</Text> : null}
		</Text>
	);
}
