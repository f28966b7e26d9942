import {Box, Text} from 'ink';
import React from 'react';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export interface SizeGuardProps {
	readonly columns: number;
	readonly rows: number;
}

/** What to show instead of a garbled screen when the terminal is too small. */
export function TooSmall({columns, rows}: SizeGuardProps): React.JSX.Element {
	return (
		<Box flexDirection="column">
			<Text bold>The terminal is too small.</Text>
			<Text wrap="wrap">{`flp needs at least ${MIN_COLUMNS}x${MIN_ROWS}; this one is ${columns}x${rows}.`}</Text>
			<Text wrap="wrap">Make the window larger: the game carries on where it was. (q quits)</Text>
		</Box>
	);
}

export const fits = ({columns, rows}: SizeGuardProps): boolean => columns >= MIN_COLUMNS && rows >= MIN_ROWS;
