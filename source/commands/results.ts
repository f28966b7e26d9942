/**
 * `flp results verify|board FILE... --challenge FILE`: check and rank students' result files.
 * Every file gets its own line (a broken one never stops the others), and text from the files
 * (player names, paths) is data: control characters are shown escaped, and a CSV cell never
 * starts a spreadsheet formula.
 */
import {realpathSync, writeFileSync} from 'node:fs';
import {cannotRead, readText} from '../files/read.js';
import {type Challenge, readChallenge, readRoster} from '../challenge/challenge.js';
import {type ChallengeResult, escapeControls, rank, verifyResult} from '../challenge/result.js';
import {type Result, fail, ok} from '../engine/types.js';
import {type CommandResult, failed, usageError} from './result.js';

export const BOARD_FORMATS = ['table', 'csv', 'markdown', 'json'] as const;
export type BoardFormat = (typeof BOARD_FORMATS)[number];

export interface Checked {
	readonly accepted: Array<{path: string; result: ChallengeResult}>;
	readonly rejected: Array<{path: string; reason: string}>;
	/** Things to look at that do not reject a file (e.g. two players with the same moves). */
	readonly warnings: string[];
}

/** A result file's verdict: the result, or why the file is rejected (the message, after its path). */
export type FileVerdict = Result<ChallengeResult>;

/** Verify one file; never throws. */
export function checkOne(path: string, challenge: Challenge): FileVerdict {
	const text = readText(path);
	if (!text.ok) return fail(text.code, cannotRead(text.reason));
	let value: unknown;
	try {
		value = JSON.parse(text.value);
	} catch (error) {
		return fail('invalid', `not readable as JSON (${escapeControls((error as Error).message)})`);
	}

	try {
		return verifyResult(value, challenge);
	} catch (error) {
		// A shape verify did not foresee: this file is rejected, the others are still checked.
		return fail('unchecked', `could not be checked (${escapeControls((error as Error).message)})`);
	}
}

const realPath = (path: string): string => {
	try {
		return realpathSync(path);
	} catch {
		return path;
	}
};

/** The moves of every level, as one string: the same for two files means the same play. */
const playOf = (r: ChallengeResult): string => JSON.stringify(r.levels.map(l => [l.index, l.inputs ?? '', l.moves]));

/**
 * Whether two files' play is the same on every level, generated levels included. The same
 * moves on fixed levels alone say little: everyone gets those puzzles, and some have one
 * natural solution.
 */
function samePlay(a: ChallengeResult, b: ChallengeResult, challenge: Challenge): boolean {
	if (playOf(a) !== playOf(b)) return false;
	return a.levels.some(l => (l.moves.length > 0 || l.inputs !== undefined) && 'generate' in (challenge.file.levels[l.index] ?? {}));
}

/** `roster`: the names allowed (from --roster, else the challenge's own roster:), if any. */
export function checkFiles(paths: readonly string[], challenge: Challenge, roster = challenge.roster, verdictOf: (path: string) => FileVerdict = path => checkOne(path, challenge)): Checked {
	const accepted: Checked['accepted'] = [];
	const rejected: Checked['rejected'] = [];
	const warnings: string[] = [];
	const seenFiles = new Set<string>();
	for (const path of paths) {
		// The same file given twice (or through a link) is checked and ranked once.
		const real = realPath(path);
		if (seenFiles.has(real)) continue;
		seenFiles.add(real);
		const verdict = verdictOf(path);
		if (!verdict.ok) {
			rejected.push({path, reason: verdict.message});
			continue;
		}

		if (roster && !roster.includes(verdict.value.player)) {
			rejected.push({path, reason: `player ${escapeControls(verdict.value.player)} is not on the roster`});
			continue;
		}

		const same = accepted.find(a => a.result.player === verdict.value.player);
		if (same) {
			rejected.push({path, reason: `a second file for player ${escapeControls(verdict.value.player)} (the first is ${escapeControls(same.path)})`});
			continue;
		}

		const copied = accepted.find(a => samePlay(a.result, verdict.value, challenge));
		if (copied) warnings.push(`${escapeControls(path)} (${escapeControls(verdict.value.player)}) has the same moves on every level as ${escapeControls(copied.path)} (${escapeControls(copied.result.player)})`);
		accepted.push({path, result: verdict.value});
	}

	return {accepted, rejected, warnings};
}

