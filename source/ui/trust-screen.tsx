/**
 * A file opened from the game's menus names a protocol module: code that would run on this
 * machine. The game shows its path and the hash of its source and runs it only on y.
 */
import {Box, Text, useInput} from 'ink';
import React, {useState} from 'react';

export interface TrustScreenProps {
	/** The file that names the module. */
	readonly file: string;
	readonly module: string;
	readonly hash: string;
	/** y: load the module (and open the file); the sentence to show when it does not load. */
	readonly onTrust: () => Promise<string | undefined>;
	readonly onCancel: () => void;
}

export function TrustScreen({file, module, hash, onTrust, onCancel}: TrustScreenProps): React.JSX.Element {
	const [busy, setBusy] = useState(false);
	const [problem, setProblem] = useState<string | undefined>(undefined);
	useInput(
		(input, key) => {
			if (input === 'y' || input === 'Y') {
				setBusy(true);
				void onTrust().then(failed => {
					setBusy(false);
					setProblem(failed);
				});
			} else if (input === 'n' || input === 'N' || input === 'q' || key.escape) onCancel();
		},
		{isActive: !busy},
	);
	return (
		<Box flexDirection="column" paddingX={1} width={80}>
			<Text bold>RUN A PROTOCOL MODULE?</Text>
			<Text> </Text>
			<Text wrap="wrap">{`${file} names a protocol module: code that would run on this machine, as you. Run it only if you trust where it came from.`}</Text>
			<Text> </Text>
			<Text wrap="wrap">{`  ${module}`}</Text>
			<Text wrap="wrap">{`  sha256 ${hash}`}</Text>
			<Text> </Text>
			{problem ? (
				<Text wrap="wrap" color="yellow">
					{problem}
				</Text>
			) : null}
			<Text dimColor>{busy ? 'Trying the module (a step that hangs is stopped after 10 s)…' : '[y] run it [n] no, back'}</Text>
		</Box>
	);
}
