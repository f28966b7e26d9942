import {Box, Text} from 'ink';
import React from 'react';
import {SelectList} from './select-list.js';

export type MenuChoice = 'campaign' | 'challenge' | 'replay' | 'sandbox' | 'watch' | 'help' | 'quit';

export interface MainMenuProps {
	readonly onChoose: (choice: MenuChoice) => void;
	/** A line under the title (e.g. progress, or a message from the last screen). */
	readonly notice?: string;
	/** The choice the cursor starts on (the last one made). */
	readonly last?: MenuChoice;
}

const ITEMS: ReadonlyArray<{label: string; detail: string; value: MenuChoice}> = [
	{label: 'Campaign', detail: 'levels that walk through the proof and each protocol’s flaw', value: 'campaign'},
	{label: 'Challenge', detail: 'a timed classroom challenge from a file', value: 'challenge'},
	{label: 'Replay a file', detail: 'step through a saved game', value: 'replay'},
	{label: 'Sandbox', detail: 'any protocol, any inputs, free play', value: 'sandbox'},
	{label: 'Watch the proof', detail: 'the engine plays the FLP adversary, move by move', value: 'watch'},
	{label: 'How to play', detail: 'the model, the moves, the labels', value: 'help'},
	{label: 'Quit', detail: '', value: 'quit'},
];

export function MainMenu({onChoose, notice, last}: MainMenuProps): React.JSX.Element {
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>FLP ADVERSARY</Text>
			<Text>You are the network. Keep consensus from ever happening.</Text>
			<Text dimColor>{notice ?? ' '}</Text>
			<Text> </Text>
			<SelectList title="" initial={ITEMS.findIndex(item => item.value === last)} rows={ITEMS.length} items={ITEMS.map(item => ({...item, label: item.label.padEnd(16)}))} onSelect={onChoose} onCancel={() => onChoose('quit')} />
		</Box>
	);
}