export interface ResultsOptions {
	readonly challenge?: string;
	/** A roster file: names not on it are rejected (instead of the challenge's roster:). */
	readonly roster?: string;
	readonly format?: string;
	/** board: write the rejected files' lines here instead of to stderr. */
	readonly rejected?: string;
}

/** The user's error when a command that needs a challenge file (`verb`) is given none. */
export const noChallenge = (verb: string): CommandResult => usageError(`${verb} needs --challenge FILE (the challenge the results are for)`);

/**
 * The challenge (with the --roster names, if given), or what is wrong with its file or the
 * roster's (a file's report: a command prints it as it is).
 */
export function loadChallenge(challengePath: string, rosterPath: string | undefined): Result<Challenge> {
	const challenge = readChallenge(challengePath);
	if (!challenge.ok || rosterPath === undefined) return challenge;
	const roster = readRoster(rosterPath);
	if (!roster.ok) return roster;
	return ok({...challenge.value, roster: roster.value});
}

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

/** verify's line for an accepted file. */
export const okLine = (path: string, result: ChallengeResult): string =>
	`ok       ${data(path)}: ${data(result.player)}, score ${result.total}, ${seconds(result.timeMs)} s${result.finished ? '' : ' (unfinished)'}${(result.attempt ?? 1) > 1 ? ` (attempt ${result.attempt})` : ''}`;
/** A name or path for a text line: control characters escaped. */
const data = escapeControls;

export function runVerify(paths: readonly string[], options: string | ResultsOptions | undefined): CommandResult {
	const opts = typeof options === 'object' ? options : {challenge: options};
	if (!opts.challenge) return noChallenge('results verify');
	if (paths.length === 0) return usageError('results verify needs at least one result file');
	const loaded = loadChallenge(opts.challenge, opts.roster);
	if (!loaded.ok) return failed(loaded);
	const challenge = loaded.value;
	const {accepted, rejected, warnings} = checkFiles(paths, challenge);
	const lines = [
		...accepted.map(({path, result}) => okLine(path, result)),
		...rejected.map(({path, reason}) => `REJECTED ${data(path)}: ${data(reason)}`),
		...warnings.map(w => `WARNING  ${w}`),
	];
	return {code: rejected.length > 0 ? 1 : 0, stdout: `${lines.join('\n')}\n`, stderr: ''};
}

export interface BoardRow {
	readonly rank: number;
	readonly player: string;
	readonly score: number;
	readonly solved: number;
	readonly unfinished: boolean;
	readonly seconds: number;
	readonly attempt: number;
	readonly seed: number;
	/** Per level of the challenge, in order. */
	readonly levels: ReadonlyArray<{readonly solved: boolean; readonly score: number}>;
}

/** Ranked rows: equal score and equal time (as shown, to 0.1 s) share a rank (1, 1, 3). */
export function boardRows(accepted: readonly ChallengeResult[], challenge: Challenge): BoardRow[] {
	const ranked = rank(accepted);
	const rows: BoardRow[] = [];
	for (const [i, r] of ranked.entries()) {
		const previous = rows[i - 1];
		const secs = Number(seconds(r.timeMs));
		const tie = previous && previous.score === r.total && previous.seconds === secs;
		rows.push({
			rank: tie ? previous.rank : i + 1,
			player: r.player,
			score: r.total,
			solved: r.levels.filter(l => l.solved).length,
			unfinished: !r.finished,
			seconds: secs,
			attempt: r.attempt ?? 1,
			seed: r.seed,
			levels: challenge.file.levels.map((_, index) => {
				const level = r.levels.find(l => l.index === index);
				return {solved: level?.solved ?? false, score: level?.score ?? 0};
			}),
		});
	}

	return rows;
}

/**
 * One CSV cell (RFC 4180): control characters shown escaped (so a row is one line), quoted
 * when it holds a comma or quote; a cell a spreadsheet would read as a formula (= + - @, or a
 * tab or CR first) gets a leading '.
 */
