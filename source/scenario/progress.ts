/**
 * The player's progress (levels solved, best move counts), kept per user under the XDG state
 * directory and written atomically. A corrupt file is set aside, never silently lost.
 */
import {existsSync, readFileSync, renameSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {writeAtomic} from './save.js';

export interface LevelProgress {
	readonly solved: boolean;
	/** The fewest player moves that reached the goal. */
	readonly best?: number;
}

export interface Progress {
	readonly format: 1;
	readonly levels: Readonly<Record<string, LevelProgress>>;
}

export const EMPTY_PROGRESS: Progress = {format: 1, levels: {}};

/** $XDG_STATE_HOME/flp-adversary, or ~/.local/state/flp-adversary. */
export function stateDirectory(env: NodeJS.ProcessEnv = process.env): string {
	const base = env['XDG_STATE_HOME'] && env['XDG_STATE_HOME'].startsWith('/') ? env['XDG_STATE_HOME'] : join(homedir(), '.local', 'state');
	return join(base, 'flp-adversary');
}

export const progressPath = (directory: string): string => join(directory, 'progress.json');

function isProgress(value: unknown): value is Progress {
	if (typeof value !== 'object' || value === null) return false;
	const {format, levels} = value as {format?: unknown; levels?: unknown};
	if (format !== 1 || typeof levels !== 'object' || levels === null) return false;
	return Object.values(levels).every(
		l => typeof l === 'object' && l !== null && typeof (l as LevelProgress).solved === 'boolean' && ((l as LevelProgress).best === undefined || Number.isInteger((l as LevelProgress).best)),
	);
}

/** Load progress; a corrupt file is renamed aside and the message says where it went. */
export function loadProgress(directory: string, stamp: string): {progress: Progress; message?: string} {
	const path = progressPath(directory);
	if (!existsSync(path)) return {progress: EMPTY_PROGRESS};
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		return {progress: EMPTY_PROGRESS, message: `Could not read your progress (${(error as Error).message}); it is left as it was.`};
	}

	try {
		const value: unknown = JSON.parse(text);
		if (isProgress(value)) return {progress: value};
	} catch {}

	const aside = `${path}.corrupt-${stamp}`;
	try {
		renameSync(path, aside);
	} catch (error) {
		return {progress: EMPTY_PROGRESS, message: `Your progress file ${path} is corrupt and could not be moved aside (${(error as Error).message}).`};
	}

	return {progress: EMPTY_PROGRESS, message: `Your progress file was corrupt; it is kept as ${aside} and a new one was started.`};
}

export function recordSolved(progress: Progress, id: string, moves: number): Progress {
	const before = progress.levels[id];
	const best = before?.best === undefined ? moves : Math.min(before.best, moves);
	return {...progress, levels: {...progress.levels, [id]: {solved: true, best}}};
}

export function saveProgress(directory: string, progress: Progress): void {
	writeAtomic(progressPath(directory), `${JSON.stringify(progress, null, 2)}\n`);
}
