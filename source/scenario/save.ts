/** Writing games to files: atomically (a temporary file, then a rename). */
import {existsSync, mkdirSync, renameSync, writeFileSync} from 'node:fs';
import {dirname, extname, resolve} from 'node:path';
import {stringify} from 'yaml';
import {formatMoves} from '../engine/notation.js';
import {type Session, current} from '../engine/session.js';
import {type Result, fail, ok} from '../engine/types.js';
import {FORMAT_VERSION, type ScenarioFile} from './format.js';

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

/** Write text to a file atomically, making its folder if needed. */
export function writeAtomic(path: string, text: string): void {
	mkdirSync(dirname(path), {recursive: true});
	const temporary = `${path}.${process.pid}.tmp`;
	writeFileSync(temporary, text);
	renameSync(temporary, path);
}

/** Save a scenario file; the message says where, or what went wrong. */
export function saveFile(file: ScenarioFile, path: string): Result<string> {
	if (path.trim() === '') return fail('no-path', 'Not saved: give a file name.');
	const full = resolve(path);
	try {
		writeAtomic(full, serialize(file, full));
		return ok(`Saved to ${full}.`);
	} catch (error) {
		return fail('write-failed', `Not saved: ${(error as Error).message}`);
	}
}

/** A file name that does not exist yet: base.yaml, base-2.yaml, ... */
export function freshPath(base: string, extension = '.yaml'): string {
	let path = `${base}${extension}`;
	for (let i = 2; existsSync(path); i++) path = `${base}-${i}${extension}`;
	return path;
}

/** Reading files is source/files/read.ts's business (regular files only, with a size limit). */
export {readText} from '../files/read.js';
