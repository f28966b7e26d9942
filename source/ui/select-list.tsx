/** A list to pick from with ↑/↓ and Enter, Esc to back out (dumb: items in, callbacks out). */
import {Box, Text, useInput} from 'ink';
import React from 'react';
import {useSyncState} from './use-sync-state.js';

export interface ListItem<T> {
	readonly label: string;
	readonly detail?: string;
	readonly value: T;
}

export interface SelectListProps<T> {
	readonly title: string;
	readonly items: readonly ListItem<T>[];
	readonly onSelect: (value: T) => void;
	/** Esc or q: which one, for a list where they differ (the main menu asks before Esc quits). */
	readonly onCancel: (how: 'escape' | 'q') => void;
	/** Whether the list takes keys (false while a question over it waits for an answer). */
	readonly isActive?: boolean;
	/** Rows available for items. */
	readonly rows: number;
	readonly empty?: string;
	/** The key help under the list. */
	readonly footer?: string;
	/** The item the cursor starts on. */
	readonly initial?: number;
}

export function SelectList<T>({title, items, onSelect, onCancel, rows, empty, footer = '[↑↓] choose [enter] do it [esc] back', initial = 0, isActive = true}: SelectListProps<T>): React.JSX.Element {
	const [cursor, setCursor, cursorRef] = useSyncState(Math.max(0, Math.min(initial, items.length - 1)));
	useInput((input, key) => {
		if (key.escape) onCancel('escape');
		else if (input === 'q') onCancel('q');
		else if (key.upArrow) setCursor(c => Math.max(0, c - 1));
		else if (key.downArrow) setCursor(c => Math.min(items.length - 1, c + 1));
		else if (key.return && items[cursorRef.current]) onSelect(items[cursorRef.current]!.value);
	}, {isActive});
	const visible = Math.max(1, rows);
	const first = Math.min(Math.max(0, cursor - Math.floor(visible / 2)), Math.max(0, items.length - visible));
	return (
		<Box flexDirection="column">
			<Text bold>{title}</Text>
			{items.length === 0 ? <Text dimColor>{empty ?? '(nothing to choose)'}</Text> : null}
			{items.slice(first, first + visible).map((item, offset) => {
				const index = first + offset;
				return (
					<Text key={index} wrap="truncate" inverse={index === cursor}>
						{index === cursor ? '▸ ' : '  '}
						{item.label}
						{item.detail ? <Text dimColor>{`  ${item.detail}`}</Text> : null}
					</Text>
				);
			})}
			<Text dimColor>{footer}</Text>
		</Box>
	);
}
