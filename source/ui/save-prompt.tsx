/**
 * The save prompt: two lines at the foot of the play screen. The suggested name is selected
 * (typing replaces it); `~` is the home folder; a missing folder is an error shown on the
 * prompt, which stays open; an existing file is overwritten only after a yes.
 */
import {Text, useInput} from 'ink';
import React, {useState} from 'react';
import type {SaveTarget} from '../scenario/save.js';
import type {Result} from '../engine/types.js';
import {useTextInput} from './use-text-input.js';

export interface SavePromptProps {
	/** The name offered (a file that does not exist yet). */
	readonly suggestion: string;
	/** Where a typed name would go, or why it cannot. */
	readonly check: (typed: string) => SaveTarget;
	/** Write the game to a full path: a message saying where, or why not. */
	readonly save: (path: string) => Result<string>;
	/** The prompt is done: the message to show (saved where). */
	readonly onDone: (message: string) => void;
	/** Something to tell the player while the prompt stays open (a missing folder, a failed write). */
	readonly onProblem: (message: string) => void;
	readonly onCancel: () => void;
}

export function SavePrompt({suggestion, check, save, onDone, onProblem, onCancel}: SavePromptProps): React.JSX.Element {
	const [confirm, setConfirm] = useState<string | undefined>(undefined);
	const finish = (path: string): void => {
		const saved = save(path);
		if (saved.ok) onDone(saved.value);
		else onProblem(saved.message);
	};

	const field = useTextInput(
		suggestion,
		typed => {
			const target = check(typed);
			if (target.kind === 'bad') return onProblem(`${target.message} Not saved.`);
			if (target.kind === 'exists') return setConfirm(target.path);
			finish(target.path);
		},
		onCancel,
		{suggestion: true, isActive: confirm === undefined},
	);
	useInput(
		(input, key) => {
			if (input === 'y' || input === 'Y') {
				const path = confirm!;
				setConfirm(undefined);
				finish(path);
			} else if (input === 'n' || input === 'N' || key.escape) {
				setConfirm(undefined);
				onProblem('Not overwritten: type another name.');
			}
		},
		{isActive: confirm !== undefined},
	);

	if (confirm !== undefined) {
		return (
			<>
				<Text>{` ${tail(confirm, 70)} exists.`}</Text>
				<Text bold>{' Overwrite it? [y] yes  [n] no'}</Text>
			</>
		);
	}

	return (
		<>
			<Text dimColor>{' Type a file name (~ is your home folder).  [enter] save  [esc] cancel'}</Text>
			<Text>
				{' Save to: '}
				{field.selected ? <Text inverse>{tail(field.text)}</Text> : tail(field.text)}
				{field.selected ? null : <Text inverse> </Text>}
			</Text>
		</>
	);
}

/** The end of a long path, which is the part being typed: `…` stands for the rest. */
const tail = (text: string, width = 68): string => (text.length > width ? `…${text.slice(text.length - width + 1)}` : text);
