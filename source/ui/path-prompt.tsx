/** Ask for a file path (dumb: text in, callbacks out). */
import {Box, Text} from 'ink';
import React from 'react';
import {useTextInput} from './use-text-input.js';

export interface PathPromptProps {
	readonly title: string;
	readonly initial?: string;
	readonly notice?: string;
	/** What stands before the text (default "File: "). */
	readonly label?: string;
	readonly onSubmit: (path: string) => void;
	readonly onCancel: () => void;
}

export function PathPrompt({title, initial = '', notice, label = 'File: ', onSubmit, onCancel}: PathPromptProps): React.JSX.Element {
	const {text: path} = useTextInput(initial, onSubmit, onCancel);
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>{title}</Text>
			<Text> </Text>
			<Text>
				{label}
				{path}
				<Text inverse> </Text>
			</Text>
			<Text> </Text>
			{notice ? <Text wrap="wrap">{notice}</Text> : null}
			<Text dimColor>[enter] go on [esc] back</Text>
		</Box>
	);
}
