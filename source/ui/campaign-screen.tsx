/** The campaign's level list, with what the player has solved. */
import {Box, Text} from 'ink';
import React from 'react';
import type {CampaignLevel} from '../scenario/campaign.js';
import type {Progress} from '../scenario/progress.js';
import {titleOf} from '../scenario/scenario.js';
import {basename} from 'node:path';
import {SelectList} from './select-list.js';

export interface CampaignScreenProps {
	readonly levels: readonly CampaignLevel[];
	readonly progress: Progress;
	readonly rows: number;
	readonly onPick: (level: CampaignLevel) => void;
	readonly onCancel: () => void;
	/** The id of the level just left: the cursor starts there, or on the next unsolved level once it is solved. */
	readonly at?: string;
}

/** Where the cursor starts: the level just left, or the next unsolved one after it if it is solved. */
export function startIndex(levels: readonly CampaignLevel[], progress: Progress, at: string | undefined): number {
	const here = levels.findIndex(level => at !== undefined && level.loaded?.file.id === at);
	if (here < 0) return Math.max(0, levels.findIndex(level => !progress.levels[level.loaded?.file.id ?? '']?.solved));
	if (!progress.levels[at!]?.solved) return here;
	const next = levels.findIndex((level, i) => i > here && !progress.levels[level.loaded?.file.id ?? '']?.solved);
	return next < 0 ? here : next;
}

export function CampaignScreen({levels, progress, rows, onPick, onCancel, at}: CampaignScreenProps): React.JSX.Element {
	const solved = levels.filter(l => l.loaded?.file.id && progress.levels[l.loaded.file.id]?.solved).length;
	const items = levels.map(level => {
		const file = level.loaded?.file;
		const mine = file?.id ? progress.levels[file.id] : undefined;
		const best = mine?.best === undefined ? '' : `best ${mine.best}`;
		const par = file?.par ? ` par ${file.par}` : '';
		return {
			label: `${mine?.solved ? '✓' : ' '} ${(file ? titleOf(file) : basename(level.path)).padEnd(42)}`,
			detail: file ? `${best}${best && par ? ' /' : ''}${par}` : 'cannot be loaded',
			value: level,
		};
	});
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>{`CAMPAIGN  ${solved}/${levels.length} solved`}</Text>
			<Text dimColor>Each level is one step of the FLP proof, or one protocol’s flaw.</Text>
			<Text> </Text>
			<SelectList title="" initial={startIndex(levels, progress, at)} rows={Math.max(3, rows - 6)} items={items} onSelect={onPick} onCancel={onCancel} />
		</Box>
	);
}
