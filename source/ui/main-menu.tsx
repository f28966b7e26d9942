import {Box, Text, useInput} from 'ink';
import React, {useState} from 'react';
import {SelectList} from './select-list.js';

export type MenuChoice = 'continue' | 'campaign' | 'challenge' | 'replay' | 'sandbox' | 'watch' | 'help' | 'quit';

export interface MainMenuProps {
	readonly onChoose: (choice: MenuChoice) => void;
	/** A line under the title (e.g. progress, or a message from the last screen). */
	readonly notice?: string;
	/** The choice the cursor starts on (the last one made). */
	readonly last?: MenuChoice;
	/** What Continue would open (an autosaved game); no Continue without one. */
	readonly continuing?: string;
}

const ITEMS: ReadonlyArray<{label: string; detail: string; value: MenuChoice}> = [
	{label: 'Campaign', detail: 'the proof, lemma by lemma, and each protocol’s flaw', value: 'campaign'},
	{label: 'Challenge', detail: 'a timed classroom challenge from a file', value: 'challenge'},
	{label: 'Replay a file', detail: 'step through a saved game', value: 'replay'},
	{label: 'Sandbox', detail: 'any protocol, any inputs, free play', value: 'sandbox'},
	{label: 'Watch the proof', detail: 'the engine plays the FLP adversary, move by move', value: 'watch'},
	{label: 'How to play', detail: 'the model, the moves, the labels', value: 'help'},
	{label: 'Quit', detail: '', value: 'quit'},
];

export function MainMenu({onChoose, notice, last, continuing}: MainMenuProps): React.JSX.Element {
	const items = continuing ? [{label: 'Continue', detail: continuing, value: 'continue' as const}, ...ITEMS] : ITEMS;
	// Esc is "back" on every other screen: here it asks first, so a habitual Esc does not quit.
	const [asking, setAsking] = useState(false);
	useInput(
		(input, key) => {
			if (input === 'y' || input === 'Y') onChoose('quit');
			else if (input === 'n' || input === 'N' || key.escape) setAsking(false);
		},
		{isActive: asking},
	);
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>FLP ADVERSARY</Text>
			<Text>You are the network. Keep consensus from ever happening.</Text>
			<Text dimColor>{notice ?? ' '}</Text>
			<Text> </Text>
			<SelectList title="" initial={Math.max(0, items.findIndex(item => item.value === last))} rows={items.length} items={items.map(item => ({...item, label: item.label.padEnd(16)}))} onSelect={onChoose} onCancel={how => (how === 'q' ? onChoose('quit') : setAsking(true))} isActive={!asking} footer={asking ? 'Quit flp? [y] yes  [n] no' : '[↑↓] choose [enter] do it [q] quit'} />
		</Box>
	);
}
