import {type Key, useInput} from 'ink';
import {useSyncState} from './use-sync-state.js';

/** A one-line text field; `selected`: the whole text is a suggestion that typing replaces. */
export interface TextField {
	readonly text: string;
	readonly selected: boolean;
}

/**
 * One key event applied to a text field. A terminal may hand several keys over at once (a
 * burst of Backspace arrives as one string of DEL bytes, a paste as one string): every
 * character is taken on its own, Backspace/DEL bytes delete, other control characters are
 * dropped, so the text is always what the screen shows.
 */
export function editField(field: TextField, input: string, key: Partial<Key>): TextField {
	if (key.backspace || key.delete) return field.selected ? {text: '', selected: false} : {text: field.text.slice(0, -1), selected: false};
	if (key.rightArrow || key.leftArrow || key.end || key.home) return {...field, selected: false};
	if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.tab || key.return || key.escape) return field;
	let {text, selected} = field;
	for (const ch of input) {
		if (ch === '\u007F' || ch === '\b') {
			text = selected ? '' : [...text].slice(0, -1).join('');
		} else if (ch >= ' ' && !(ch >= '\u0080' && ch <= '\u009F')) {
			text = selected ? ch : text + ch;
		} else {
			continue;
		}

		selected = false;
	}

	return {text, selected};
}

/**
 * A one-line text field: typing edits it, Enter submits it (trimmed), Esc cancels. With
 * `suggestion`, the initial text is offered selected: the first character typed replaces it,
 * Backspace clears it, an arrow key keeps it for editing.
 */
export function useTextInput(
	initial: string,
	onSubmit: (text: string) => void,
	onCancel: () => void,
	options: {readonly suggestion?: boolean; readonly isActive?: boolean} = {},
): TextField {
	const [field, setField, fieldRef] = useSyncState<TextField>({text: initial, selected: Boolean(options.suggestion) && initial !== ''});
	useInput(
		(input, key) => {
			if (key.escape) return onCancel();
			if (key.return) return onSubmit(fieldRef.current.text.trim());
			// Text and Enter in one chunk (typed fast, or sent by a script): the text, then Enter.
			const end = input.search(/[\r\n]/);
			setField(f => editField(f, end < 0 ? input : input.slice(0, end), key));
			if (end >= 0) onSubmit(fieldRef.current.text.trim());
		},
		{isActive: options.isActive ?? true},
	);
	return field;
}
