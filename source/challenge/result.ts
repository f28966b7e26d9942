/**
 * Challenge results: what a student's machine writes, and how the instructor checks it without
 * trusting any of it: every level is regenerated from the seed and replayed from its moves, and
 * every score recomputed.
 */
import {Analyzer} from '../engine/analysis.js';
import {lemmaInputs} from '../engine/game.js';
import {evaluateGoal} from '../engine/goals.js';
import {parseMove} from '../engine/notation.js';
import {type Move, type Result, fail, ok} from '../engine/types.js';
import {playAll} from '../engine/session.js';
import {countedMoves, startLevel} from '../scenario/scenario.js';
import {type Challenge, type Instance, hintsMode, instances, scoreLevel} from './challenge.js';
import {hashSeed} from './random.js';

export const RESULT_KIND = 'flp-challenge-result';

export interface LevelResult {
	readonly index: number;
	readonly id: string;
	/** For a level whose inputs the player chooses: the chosen X_i. */
	readonly inputs?: string;
	readonly moves: readonly string[];
	readonly solved: boolean;
	readonly timeMs: number;
	readonly hintsUsed: number;
	readonly score: number;
}

export interface ChallengeResult {
	readonly format: 1;
	readonly kind: typeof RESULT_KIND;
	readonly player: string;
	readonly seed: number;
	readonly challenge: {readonly id: string; readonly sha256: string};
	readonly timeLimit: number;
	/** Time used in all (the student's clock: used only to break ties). */
	readonly timeMs: number;
	/** False while the challenge is still running (or was interrupted). */
	readonly finished: boolean;
	/** How many times this player started this challenge on this machine (1 the first time). */
	readonly attempt?: number;
	readonly total: number;
	readonly levels: readonly LevelResult[];
}

/**
 * Whether the moves reach the level's goal (solved), or why they cannot be played. Each entry of
 * `moves` is exactly one move: the move count is the number of moves replayed.
 */
export function judgeLevel(instance: Instance, moves: readonly string[], inputs?: string): Result<boolean> {
	const {file} = instance;
	if (file.inputs === 'choose') {
		if (inputs === undefined) return moves.length === 0 ? ok(false) : fail('bad-inputs', 'moves without chosen inputs');
		const choices = Array.from({length: file.nodes + 1}, (_, i) => lemmaInputs(file.nodes, i));
		if (!choices.includes(inputs)) return fail('bad-inputs', `inputs ${shown(inputs)} are not one of X_0..X_${file.nodes}`);
	}

	const level = startLevel(file, file.inputs === 'choose' ? inputs : undefined);
	if (!level.ok) return level;
	const setup = level.value.session.configs[0]!.setup;
	const parsed: Move[] = [];
	for (const [i, text] of moves.entries()) {
		if (/[;\r\n]/.test(text)) return fail('bad-notation', `move ${i + 1}: ${shown(text)}: one entry is one move (no ; or line breaks)`);
		const move = parseMove(setup, text);
		if (!move.ok) return fail(move.code, `move ${i + 1}: ${move.message}`);
		parsed.push(move.value);
	}

	const played = playAll(level.value.session, parsed);
	if (!played.ok) return played;
	const analyzer = new Analyzer();
	const progress = evaluateGoal(
		level.value.goal,
		{configs: played.value.configs, moves: played.value.moves, start: level.value.start},
		c => analyzer.analyze(c, {witnesses: false}).label,
	);
	return ok(progress.state === 'reached');
}

/** The least time a move can credibly take (ms): a level's time below moves × this is rejected. */
export const MIN_MS_PER_MOVE = 50;

/** A value from a file, for a message: short, control characters shown escaped. */
export function shown(value: unknown, max = 40): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
	const escaped = escapeControls(text);
	return escaped.length > max ? `${escaped.slice(0, max)}…` : escaped;
}

