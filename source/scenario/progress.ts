/**
 * The player's progress (levels solved, best move counts), kept per user under the XDG state
 * directory and written atomically. A corrupt file is set aside, never silently lost; a file that
 * cannot be read (or is of a newer format) is left exactly as it is and never written over.
 */
import {existsSync, lstatSync, renameSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {readText} from '../files/read.js';
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

/** What loading found: the progress, a message for the player, and whether the file may be written. */
export interface LoadedProgress {
	readonly progress: Progress;
	readonly message?: string;
	/**
	 * The file is there but could not be read, or is of a newer format: it is left exactly as it
	 * is, and `saveProgress` refuses to write over it.
	 */
	readonly locked?: true;
}

type Found = {kind: 'none'} | {kind: 'ok'; progress: Progress} | {kind: 'unreadable'; why: string} | {kind: 'newer'; format: number} | {kind: 'corrupt'};

function inspect(path: string): Found {
	if (!existsSync(path) && !isLink(path)) return {kind: 'none'};
	const read = readText(path);
	if (!read.ok) return {kind: 'unreadable', why: read.reason};
	let value: unknown;
	try {
		value = JSON.parse(read.value);
	} catch {
		return {kind: 'corrupt'};
	}

	const format = (value as {format?: unknown} | null)?.format;
	if (typeof format === 'number' && Number.isInteger(format) && format > 1) return {kind: 'newer', format};
	return isProgress(value) ? {kind: 'ok', progress: value} : {kind: 'corrupt'};
}

function isLink(path: string): boolean {
	try {
		return lstatSync(path).isSymbolicLink();
	} catch {
		return false;
	}
}

/** Load progress; a corrupt file is renamed aside and the message says where it went. */
export function loadProgress(directory: string, stamp: string): LoadedProgress {
	const path = progressPath(directory);
	const found = inspect(path);
	switch (found.kind) {
		case 'none':
			return {progress: EMPTY_PROGRESS};
		case 'ok':
			return {progress: found.progress};
		case 'unreadable':
			return {progress: EMPTY_PROGRESS, locked: true, message: `Could not read your progress (${found.why}); it is left as it was, and nothing is recorded until it can be read.`};
		case 'newer':
			return {
				progress: EMPTY_PROGRESS,
				locked: true,
				message: `Your progress file is of a newer format (${found.format}) than this flp-adversary understands (1): it is left alone and nothing is recorded; update flp-adversary.`,
			};
		case 'corrupt':
			break;
	}

	const aside = `${path}.corrupt-${stamp}`;
	try {
		renameSync(path, aside);
	} catch (error) {
		return {progress: EMPTY_PROGRESS, locked: true, message: `Your progress file ${path} is corrupt and could not be moved aside (${(error as Error).message}).`};
	}

	return {progress: EMPTY_PROGRESS, message: `Your progress file was corrupt; it is kept as ${aside} and a new one was started.`};
}

export function recordSolved(progress: Progress, id: string, moves: number): Progress {
	const before = progress.levels[id];
	const best = before?.best === undefined ? moves : Math.min(before.best, moves);
	return {...progress, levels: {...progress.levels, [id]: {solved: true, best}}};
}

/** Both records: a level solved in either is solved, with the better of the best counts. */
function merged(a: Progress, b: Progress): Progress {
	const levels: Record<string, LevelProgress> = {...a.levels};
	for (const [id, level] of Object.entries(b.levels)) {
		const other = levels[id];
		const bests = [other?.best, level.best].filter((n): n is number => n !== undefined);
		levels[id] = {solved: level.solved || (other?.solved ?? false), ...(bests.length > 0 ? {best: Math.min(...bests)} : {})};
	}

	return {format: 1, levels};
}

/**
 * Write progress, merged with what the file holds now (another game may have recorded a level
 * meanwhile). Throws, writing nothing, when the file is there but cannot be read or is of a newer
 * format: a file we cannot read is never replaced.
 */
export function saveProgress(directory: string, progress: Progress): Progress {
	const path = progressPath(directory);
	const found = inspect(path);
	if (found.kind === 'unreadable') throw new Error(`${path} could not be read (${found.why}), so it was left as it was`);
	if (found.kind === 'newer') throw new Error(`${path} is of a newer format (${found.format}), so it was left alone`);
	if (found.kind === 'corrupt') throw new Error(`${path} is not a progress file, so it was left as it was`);
	const next = found.kind === 'ok' ? merged(found.progress, progress) : progress;
	writeAtomic(path, `${JSON.stringify(next, null, 2)}\n`);
	return next;
}
