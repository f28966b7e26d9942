import {useInput} from 'ink';
import {useSyncState} from './use-sync-state.js';

/** A one-line text field: typing edits it, Enter submits it (trimmed), Esc cancels. */
export function useTextInput(initial: string, onSubmit: (text: string) => void, onCancel: () => void): string {
	const [text, setText, textRef] = useSyncState(initial);
	useInput((input, key) => {
		if (key.escape) onCancel();
		else if (key.return) onSubmit(textRef.current.trim());
		else if (key.backspace || key.delete) setText(t => t.slice(0, -1));
		else if (input && !key.ctrl && !key.meta) setText(t => t + input.replace(/[\r\n]/g, ''));
	});
	return text;
}
