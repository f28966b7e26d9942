/**
 * `flp results watch DIR --challenge FILE`: a live board for the projector. DIR is scanned
 * every second; a new or changed result file is verified (once per change: a file's verdict is
 * kept while its size and time stay the same) and the board ranked again. In a terminal it is a
 * screen; otherwise one line per verified file, as `verify` prints it.
 */
import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import process from 'node:process';
import type {Challenge} from '../challenge/challenge.js';
import {escapeControls} from '../challenge/result.js';
import {type BoardRow, type Checked, type FileVerdict, type ResultsOptions, boardRows, checkFiles, checkOne, loadChallenge, noChallenge, okLine} from './results.js';
import {type CommandResult, failed, usageError} from './result.js';

export interface WatchState {
	readonly files: Map<string, {stamp: string; verdict: FileVerdict}>;
}

export interface Scan {
	/** verify's line for each file verified in this scan (new or changed). */
	readonly lines: string[];
	readonly checked: Checked;
	readonly rows: BoardRow[];
	/** Why DIR could not be read, if it could not. */
	readonly problem?: string;
}

export const newWatch = (): WatchState => ({files: new Map()});

/** Look at DIR once: verify what is new or changed, rank everything. */
export function scan(dir: string, challenge: Challenge, state: WatchState): Scan {
	let names: string[];
	try {
		names = readdirSync(dir).filter(name => name.endsWith('.json')).sort();
	} catch (error) {
		return {lines: [], checked: {accepted: [], rejected: [], warnings: []}, rows: [], problem: `cannot read ${escapeControls(dir)}: ${escapeControls((error as Error).message)}`};
	}

	const lines: string[] = [];
	const paths: string[] = [];
	for (const name of names) {
		const path = join(dir, name);
		let stamp: string;
		try {
			const stat = statSync(path);
			if (!stat.isFile()) continue;
			stamp = `${stat.size}:${stat.mtimeMs}`;
		} catch {
			continue; // gone between the listing and now
		}

		paths.push(path);
		if (state.files.get(path)?.stamp === stamp) continue;
		const verdict = checkOne(path, challenge);
		state.files.set(path, {stamp, verdict});
		lines.push(verdict.ok ? okLine(path, verdict.value) : `REJECTED ${escapeControls(path)}: ${escapeControls(verdict.message)}`);
	}

	const checked = checkFiles(paths, challenge, challenge.roster, path => state.files.get(path)!.verdict);
	return {lines, checked, rows: boardRows(checked.accepted.map(a => a.result), challenge)};
}

/** The watch without a terminal: lines as files are verified, until Ctrl-C (exit 130). */
function plainWatch(dir: string, challenge: Challenge): void {
	const state = newWatch();
	let lastProblem: string | undefined;
	const tick = (): void => {
		const result = scan(dir, challenge, state);
		if (result.problem && result.problem !== lastProblem) process.stderr.write(`flp: ${result.problem}\n`);
		lastProblem = result.problem;
		for (const line of result.lines) process.stdout.write(`${line}\n`);
	};

	process.stdout.write(`watching ${escapeControls(dir)} for ${escapeControls(challenge.file.title)} (Ctrl-C ends)\n`);
	tick();
	setInterval(tick, 1000);
	process.once('SIGINT', () => process.exit(130));
	process.once('SIGTERM', () => process.exit(143));
}

export async function startWatch(args: readonly string[], options: ResultsOptions): Promise<CommandResult | void> {
	if (args.length !== 1) return usageError('results watch takes one directory: flp results watch DIR --challenge FILE');
	if (!options.challenge) return noChallenge('results watch');
	const loaded = loadChallenge(options.challenge, options.roster);
	if (!loaded.ok) return failed(loaded);
	const challenge = loaded.value;
	try {
		if (!statSync(args[0]!).isDirectory()) return usageError(`${escapeControls(args[0]!)} is not a directory`);
	} catch {
		return usageError(`no directory ${escapeControls(args[0]!)}`);
	}

	if (!process.stdin.isTTY || !process.stdout.isTTY) return plainWatch(args[0]!, challenge);
	return (await import('./screens.js')).startWatchScreen(args[0]!, challenge);
}
