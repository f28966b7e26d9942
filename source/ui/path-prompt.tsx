/** Ask for a file path (dumb: text in, callbacks out). */
import {Box, Text, useInput} from 'ink';
import React from 'react';
import {useSyncState} from './use-sync-state.js';

export interface PathPromptProps {
	readonly title: string;
	readonly initial?: string;
	readonly notice?: string;
	readonly onSubmit: (path: string) => void;
	readonly onCancel: () => void;
}

export function PathPrompt({title, initial = '', notice, onSubmit, onCancel}: PathPromptProps): React.JSX.Element {
	const [path, setPath, pathRef] = useSyncState(initial);
	useInput((input, key) => {
		if (key.escape) onCancel();
		else if (key.return) onSubmit(pathRef.current.trim());
		else if (key.backspace || key.delete) setPath(p => p.slice(0, -1));
		else if (input && !key.ctrl && !key.meta) setPath(p => p + input.replace(/[\r\n]/g, ''));
	});
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>{title}</Text>
			<Text> </Text>
			<Text>
				{'File: '}
				{path}
				<Text inverse> </Text>
			</Text>
			<Text> </Text>
			{notice ? <Text wrap="wrap">{notice}</Text> : null}
			<Text dimColor>[enter] open [esc] back</Text>
		</Box>
	);
}
