/** The play screen's keys. */
import {Box, Text, useInput} from 'ink';
import React from 'react';

export function KeysHelp({onClose}: {readonly onClose: () => void}): React.JSX.Element {
	useInput(() => onClose());
	const keys = [
		['↑ ↓', 'pick a pending message'],
		['enter', 'deliver it'],
		['c', 'corrupt a node (crash, lie, byzantine: as the level allows)'],
		['b', 'make a byzantine node send (strategies or one message)'],
		['t / o', 'make the picked message the target / back to the oldest'],
		['u / r', 'undo / redo'],
		['w', 'witness runs for the current label; step one (m diagram, s save)'],
		['m', 'the space-time diagram of the run, the picked message on its way'],
		['h', 'hints on/off (previews; ⚠split/stuck/invalid, short ⚠spl/stk/inv)'],
		['p', 'show the proof: Lemma 2 at this position, X, Y and the diamond'],
		['l', 'the Lemma 1 ladder X_0 … X_n (Lemma 1 levels and the sandbox)'],
		['d', 'the diamond: press on two messages to see both orders'],
		['i', 'a hint: the move the proof’s strategy would make, and why'],
		['x / a', 'stop a long search / keep searching, with twice the budget'],
		['s', 'save the game to a file'],
		['q / esc', 'back to the menu'],
	];
	return (
		<Box flexDirection="column">
			<Text bold>KEYS</Text>
			{keys.map(([k, what]) => (
				<Text key={k}>{`  ${k!.padEnd(9)}${what}`}</Text>
			))}
			<Text dimColor>(any key to go back)</Text>
		</Box>
	);
}
