/**
 * The timeline strip: one cell per position of the run (the start, then the label after each
 * move), the target's starred label under it, `│` after a round of a `forever` goal, `!` where
 * ambiguity was lost. Two columns a cell; a long run keeps the focus in view and counts what it
 * hides (`«12`, `5»`). Dumb: cells in, always two lines out (the second blank without stars).
 */
import {Text} from 'ink';
import React from 'react';
import {type Cell, glyph, separatorBefore, stripWindow} from '../diagram/timeline.js';
import {labelColour} from './theme.js';

export interface TimelineStripProps {
	readonly cells: readonly Cell[];
	/** The cell to keep in view and mark with ▸ (the position shown); default the last, unmarked. */
	readonly focus?: number;
	readonly colour: boolean;
	/** Columns for the whole strip, its prefix included. */
	readonly width?: number;
	/** A few words at the right end of the first line (a key to press), dimmed. */
	readonly note?: string;
}

const PREFIX = 6;

export function TimelineStrip({cells, focus, colour, width = 80, note}: TimelineStripProps): React.JSX.Element {
	const at = focus ?? cells.length - 1;
	const room = width - PREFIX - 1 - (note ? note.length + 2 : 0);
	const window = stripWindow(cells.length, room, at);
	const shown = cells.slice(window.first, window.end);
	const hasStars = cells.some(cell => cell.star !== undefined);
	// The shown cell is marked by shape too (▸ before it: on the star line, else on the labels'
	// line where nothing else is), so the mark survives a terminal without styles.
	const pointAt = focus !== undefined && cells.length > 1 ? at : -1;
	const separator = (index: number): React.JSX.Element => {
		const own = separatorBefore(cells, index);
		const sep = !hasStars && index === pointAt && own !== '!' ? '▸' : own;
		return sep === '!' ? (
			<Text bold color={colour ? 'red' : undefined}>
				!
			</Text>
		) : (
			<Text dimColor>{sep}</Text>
		);
	};

	return (
		<>
			<Text wrap="truncate">
				<Text dimColor>{' run  '}</Text>
				<Text dimColor>{window.before}</Text>
				{shown.map((cell, offset) => {
					const index = window.first + offset;
					return (
						<React.Fragment key={index}>
							{separator(index)}
							<Text inverse={index === at} bold={index === at} color={colour && cell.label ? labelColour(cell.label) : undefined}>
								{glyph(cell.label)}
							</Text>
						</React.Fragment>
					);
				})}
				<Text dimColor>{window.after}</Text>
				{note ? <Text dimColor>{' '.repeat(Math.max(2, room - (window.end - window.first) * 2 - window.before.length - window.after.length + 2)) + note}</Text> : null}
			</Text>
			{hasStars ? (
				<Text wrap="truncate">
					<Text dimColor>{' star '}</Text>
					<Text>{' '.repeat(window.before.length)}</Text>
					{shown.map((cell, offset) => {
						const index = window.first + offset;
						const sep = index === pointAt ? '▸' : separatorBefore(cells, index);
						return (
							<React.Fragment key={index}>
								<Text dimColor={sep !== '▸'}>{sep === '│' || sep === '▸' ? sep : ' '}</Text>
								<Text color={colour && cell.star ? labelColour(cell.star) : undefined}>{cell.star === undefined ? ' ' : glyph(cell.star)}</Text>
							</React.Fragment>
						);
					})}
				</Text>
			) : (
				<Text> </Text>
			)}
		</>
	);
}