/** Control characters (C0, DEL, C1) written as \n, \e, \u009b ...: text from files is data. */
export function escapeControls(text: string): string {
	return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ch => {
		const named: Record<string, string> = {'\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e'};
		return named[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
	});
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const whole = (v: unknown, min = 0): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;

/**
 * Check a result against the challenge: every field, then regenerate, replay, rescore. The
 * failure (code bad-result) says why the file is rejected.
 */
export function verifyResult(value: unknown, challenge: Challenge): Result<ChallengeResult> {
	const no = (reason: string): Result<ChallengeResult> => fail('bad-result', reason);
	if (!isObject(value) || value['kind'] !== RESULT_KIND) return no('not a challenge result file');
	if (value['format'] !== 1) return no(`format ${shown(value['format'])} is not 1`);
	const r = value;
	const player = r['player'];
	if (typeof player !== 'string' || player.trim() === '') return no('the player name is missing or blank');
	if (!whole(r['seed']) || r['seed'] > 0xffffffff) return no(`seed ${shown(r['seed'])} is not a whole number from 0 to 4294967295`);
	const seed = r['seed'];
	if (!Array.isArray(r['levels'])) return no('levels must be a list');
	const made = r['challenge'];
	if (!isObject(made)) return no('the challenge field is missing');
	if (made['id'] !== challenge.file.id) return no(`made for challenge "${shown(made['id'])}", not "${challenge.file.id}"`);
	if (made['sha256'] !== challenge.hash) return no('challenge hash mismatch: made with a different version of the challenge file');
	if (r['timeLimit'] !== challenge.file.timeLimit) return no(`timeLimit ${shown(r['timeLimit'])} is not the challenge's ${challenge.file.timeLimit} s`);
	if (typeof r['finished'] !== 'boolean') return no('finished must be true or false');
	if (r['attempt'] !== undefined && !whole(r['attempt'], 1)) return no(`attempt ${shown(r['attempt'])} is not a whole number ≥ 1`);
	if (!whole(r['timeMs']) || r['timeMs'] > challenge.file.timeLimit * 1000) {
		return no(`time used ${shown(r['timeMs'])} ms is not within the limit of ${challenge.file.timeLimit} s`);
	}

	if (!whole(r['total'])) return no(`total ${shown(r['total'])} is not a whole number`);
	if ((challenge.file.seeds ?? 'player') === 'player' && seed !== hashSeed(player)) {
		return no(`seed ${seed} is not the one this challenge gives ${shown(player)} (${hashSeed(player)})`);
	}

	const instancesForSeed = instances(challenge, seed);
	if (!instancesForSeed.ok) return no(instancesForSeed.message);
	const hintsAllowed = hintsMode(challenge.file) === 'full';
	let total = 0;
	let levelTime = 0;
	const seen = new Set<number>();
	for (const [k, level] of (r['levels'] as unknown[]).entries()) {
		if (!isObject(level)) return no(`levels[${k}] is not a level result`);
		const index = level['index'];
		if (!whole(index)) return no(`levels[${k}]: index ${shown(JSON.stringify(index) ?? String(index))} is not a level number`);
		const name = `level ${index + 1}`;
		const instance = instancesForSeed.value.find(i => i.index === index);
		if (!instance) return no(`level index ${index} is not in the challenge`);
		if (seen.has(index)) return no(`${name} appears twice`);
		seen.add(index);
		if (instance.file.id !== level['id']) return no(`${name} is "${shown(level['id'])}", but this seed gives "${String(instance.file.id)}"`);
		const moves = level['moves'];
		if (!Array.isArray(moves) || !moves.every(m => typeof m === 'string')) return no(`${name}: moves must be a list of moves`);
		const inputs = level['inputs'];
		if (inputs !== undefined && typeof inputs !== 'string') return no(`${name}: inputs must be text like 011`);
		if (typeof level['solved'] !== 'boolean') return no(`${name}: solved must be true or false`);
		if (!whole(level['timeMs'])) return no(`${name}: time used is not a whole number of milliseconds`);
		if (!whole(level['hintsUsed'])) return no(`${name}: hintsUsed is not a whole number`);
		if (!hintsAllowed && level['hintsUsed'] > 0) return no(`${name}: ${level['hintsUsed']} hints used, but this challenge shows none`);
		if (!whole(level['score'])) return no(`${name}: score ${shown(level['score'])} is not a whole number`);
		const judged = judgeLevel(instance, moves as string[], inputs as string | undefined);
		if (!judged.ok) return no(`${name}: ${judged.message}`);
		const solved = judged.value;
		if (solved !== level['solved']) {
			return no(`${name} claims ${level['solved'] ? 'solved' : 'unsolved'}, but its moves ${solved ? 'do' : 'do not'} reach the goal`);
		}

		// Counted as the game counts them (choosing a Lemma 1 start is one move), before a choice none.
		const count = instance.file.inputs === 'choose' && inputs === undefined ? 0 : countedMoves(instance.file, moves.length);
		if (level['timeMs'] < count * MIN_MS_PER_MOVE) {
			return no(`${name}: ${count} moves in ${level['timeMs']} ms is not credible (at least ${MIN_MS_PER_MOVE} ms a move)`);
		}

		const score = scoreLevel(challenge.scoring, instance.file.par, solved, count);
		if (score !== level['score']) return no(`${name}: score ${level['score']} claimed, ${score} by the rules`);
		total += score;
		levelTime += level['timeMs'];
	}

	if (total !== r['total']) return no(`total ${r['total']} claimed, ${total} by the rules`);
	// Each time is rounded to the millisecond on its own: allow one per level.
	if (levelTime > r['timeMs'] + seen.size) return no(`the levels' times add up to ${levelTime} ms, more than the ${r['timeMs']} ms used in all`);
	return ok(r as unknown as ChallengeResult);
}

/** Verified results ranked: score (highest first), then time used (least first), then name. */
export function rank(results: readonly ChallengeResult[]): ChallengeResult[] {
	return [...results].sort((a, b) => b.total - a.total || a.timeMs - b.timeMs || a.player.localeCompare(b.player));
}
