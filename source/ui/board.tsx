/** The play screen's board: dumb, everything in by props. */
import {Box, Text} from 'ink';
import React from 'react';
import type {AnalysisLabel} from '../engine/analysis.js';
import {type Configuration, nodeSummary} from '../engine/configuration.js';
import {formatMessage} from '../engine/notation.js';
import type {Preview, Verdict} from '../worker/position.js';
import {type Flags, flagMarks} from '../engine/outcomes.js';
import {CURSOR, TARGET, labelColour, type Colour} from './theme.js';

export const NODES_WIDTH = 29;
/** The pool's column: the board's 80 columns less the nodes' and the rule between them. */
export const POOL_WIDTH = 80 - NODES_WIDTH - 2;

export interface NodesProps {
	readonly config: Configuration;
	readonly colour: boolean;
	/** Rows available; fewer than two a node makes each node one line. */
	readonly rows?: number;
}

/** The rule between the nodes and the pool, `rows` high. */
export function ColumnRule({rows}: {readonly rows: number}): React.JSX.Element {
	return (
		<Box flexDirection="column" marginRight={1}>
			{Array.from({length: rows}, (_, i) => (
				<Text key={i} dimColor>
					│
				</Text>
			))}
		</Box>
	);
}

/** One row per node: input, state summary, corruption, output. */
export function Nodes({config, colour, rows}: NodesProps): React.JSX.Element {
	const {setup} = config;
	// Two lines a node where they fit, else one (the summary on the same line).
	const compact = rows !== undefined && 2 * setup.n + 1 > rows;
	const summaries = config.nodes.map((node, index) =>
		node.corrupt === 'crash' && !node.started ? 'crashed, never started' : node.started || node.corrupt ? nodeSummary(config, index + 1) : 'not started',
	);
	// A long summary (a real protocol's) takes a second line where the rows allow, instead of being cut.
	const long = (summary: string): boolean => summary.length > NODES_WIDTH - 4;
	const roomy = rows !== undefined && 2 * setup.n + 1 + summaries.filter(long).length <= rows;
	return (
		<Box flexDirection="column" width={NODES_WIDTH} flexShrink={0}>
			<Text bold>NODES</Text>
			{config.nodes.map((node, index) => {
				const i = index + 1;
				const summary = summaries[index]!;
				const output = node.output === null ? '—' : `decided ${node.output}`;
				const tag = node.corrupt ? ` ✗${node.corrupt}` : '';
				return (
					<Box key={i} flexDirection="column">
						<Text wrap="truncate">
							{`${i}  in ${setup.inputs[index]}  `}
							<Text color={colour && node.corrupt ? 'red' : undefined}>{tag ? `${tag.trim()} ` : ''}</Text>
							<Text color={colour && node.output !== null ? labelColour(String(node.output) as AnalysisLabel) : undefined}>{output}</Text>
							{compact ? <Text dimColor>{`  ${summary}`}</Text> : null}
						</Text>
						{compact ? null : roomy && long(summary) ? (
							<Box paddingLeft={3} height={2}>
								<Text wrap="wrap" dimColor>
									{summary}
								</Text>
							</Box>
						) : (
							<Text wrap="truncate" dimColor>{`   ${summary}`}</Text>
						)}
					</Box>
				);
			})}
		</Box>
	);
}

export interface PoolProps {
	readonly config: Configuration;
	readonly cursor: number;
	/** Index of the target in the pool, or -1. */
	readonly target: number;
	/** Previews by pool index, when known and hints are on. */
	readonly previews: readonly Preview[] | undefined;
	readonly hints: boolean;
	readonly rows: number;
	readonly colour: boolean;
}

