/** `flp results verify|board FILE... --challenge FILE`: check and rank students' result files. */
import {readText} from '../scenario/save.js';
import {type Challenge, readChallenge} from '../challenge/challenge.js';
import {type ChallengeResult, rank, verifyResult} from '../challenge/result.js';
import {type CommandResult, usageError} from './result.js';

export const BOARD_FORMATS = ['table', 'csv', 'markdown', 'json'] as const;
export type BoardFormat = (typeof BOARD_FORMATS)[number];

interface Checked {
	readonly accepted: Array<{path: string; result: ChallengeResult}>;
	readonly rejected: Array<{path: string; reason: string}>;
}

function check(paths: readonly string[], challenge: Challenge): Checked {
	const accepted: Checked['accepted'] = [];
	const rejected: Checked['rejected'] = [];
	for (const path of paths) {
		const text = readText(path);
		if (!text.ok) {
			rejected.push({path, reason: text.message.slice(path.length + 2)});
			continue;
		}

		let value: unknown;
		try {
			value = JSON.parse(text.value);
		} catch (error) {
			rejected.push({path, reason: `not readable as JSON (${(error as Error).message})`});
			continue;
		}

		const verdict = verifyResult(value, challenge);
		if (verdict.ok) accepted.push({path, result: verdict.result});
		else rejected.push({path, reason: verdict.reason});
	}

	return {accepted, rejected};
}

function load(paths: readonly string[], challengePath: string | undefined, verb: string): Challenge | CommandResult {
	if (!challengePath) return usageError(`results ${verb} needs --challenge FILE (the challenge the results are for)`);
	if (paths.length === 0) return usageError(`results ${verb} needs at least one result file`);
	const challenge = readChallenge(challengePath);
	if (!challenge.ok) return {code: 2, stdout: '', stderr: `${challenge.message}\n`};
	return challenge.value;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

export function runVerify(paths: readonly string[], challengePath: string | undefined): CommandResult {
	const challenge = load(paths, challengePath, 'verify');
	if ('code' in challenge) return challenge;
	const {accepted, rejected} = check(paths, challenge);
	const lines = [
		...accepted.map(({path, result}) => `ok       ${path}: ${result.player}, score ${result.total}, ${seconds(result.timeMs)} s${result.finished ? '' : ' (unfinished)'}`),
		...rejected.map(({path, reason}) => `REJECTED ${path}: ${reason}`),
	];
	return {code: rejected.length > 0 ? 1 : 0, stdout: `${lines.join('\n')}\n`, stderr: ''};
}

export function runBoard(paths: readonly string[], challengePath: string | undefined, format: string | undefined): CommandResult {
	const chosen = (format ?? 'table') as BoardFormat;
	if (!BOARD_FORMATS.includes(chosen)) return usageError(`--format must be one of ${BOARD_FORMATS.join(', ')}`);
	const challenge = load(paths, challengePath, 'board');
	if ('code' in challenge) return challenge;
	const {accepted, rejected} = check(paths, challenge);
	const ranked = rank(accepted.map(a => a.result));
	const rows = ranked.map((r, i) => ({rank: i + 1, player: r.player, score: r.total, solved: r.levels.filter(l => l.solved).length, seconds: Number(seconds(r.timeMs)), seed: r.seed}));
	const levels = challenge.file.levels.length;
	let out: string;
	switch (chosen) {
		case 'json':
			out = `${JSON.stringify({challenge: challenge.file.id, ranking: rows, rejected}, null, 2)}\n`;
			break;
		case 'csv':
			out = ['rank,player,score,solved,seconds,seed', ...rows.map(r => [r.rank, csv(r.player), r.score, r.solved, r.seconds, r.seed].join(','))].join('\n') + '\n';
			if (rejected.length > 0) out += `\nrejected,reason\n${rejected.map(r => `${csv(r.path)},${csv(r.reason)}`).join('\n')}\n`;
			break;
		case 'markdown':
			out = [`| rank | player | score | solved | time (s) |`, '| ---: | --- | ---: | ---: | ---: |', ...rows.map(r => `| ${r.rank} | ${r.player.replace(/\|/g, '\\|')} | ${r.score} | ${r.solved}/${levels} | ${r.seconds} |`)].join('\n') + '\n';
			if (rejected.length > 0) out += `\nRejected:\n\n${rejected.map(r => `- ${r.path}: ${r.reason}`).join('\n')}\n`;
			break;
		case 'table': {
			const width = Math.max(6, ...rows.map(r => r.player.length));
			out = [`${challenge.file.title}`, `rank  ${'player'.padEnd(width)}  score  solved  time (s)`, ...rows.map(r => `${String(r.rank).padStart(4)}  ${r.player.padEnd(width)}  ${String(r.score).padStart(5)}  ${`${r.solved}/${levels}`.padStart(6)}  ${r.seconds.toFixed(1).padStart(8)}`)].join('\n') + '\n';
			if (rejected.length > 0) out += `\nrejected:\n${rejected.map(r => `  ${r.path}: ${r.reason}`).join('\n')}\n`;
			break;
		}
	}

	return {code: 0, stdout: out, stderr: ''};
}

const csv = (text: string): string => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
