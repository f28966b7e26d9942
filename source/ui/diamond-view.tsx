/**
 * The diamond, side by side: the configuration after m then m′ next to the one after m′ then m,
 * the nodes that differ marked, and the case it illustrates (Figure 3 of the proof). Dumb: the
 * answer in, Esc out.
 */
import {Box, Text, useInput} from 'ink';
import React from 'react';
import type {DiamondAnswer} from '../worker/proof.js';
import {labelColour} from './theme.js';

export const CASE_TITLES: Record<DiamondAnswer['case'], string> = {
	'case-1': 'Case 1 (r ≠ r′): two recipients, one configuration',
	'case-2-hidden': 'Case 2 (r = r′): the recipient is faulty and hides the order',
	'case-2-same': 'Case 2 (r = r′): one recipient, yet the same configuration',
	'case-2-differs': 'Case 2 (r = r′): only the recipient saw the order; it differs',
};

export interface DiamondPanelProps {
	readonly answer: DiamondAnswer;
	readonly colour: boolean;
	/** Names for the two ends (default "m then m′" and "m′ then m"). */
	readonly names?: readonly [string, string];
}

/** The two ends side by side: a header line per side, then one line per node (≠ where it differs). */
export function DiamondPanel({answer, colour, names}: DiamondPanelProps): React.JSX.Element {
	const side = (title: string, lines: DiamondAnswer['left']): React.JSX.Element => (
		<Box flexDirection="column" width={39} flexShrink={0}>
			<Text wrap="truncate">
				<Text bold>{title}</Text>
				{lines.label ? (
					<>
						{'  → '}
						<Text bold color={colour ? labelColour(lines.label) : undefined}>
							{lines.label}
						</Text>
					</>
				) : null}
			</Text>
			{lines.nodes.map((line, index) => (
				<Text key={index} wrap="truncate" color={colour && answer.differences.includes(index + 1) ? 'magenta' : undefined}>
					{`${answer.differences.includes(index + 1) ? '≠' : ' '}${line}`}
				</Text>
			))}
		</Box>
	);
	return (
		<Box>
			{side(names?.[0] ?? `${answer.m} then ${answer.mm}`, answer.left)}
			<Box flexDirection="column" marginRight={1}>
				{Array.from({length: answer.left.nodes.length + 1}, (_, i) => (
					<Text key={i} dimColor>
						│
					</Text>
				))}
			</Box>
			{side(names?.[1] ?? `${answer.mm} then ${answer.m}`, answer.right)}
		</Box>
	);
}

export interface DiamondViewProps {
	/** The diamond, or undefined while it is worked out. */
	readonly answer: DiamondAnswer | undefined;
	/** Why there is no diamond, if there is none. */
	readonly error?: string;
	readonly colour: boolean;
	readonly onClose: () => void;
	/** Whether the view takes keys (false while another part of the screen has them). */
	readonly isActive?: boolean;
}

export function DiamondView({answer, error, colour, onClose, isActive = true}: DiamondViewProps): React.JSX.Element {
	useInput(
		(input, key) => {
			if (key.escape || input === 'q' || key.return) onClose();
		},
		{isActive},
	);
	const rule = <Text dimColor>{'─'.repeat(78)}</Text>;
	return (
		<Box flexDirection="column" width={80}>
			<Text bold wrap="truncate">{answer ? ` THE DIAMOND  m = ${answer.m}, m′ = ${answer.mm}` : ' THE DIAMOND'}</Text>
			{rule}
			{error ? <Text wrap="wrap">{` ${error}`}</Text> : null}
			{!answer && !error ? <Text dimColor> working out both orders…</Text> : null}
			{answer ? (
				<>
					<DiamondPanel answer={answer} colour={colour} />
					{rule}
					<Text bold wrap="wrap">{` ${CASE_TITLES[answer.case]}${answer.same && answer.case === 'case-2-hidden' ? ': the same configuration' : ''}`}</Text>
					<Box flexDirection="column" paddingLeft={1}>
						{answer.sentences.map((sentence, i) => (
							<Text key={i} wrap="wrap">
								{sentence}
							</Text>
						))}
					</Box>
				</>
			) : null}
			{rule}
			<Text dimColor> ≠ marks a node whose state differs. [esc] back</Text>
		</Box>
	);
}
