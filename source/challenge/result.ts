/**
 * Challenge results: what a student's machine writes, and how the instructor checks it without
 * trusting any of it: every level is regenerated from the seed and replayed from its moves, and
 * every score recomputed.
 */
import {Analyzer} from '../engine/analysis.js';
import {lemmaInputs} from '../engine/game.js';
import {evaluateGoal} from '../engine/goals.js';
import {parseMoves} from '../engine/notation.js';
import {playAll} from '../engine/session.js';
import {countedMoves, startLevel} from '../scenario/scenario.js';
import {type Challenge, type Instance, instances, scoreLevel} from './challenge.js';
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
	readonly total: number;
	readonly levels: readonly LevelResult[];
}

/** Whether the moves reach the level's goal, or why they cannot be played. */
export function judgeLevel(instance: Instance, moves: readonly string[], inputs?: string): {ok: true; solved: boolean} | {ok: false; reason: string} {
	const {file} = instance;
	if (file.inputs === 'choose') {
		if (inputs === undefined) return moves.length === 0 ? {ok: true, solved: false} : {ok: false, reason: 'moves without chosen inputs'};
		const choices = Array.from({length: file.nodes + 1}, (_, i) => lemmaInputs(file.nodes, i));
		if (!choices.includes(inputs)) return {ok: false, reason: `inputs ${inputs} are not one of X_0..X_${file.nodes}`};
	}

	const level = startLevel(file, file.inputs === 'choose' ? inputs : undefined);
	if (!level.ok) return {ok: false, reason: level.message};
	const setup = level.value.session.configs[0]!.setup;
	const parsed = parseMoves(setup, moves.join(';'));
	if (!parsed.ok) return {ok: false, reason: parsed.message};
	const played = playAll(level.value.session, parsed.value);
	if (!played.ok) return {ok: false, reason: played.message};
	const analyzer = new Analyzer();
	const progress = evaluateGoal(
		level.value.goal,
		{configs: played.value.configs, moves: played.value.moves, start: level.value.start},
		c => analyzer.analyze(c, {witnesses: false}).label,
	);
	return {ok: true, solved: progress.state === 'reached'};
}

export type Verdict = {readonly ok: true; readonly result: ChallengeResult} | {readonly ok: false; readonly reason: string};

/** Check a result against the challenge: regenerate, replay, rescore. */
export function verifyResult(value: unknown, challenge: Challenge): Verdict {
	const r = value as Partial<ChallengeResult>;
	if (typeof r !== 'object' || r === null || r.kind !== RESULT_KIND || r.format !== 1) return {ok: false, reason: 'not a challenge result file'};
	if (typeof r.player !== 'string' || !Number.isInteger(r.seed) || !Array.isArray(r.levels)) return {ok: false, reason: 'the file is missing its player, seed or levels'};
	if (r.challenge?.id !== challenge.file.id) return {ok: false, reason: `made for challenge "${String(r.challenge?.id)}", not "${challenge.file.id}"`};
	if (r.challenge.sha256 !== challenge.hash) return {ok: false, reason: 'challenge hash mismatch: made with a different version of the challenge file'};
	if ((challenge.file.seeds ?? 'player') === 'player' && r.seed !== hashSeed(r.player)) {
		return {ok: false, reason: `seed ${String(r.seed)} is not the one this challenge gives ${r.player} (${hashSeed(r.player)})`};
	}

	const made = instances(challenge, r.seed!);
	if (!made.ok) return {ok: false, reason: made.message};
	let total = 0;
	const seen = new Set<number>();
	for (const level of r.levels) {
		const instance = made.value.find(i => i.index === level.index);
		if (!instance) return {ok: false, reason: `level index ${String(level.index)} is not in the challenge`};
		if (seen.has(level.index)) return {ok: false, reason: `level ${level.index + 1} appears twice`};
		seen.add(level.index);
		if (instance.file.id !== level.id) return {ok: false, reason: `level ${level.index + 1} is "${level.id}", but this seed gives "${String(instance.file.id)}"`};
		if (!Array.isArray(level.moves) || !(level.moves as unknown[]).every(m => typeof m === 'string')) return {ok: false, reason: `level ${level.index + 1}: moves must be a list of moves`};
		const judged = judgeLevel(instance, level.moves, level.inputs);
		if (!judged.ok) return {ok: false, reason: `level ${level.index + 1}: ${judged.reason}`};
		if (judged.solved !== level.solved) {
			return {ok: false, reason: `level ${level.index + 1} claims ${level.solved ? 'solved' : 'unsolved'}, but its moves ${judged.solved ? 'do' : 'do not'} reach the goal`};
		}

		const count = countedMoves(instance.file, level.moves.length);
		const score = scoreLevel(challenge.scoring, instance.file.par, judged.solved, count);
		if (score !== level.score) return {ok: false, reason: `level ${level.index + 1}: score ${level.score} claimed, ${score} by the rules`};
		if (!Number.isFinite(level.timeMs) || level.timeMs < 0) return {ok: false, reason: `level ${level.index + 1}: time used is not a number of milliseconds`};
		total += score;
	}

	if (total !== r.total) return {ok: false, reason: `total ${String(r.total)} claimed, ${total} by the rules`};
	if (typeof r.timeMs !== 'number' || r.timeMs < 0 || r.timeMs > challenge.file.timeLimit * 1000) {
		return {ok: false, reason: `time used ${String(r.timeMs)} ms is not within the limit of ${challenge.file.timeLimit} s`};
	}

	return {ok: true, result: r as ChallengeResult};
}

/** Verified results ranked: score (highest first), then time used (least first), then name. */
export function rank(results: readonly ChallengeResult[]): ChallengeResult[] {
	return [...results].sort((a, b) => b.total - a.total || a.timeMs - b.timeMs || a.player.localeCompare(b.player));
}
