/** The keys of the screen you are on (`?` anywhere). */
import {Box, Text, useInput} from 'ink';
import React from 'react';

export const SCREEN_KEYS: Record<string, ReadonlyArray<readonly [string, string]>> = {
	menu: [
		['↑ ↓', 'choose'],
		['enter', 'open'],
		['q / esc', 'quit'],
	],
	sandbox: [
		['↑ ↓', 'pick a field'],
		['← →', 'change it'],
		['1-6', 'on Inputs: flip that node’s input'],
		['enter', 'play'],
		['q / esc', 'back to the menu'],
	],
	campaign: [
		['↑ ↓', 'choose a level'],
		['enter', 'read its story'],
		['q / esc', 'back to the menu'],
	],
	intro: [
		['enter', 'play (or choose the inputs, on a Lemma 1 level)'],
		['q / esc', 'back'],
	],
	help: [
		['← →', 'page'],
		['q / esc', 'back to the menu'],
	],
	replay: [
		['← →', 'one move back / forward'],
		['home / end', 'the start / the end'],
		['m', 'the space-time diagram of the run (↑ ↓ scroll, m / esc back)'],
		['q / esc', 'back'],
	],
};

export function KeysScreen({screen, onClose}: {readonly screen: string; readonly onClose: () => void}): React.JSX.Element {
	useInput(() => onClose());
	const keys = SCREEN_KEYS[screen] ?? [];
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>KEYS</Text>
			{keys.map(([key, what]) => (
				<Text key={key}>{`  ${key.padEnd(11)}${what}`}</Text>
			))}
			<Text>{`  ${'?'.padEnd(11)}these keys, on every screen (in a game: all of a game's keys)`}</Text>
			<Text>{`  ${'ctrl-c'.padEnd(11)}quit (a game in progress is saved first)`}</Text>
			<Text> </Text>
			<Text dimColor>(any key to go back)</Text>
		</Box>
	);
}
