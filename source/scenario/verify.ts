/** Replaying a scenario file with the engine: each step's label, the checkpoints, the goal. */
import {type Analysis, type AnalysisOptions, Analyzer} from '../engine/analysis.js';
import type {Configuration} from '../engine/configuration.js';
import {type GoalProgress, evaluateGoal} from '../engine/goals.js';
import {formatMove} from '../engine/notation.js';
import {type Session, targetIn} from '../engine/session.js';
import {type Result, fail, ok} from '../engine/types.js';
import type {ScenarioFile} from './format.js';
import {type Level, playFile} from './scenario.js';

export interface Step {
	/** Moves of the player's part made so far (0 = the level's start). */
	readonly k: number;
	/** The move that led here, in notation (undefined at the start). */
	readonly move?: string;
	readonly analysis: Analysis;
	/** The starred label: the analysis after delivering the target here. */
	readonly star?: Analysis;
	readonly target?: string;
}

export interface Verification {
	readonly level: Level;
	readonly steps: readonly Step[];
	readonly goal: GoalProgress;
	/** Checkpoints that did not hold, each in a sentence. */
	readonly failures: readonly string[];
}

export function labeller(analyzer: Analyzer, options: AnalysisOptions) {
	return (c: Configuration) => analyzer.analyze(c, {...options, witnesses: false}).label;
}

/** Whether a split is reachable (hold-agreement goals): undefined while the answer is not complete. */
export function splitter(analyzer: Analyzer, options: AnalysisOptions) {
	return (c: Configuration): boolean | undefined => {
		const analysis = analyzer.analyze(c, {...options, witnesses: false});
		return analysis.outcomes.includes('split') ? true : analysis.complete ? false : undefined;
	};
}

/** Replay a file's moves and judge every step. Undefined result fields never hide a failure. */
export function verifyFile(file: ScenarioFile, options: AnalysisOptions = {}): Result<Verification> {
	if (file.inputs === 'choose') return fail('bad-inputs', 'the player chooses the inputs: there is nothing to replay');
	const level = playFile(file);
	if (!level.ok) return level;
	const {session, start, goal} = level.value;
	const analyzer = new Analyzer();
	const setup = session.configs[0]!.setup;
	const steps: Step[] = [];
	for (let k = 0; start + k < session.configs.length; k++) {
		const c = session.configs[start + k]!;
		const target = targetIn(c, goal.target ?? null)?.message;
		const analysis = analyzer.analyze(c, {...options, witnesses: false});
		const star = target ? analyzer.analyzeStar(c, target, {...options, witnesses: false}) : undefined;
		steps.push({
			k,
			...(k > 0 ? {move: formatMove(setup, session.moves[start + k - 1]!)} : {}),
			analysis,
			...(star ? {star} : {}),
			...(target ? {target: formatMove(setup, {kind: 'deliver', message: target})} : {}),
		});
	}

	const labelOf = labeller(analyzer, options);
	const runTo = (k: number): Session['configs'] => session.configs.slice(0, start + k + 1);
	const judge = (k: number): GoalProgress =>
		evaluateGoal(goal, {configs: runTo(k), moves: session.moves.slice(0, start + k), start}, labelOf, splitter(analyzer, options));
	const failures: string[] = [];
	for (const checkpoint of file.expect ?? []) {
		const step = steps[checkpoint.after];
		if (!step) {
			failures.push(`checkpoint after ${checkpoint.after}: the file has only ${steps.length - 1} moves`);
			continue;
		}

		const where = `after move ${checkpoint.after}${step.move ? ` (${step.move})` : ''}`;
		if (checkpoint.label !== undefined && String(checkpoint.label) !== step.analysis.label) {
			failures.push(`${where}: label is ${step.analysis.label}, expected ${checkpoint.label}`);
		}

		if (checkpoint.star !== undefined && String(checkpoint.star) !== (step.star?.label ?? 'none')) {
			failures.push(`${where}: starred label is ${step.star?.label ?? '(no target)'}*, expected ${checkpoint.star}*`);
		}

		for (const [flag, expected] of Object.entries(checkpoint.flags ?? {})) {
			const actual = step.analysis.flags[flag as keyof Analysis['flags']];
			if (actual !== expected) failures.push(`${where}: ${flag} ${actual ? 'can' : 'cannot'} be broken, expected the opposite`);
		}

		if (checkpoint.goal !== undefined) {
			const progress = judge(checkpoint.after);
			if (progress.state !== checkpoint.goal) failures.push(`${where}: goal is ${progress.state}, expected ${checkpoint.goal}${progress.message ? ` (${progress.message})` : ''}`);
		}
	}

	return ok({level: level.value, steps, goal: judge(steps.length - 1), failures});
}