export function csvCell(text: string): string {
	const plain = escapeControls(text);
	const safe = /^[=+\-@]/.test(plain) || /^[\t\r]/.test(text) ? `'${plain}` : plain;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function runBoard(paths: readonly string[], options: string | ResultsOptions | undefined, format?: string): CommandResult {
	const opts: ResultsOptions = typeof options === 'object' ? options : {challenge: options, ...(format === undefined ? {} : {format})};
	const chosen = (opts.format ?? 'table') as BoardFormat;
	if (!BOARD_FORMATS.includes(chosen)) return usageError(`--format must be one of ${BOARD_FORMATS.join(', ')}`);
	if (!opts.challenge) return noChallenge('results board');
	if (paths.length === 0) return usageError('results board needs at least one result file');
	const loaded = loadChallenge(opts.challenge, opts.roster);
	if (!loaded.ok) return failed(loaded);
	const challenge = loaded.value;
	const {accepted, rejected, warnings} = checkFiles(paths, challenge);
	const rows = boardRows(accepted.map(a => a.result), challenge);
	const levels = challenge.file.levels.length;
	const aside = [...rejected.map(r => `REJECTED ${data(r.path)}: ${data(r.reason)}`), ...warnings.map(w => `WARNING  ${w}`)];
	let out: string;
	let err = '';
	switch (chosen) {
		case 'json':
			out = `${JSON.stringify({challenge: challenge.file.id, ranking: rows, rejected, warnings}, null, 2)}\n`;
			break;
		case 'csv': {
			// One table for a spreadsheet; what is not a row of it goes to stderr.
			const header = ['rank', 'student', 'score', 'solved', 'unfinished', 'seconds', 'attempt', ...challenge.file.levels.flatMap((_, i) => [`level ${i + 1} solved`, `level ${i + 1} score`]), 'seed'];
			const body = rows.map(r =>
				[String(r.rank), csvCell(r.player), String(r.score), String(r.solved), r.unfinished ? '1' : '0', String(r.seconds), String(r.attempt), ...r.levels.flatMap(l => [l.solved ? '1' : '0', String(l.score)]), String(r.seed)].join(','),
			);
			out = `${[header.join(','), ...body].join('\n')}\n`;
			if (aside.length > 0) err = `${aside.join('\n')}\n`;
			break;
		}

		case 'markdown': {
			const cell = (text: string): string => data(text).replace(/([\\|`*_[\]<>#])/g, '\\$1');
			out = [`| rank | player | score | solved | time (s) |`, '| ---: | --- | ---: | ---: | ---: |', ...rows.map(r => `| ${r.rank} | ${cell(r.player)} | ${r.score} | ${r.solved}/${levels} | ${r.seconds}${r.unfinished ? ' (unfinished)' : ''} |`)].join('\n') + '\n';
			if (rejected.length > 0) out += `\nRejected:\n\n${rejected.map(r => `- ${cell(r.path)}: ${cell(r.reason)}`).join('\n')}\n`;
			if (warnings.length > 0) out += `\nWarnings:\n\n${warnings.map(w => `- ${cell(w)}`).join('\n')}\n`;
			break;
		}

		case 'table': {
			const names = rows.map(r => data(r.player));
			const width = Math.max(6, ...names.map(n => n.length));
			out = [`${data(challenge.file.title)}`, `rank  ${'player'.padEnd(width)}  score  solved  time (s)`, ...rows.map((r, i) => `${String(r.rank).padStart(4)}  ${names[i]!.padEnd(width)}  ${String(r.score).padStart(5)}  ${`${r.solved}/${levels}`.padStart(6)}  ${r.seconds.toFixed(1).padStart(8)}${r.unfinished ? '  unfinished' : ''}`)].join('\n') + '\n';
			if (rejected.length > 0) out += `\nrejected:\n${rejected.map(r => `  ${data(r.path)}: ${data(r.reason)}`).join('\n')}\n`;
			if (warnings.length > 0) out += `\nwarnings:\n${warnings.map(w => `  ${w}`).join('\n')}\n`;
			break;
		}
	}

	if (opts.rejected !== undefined) {
		// The rejected (and warnings) go to their own file; stdout stays the board alone.
		try {
			writeFileSync(opts.rejected, aside.length > 0 ? `${aside.join('\n')}\n` : '');
		} catch (error) {
			return {code: 2, stdout: '', stderr: `flp: cannot write ${data(opts.rejected)}: ${data((error as Error).message)}\n`};
		}

		if (chosen === 'csv') err = '';
	}

	return {code: 0, stdout: out, stderr: err};
}