/** The pending messages, oldest first, with age, cursor, target and previews. */
export function Pool({config, cursor, target, previews, hints, rows, colour}: PoolProps): React.JSX.Element {
	const {pool, setup} = config;
	const visible = Math.max(1, rows - 1);
	const first = Math.min(Math.max(0, cursor - Math.floor(visible / 2)), Math.max(0, pool.length - visible));
	const shown = pool.slice(first, first + visible);
	const names = pool.map(entry => formatMessage(setup, entry.message));
	const nameWidth = Math.max(0, ...names.map(name => name.length)) + 1;
	// The stall column (Lemma 2 at work): the target's starred label after each other message
	// (amb* for ambiguous*, to leave room for the flags).
	const stallColumn = hints && target >= 0 && (previews ?? []).some(preview => preview.then !== undefined);
	// The marks' widest form that fits every row: in words, short (⚠stk,inv), or short with one
	// space less after the ages (judged on the previews in: a row without one shows no marks).
	const widest = Math.max(0, ...pool.map(entry => String(entry.age).length)) + 2;
	const before = 3 + nameWidth + widest + (stallColumn ? 16 : 11);
	const marksOf = (flags: Flags): {full: string; short: string} => ({full: flagMarks(flags), short: flagMarks(flags, true)});
	const longest = (pick: 'full' | 'short'): number => Math.max(0, ...(previews ?? []).map(preview => marksOf(preview.flags)[pick].length));
	const form: 'full' | 'short' = before + 2 + longest('full') <= POOL_WIDTH ? 'full' : 'short';
	const ageWidth = widest + (form === 'full' || before + 2 + longest('short') <= POOL_WIDTH ? 2 : 1);
	return (
		// The rest of the board's width and no more, so a row too long is cut (…), not wrapped.
		<Box flexDirection="column" flexGrow={1} flexShrink={1} flexBasis={0} minWidth={0}>
			<Text bold wrap="truncate">
				{/* Where the pool has more rows than shown: which are shown (with the stall column, in short). */}
				{stallColumn
					? (pool.length > visible ? `POOL ${first + 1}-${first + shown.length}/${pool.length}` : 'POOL (age)').padEnd(3 + nameWidth + ageWidth)
					: `POOL (age)${pool.length > visible ? ` ${first + 1}-${first + shown.length} of ${pool.length}` : ''}`}
				{hints ? <Text dimColor>{stallColumn ? `${'after it'.padEnd(10)}then ${TARGET}` : '   if delivered now'}</Text> : null}
			</Text>
			{pool.length === 0 ? <Text dimColor>  (empty: the run is quiescent)</Text> : null}
			{shown.map((entry, offset) => {
				const index = first + offset;
				const preview = previews?.[index];
				const isTarget = index === target;
				const name = names[index]!;
				const label = preview ? `${preview.label}${isTarget ? '*' : ''}` : '…';
				const then = preview?.then === undefined ? (isTarget ? '' : '…') : `${preview.then === 'ambiguous' ? 'amb' : preview.then === 'unknown' ? '?' : preview.then}*`;
				const marks = preview ? marksOf(preview.flags)[form] : '';
				const colourOf = (c: Colour): Colour => (colour ? c : undefined);
				return (
					<Text key={entry.id} wrap="truncate" inverse={index === cursor}>
						{index === cursor ? CURSOR : ' '}
						{isTarget ? TARGET : ' '}
						{` ${name.padEnd(nameWidth)}${`(${entry.age})`.padEnd(ageWidth)}`}
						{hints ? <Text color={colourOf(preview ? labelColour(preview.label) : 'gray')}>{label.padEnd(stallColumn ? 10 : 11)}</Text> : null}
						{stallColumn ? <Text color={colourOf(preview?.then ? labelColour(preview.then) : 'gray')}>{then.padEnd(6)}</Text> : null}
						{hints && marks ? <Text color={colourOf('red')}>{marks}</Text> : null}
					</Text>
				);
			})}
		</Box>
	);
}

export interface VerdictLineProps {
	readonly verdict: Verdict | undefined;
	readonly colour: boolean;
	readonly busy: boolean;
	readonly spinner: string;
	readonly states: number;
	/** Milliseconds the running search had run at its last progress report. */
	readonly elapsedMs?: number;
	/** The run is over (the pool is empty): a property that fails is broken, no longer breakable. */
	readonly over?: boolean;
}

/** "1,234,567 states, 250,000/s, 4.9 s": how a running search is getting on. */
export function progressText(states: number, elapsedMs: number): string {
	if (states <= 0) return '';
	const rate = elapsedMs > 0 ? `, ${Math.round((states * 1000) / elapsedMs).toLocaleString('en-US')}/s, ${(elapsedMs / 1000).toFixed(1)} s` : '';
	return `${states.toLocaleString('en-US')} states${rate} `;
}

const property = (name: string, broken: boolean, complete: boolean, over: boolean): string =>
	`${name}: ${broken ? (over ? 'broken' : 'breakable') : complete ? 'holds' : '?'}`;

/**
 * " NOW ambiguous agreement: breakable  validity: breakable  termination: breakable": 80
 * characters at most, the board's width.
 */
export function VerdictLine({verdict, colour, busy, spinner, states, elapsedMs = 0, over = false}: VerdictLineProps): React.JSX.Element {
	// Searching, with nothing certain to show yet: the progress line.
	if (!verdict || (busy && !verdict.complete)) {
		return (
			<Text wrap="truncate">
				<Text bold>{' NOW '}</Text>
				<Text color={colour ? 'gray' : undefined}>{`${spinner} ${verdict ? 'searching longer' : 'analysing'}… ${progressText(states, elapsedMs)}[x] stop`}</Text>
			</Text>
		);
	}

	const {label, flags, complete} = verdict;
	if (!complete) {
		return (
			<Text wrap="truncate">
				<Text bold>{' NOW '}</Text>
				<Text bold color={colour ? labelColour(label) : undefined}>{label.padEnd(10)}</Text>
				{`cut short; found so far: ${verdict.outcomes.length > 0 ? verdict.outcomes.join(', ') : 'nothing'}`}
				{busy ? ` ${spinner}` : ''}
			</Text>
		);
	}

	return (
		<Text wrap="truncate">
			<Text bold>{' NOW '}</Text>
			<Text bold color={colour ? labelColour(label) : undefined}>{label.padEnd(10)}</Text>
			{property('agreement', flags.agreement, complete, over)}
			{'  '}
			{property('validity', flags.validity, complete, over)}
			{'  '}
			{property('termination', flags.termination, complete, over)}
			{busy ? ` ${spinner}` : ''}
		</Text>
	);
}
