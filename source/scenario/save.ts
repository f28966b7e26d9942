/**
 * Writing games to files: atomically (a temporary file, then a rename), never leaving the
 * temporary file behind, and making at most the folders the caller allows (one by one, never
 * Node's recursive mkdir, which loops forever under /proc).
 */
import {existsSync, mkdirSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, extname, join, resolve} from 'node:path';
import {stringify} from 'yaml';
import {formatMoves} from '../engine/notation.js';
import {type Session, current} from '../engine/session.js';
import {type Explained, type Result, explained, ok} from '../engine/types.js';
import {FORMAT_VERSION, type ScenarioFile} from './format.js';
import {loadedModule} from '../protocols/module.js';
import {moduleReference} from './modules.js';

/** A session as a scenario file: the level's fields (if any) and the moves played. */
export function sessionToFile(session: Session, level?: Partial<ScenarioFile>, setupMoves = 0): ScenarioFile {
	const {spec} = session;
	const setup = current(session).setup;
	const all = formatMoves(setup, session.moves);
	const file: ScenarioFile = {
		...level,
		format: FORMAT_VERSION,
		protocol: spec.protocol,
		...(setup.rounds === undefined ? {} : {rounds: setup.rounds}),
		nodes: spec.n,
		inputs: spec.inputs,
		f: spec.f,
		allow: [...spec.allow],
		...(setupMoves > 0 ? {setup: all.slice(0, setupMoves)} : {}),
		moves: all.slice(setupMoves),
	};
	return file;
}

export function serialize(file: ScenarioFile, path: string): string {
	if (extname(path).toLowerCase() === '.json') return `${JSON.stringify(file, null, 2)}\n`;
	return stringify(file, {lineWidth: 100});
}

/** Why a write failed, in words (the system's code names the common cases). */
export function writeProblem(error: unknown): string {
	const {code, message} = error as NodeJS.ErrnoException;
	switch (code) {
		case 'ENOSPC':
			return 'the disk is full';
		case 'EDQUOT':
			return 'your disk quota is used up';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'EROFS':
			return 'the file system is read-only';
		case 'EISDIR':
			return 'that is a folder';
		case 'ENOTDIR':
			return 'a part of the path is a file, not a folder';
		case 'ENOENT':
			return 'the system refused to make it there';
		case 'ENAMETOOLONG':
			return 'the name is too long';
		default:
			return message;
	}
}

/** What is at a path: nothing, a folder, or something else (a file, a device). */
function kindAt(path: string): 'none' | 'folder' | 'other' {
	try {
		return statSync(path).isDirectory() ? 'folder' : 'other';
	} catch {
		return 'none';
	}
}

/**
 * Make a folder whose parents exist, up to `levels` missing folders deep, one mkdir each.
 * Throws an error whose message says which folder is missing or could not be made.
 */
export function makeFolder(folder: string, levels: number): void {
	const missing: string[] = [];
	let at = resolve(folder);
	while (kindAt(at) === 'none') {
		missing.unshift(at);
		const parent = dirname(at);
		if (parent === at || missing.length > levels) {
			throw new Error(`the folder ${missing[0]!} does not exist`);
		}

		at = parent;
	}

	if (kindAt(at) !== 'folder') throw new Error(`${at} is not a folder`);
	for (const path of missing) {
		try {
			mkdirSync(path);
		} catch (error) {
			throw new Error(`could not make the folder ${path} (${writeProblem(error)})`);
		}
	}
}

/**
 * Write text to a file atomically. `newFolders` missing folders above it may be made (one by
 * default: a results/ folder for --out; none for a path the player typed). On any failure the
 * temporary file is removed and the error's message says what went wrong, in words.
 */
export function writeAtomic(path: string, text: string, newFolders = 1): void {
	const full = resolve(path);
	if (kindAt(full) === 'folder') throw new Error(`${full} is a folder`);
	makeFolder(dirname(full), newFolders);
	const temporary = `${full}.${process.pid}.tmp`;
	try {
		writeFileSync(temporary, text);
		renameSync(temporary, full);
	} catch (error) {
		try {
			unlinkSync(temporary);
		} catch {}

		throw new Error(writeProblem(error));
	}
}

/** `~` and `~/x` mean the home folder, as in a shell. */
export function expandHome(path: string, home = homedir()): string {
	if (path === '~') return home;
	if (path.startsWith('~/')) return join(home, path.slice(2));
	return path;
}

/** Whether a path typed at the save prompt can be saved to: free, taken (ask first), or not. */
export type SaveTarget =
	| {readonly kind: 'free'; readonly path: string}
	| {readonly kind: 'exists'; readonly path: string}
	| {readonly kind: 'bad'; readonly message: string};

export function saveTarget(typed: string, home = homedir()): SaveTarget {
	const trimmed = typed.trim();
	if (trimmed === '') return {kind: 'bad', message: 'Give a file name.'};
	const path = resolve(expandHome(trimmed, home));
	const folder = dirname(path);
	const at = kindAt(path);
	if (at === 'folder') return {kind: 'bad', message: `${path} is a folder: give a file name.`};
	const above = kindAt(folder);
	if (above === 'none') return {kind: 'bad', message: `The folder ${folder} does not exist.`};
	if (above === 'other') return {kind: 'bad', message: `${folder} is not a folder.`};
	return at === 'none' ? {kind: 'free', path} : {kind: 'exists', path};
}

/** A file that was not saved: `Not saved: why.`, and the why alone as its reason. */
const notSaved = (code: 'no-path' | 'write-failed', why: string): Explained => explained(code, `Not saved: ${why}.`, why);

/**
 * Save a scenario file; the message says where, or what went wrong. `newFolders`: how many
 * missing folders above the file may be made (none for a path the player typed).
 */
export function saveFile(file: ScenarioFile, path: string, newFolders = 0): Result<string, Explained> {
	if (path.trim() === '') return notSaved('no-path', 'give a file name');
	const full = resolve(path);
	try {
		writeAtomic(full, serialize(withModule(file, full), full), newFolders);
		return ok(`Saved to ${full}.`);
	} catch (error) {
		return notSaved('write-failed', (error as Error).message);
	}
}

/**
 * A game on a protocol module, as saved to `path`: the module named relative to the saved file
 * when it lies beside or under it (absolute otherwise), with the hash of its source, so a replay
 * on a changed module can say so.
 */
export function withModule(file: ScenarioFile, path: string): ScenarioFile {
	const module = loadedModule(file.protocol);
	if (!module) return file;
	// Key order kept, the hash right after the protocol it belongs to.
	const saved: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(file)) {
		if (key === 'protocolHash') continue;
		saved[key] = key === 'protocol' ? moduleReference(module.path, path) : value;
		if (key === 'protocol') saved['protocolHash'] = module.hash;
	}

	return saved as unknown as ScenarioFile;
}

/** A file name that does not exist yet: base.yaml, base-2.yaml, ... */
export function freshPath(base: string, extension = '.yaml'): string {
	let path = `${base}${extension}`;
	for (let i = 2; existsSync(path); i++) path = `${base}-${i}${extension}`;
	return path;
}
