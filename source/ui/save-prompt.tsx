/** The one-line prompt for a file to save the game to. */
import {Text} from 'ink';
import React from 'react';
import {useTextInput} from './use-text-input.js';

export interface SavePromptProps {
	readonly initial: string;
	readonly onSubmit: (path: string) => void;
	readonly onCancel: () => void;
}

export function SavePrompt({initial, onSubmit, onCancel}: SavePromptProps): React.JSX.Element {
	const path = useTextInput(initial, onSubmit, onCancel);
	return (
		<Text wrap="truncate">
			{' Save to: '}
			{path}
			<Text inverse> </Text>
			<Text dimColor>{'  [enter] save [esc] cancel'}</Text>
		</Text>
	);
}
