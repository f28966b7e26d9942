/**
 * What the play screen needs to know about a position: the analysis of the current
 * configuration (with witnesses) and a preview of each pending message's delivery. The preview
 * of the target is its starred label (Definition 2.1). Pure: the caller brings the deadline.
 */
import {type AnalysisLabel, type AnalysisOptions, Analyzer} from '../engine/analysis.js';
import type {Flags} from '../engine/outcomes.js';
import {formatMessage, formatMoves, parseMove, parseMoves} from '../engine/notation.js';
import {findInPool} from '../engine/configuration.js';
import {applyLegal} from '../engine/moves.js';
import {Oracle} from '../engine/oracle.js';
import {sameMessage} from '../engine/types.js';
import {type ProofAnswer, type ProofQuestion, answerProof} from './proof.js';
import {current, newSession, playAll} from '../engine/session.js';
import type {GameSpec} from '../engine/game.js';
import {OUTCOMES, type Outcome} from '../engine/types.js';
import {type GoalProgress, type GoalSpec, evaluateGoal} from '../engine/goals.js';
import {lookUpProtocol} from '../protocols/registry.js';

export interface PositionRequest {
	readonly id: number;
	readonly spec: GameSpec;
	/** The moves played, in notation (a level's setup moves included). */
	readonly moves: readonly string[];
	/** The level's goal, judged on the run; its player's part starts after `start` moves. */
	readonly goal?: {readonly spec: GoalSpec; readonly start: number};
	/** The target (notation) for the stall column; none: no stall column. */
	readonly target?: string;
	/** A question for the proof views, answered in `proof`. */
	readonly proof?: ProofQuestion;
	/** The search budget, in multiples of the service's own ("keep searching" doubles it). */
	readonly budgetScale?: number;
}

/**
 * How long the witness runs of one position may take after its answer (doubled with the
 * answer's budget by "keep searching"): each is the first run in the game's order, which can
 * take longer to find than the answer itself. Those not found in time are left out.
 */
export const WITNESS_BUDGET_MS = 3_000;

/** Why a search stopped before it was complete: its time, its memory, or the player (x). */
export type StopReason = 'time' | 'memory' | 'cancelled';

export interface Verdict {
	readonly label: AnalysisLabel;
	readonly outcomes: readonly Outcome[];
	readonly flags: Flags;
	readonly complete: boolean;
}

export interface Preview extends Verdict {
	/** The pending message, in notation. */
	readonly message: string;
	/**
	 * The stall column (Lemma 2 at work): the target's starred label after this message, for
	 * every pending message but the target when the request names one.
	 */
	readonly then?: AnalysisLabel;
}

export interface PositionReport {
	readonly id: number;
	/** `witnessesCut`: the budget ran out before every outcome's witness run was found. */
	readonly now: Verdict & {readonly witnesses: Partial<Record<Outcome, readonly string[]>>; readonly witnessesCut?: true};
	/** One per pending message, in pool order (oldest first). */
	readonly previews: readonly Preview[];
	/** States explored for this report. */
	readonly states: number;
	/** Set when the request could not be analysed at all (a bug, or a stale file). */
	readonly error?: string;
	/** How the level's goal stands, when the request named one. */
	readonly goal?: GoalProgress;
	/** The answer to the request's proof question. */
	readonly proof?: ProofAnswer;
	/** The target the stall column was computed for, as the request named it. */
	readonly target?: string;
	/** When `now` is not complete: why the search stopped. */
	readonly stopped?: StopReason;
}

/**
 * The most states the memo keeps before it starts afresh: at most about 1 GB at the sizes seen
 * (130 to 260 bytes per state with its links, the table's spare room included, measured on
 * ben-or with two rounds at n = 4 with symmetry, where every state has its links). Past it, a
 * position whose complete answer the memo already holds is still answered from it: every later
 * position of a game is reachable from an earlier one, so a memo that answered the start of a
 * game completely answers the rest of it without growing.
 */
export const MEMO_LIMIT = 4_000_000;

/** Analyzers keyed by game, so a memo survives across moves and across the previews. */
/** The report of a position that could not be analysed: unknown, nothing found, and why. */
export const failedReport = (id: number, error: string): PositionReport => ({
	id,
	now: {label: 'unknown', outcomes: [], flags: {agreement: false, termination: false, validity: false}, complete: false, witnesses: {}},
	previews: [],
	states: 0,
	error,
});

export class PositionAnalyst {
	private analyzer = new Analyzer();
	private key = '';
	/** The proof views' questions: this analyzer for the position's game, others for the ladder's. */
	private oracle = new Oracle();

	constructor(private readonly memoLimit = MEMO_LIMIT) {}

	report(request: PositionRequest, options: Pick<AnalysisOptions, 'shouldStop' | 'witnessStop' | 'maxStates' | 'maxBytes'> = {}): PositionReport {
		const key = JSON.stringify(request.spec);
		if (key !== this.key) {
			this.analyzer = new Analyzer();
			this.key = key;
			this.oracle = new Oracle();
		}

		const started = newSession(request.spec, lookUpProtocol);
		if (!started.ok) return failedReport(request.id, started.message);
		const setup = started.value.configs[0]!.setup;
		const moves = parseMoves(setup, request.moves.join(';'));
		const session = moves.ok ? playAll(started.value, moves.value) : moves;
		if (!session.ok) return failedReport(request.id, session.message);
		const c = current(session.value);
		if (this.analyzer.size > this.memoLimit && !this.analyzer.holds(c)) this.analyzer = new Analyzer();

		const main = this.analyzer.analyze(c, options);
		const witnesses: Partial<Record<Outcome, readonly string[]>> = {};
		for (const o of OUTCOMES) {
			const run = main.witnesses[o];
			if (run) witnesses[o] = formatMoves(setup, run);
		}

		let states = main.states;
		const target = request.target === undefined ? undefined : parseMove(setup, request.target);
		const targetMessage = target?.ok && target.value.kind === 'deliver' && findInPool(c, target.value.message) ? target.value.message : undefined;
		const previews: Preview[] = [];
		for (const entry of c.pool) {
			const star = this.analyzer.analyzeStar(c, entry.message, {...options, witnesses: false})!;
			states += star.states;
			let then: AnalysisLabel | undefined;
			if (targetMessage && !sameMessage(targetMessage, entry.message)) {
				const after = this.analyzer.analyzeStar(applyLegal(c, {kind: 'deliver', message: entry.message}), targetMessage, {...options, witnesses: false})!;
				states += after.states;
				then = after.label;
			}

			previews.push({
				message: formatMessage(setup, entry.message),
				label: star.label,
				outcomes: star.outcomes,
				flags: star.flags,
				complete: star.complete,
				...(then === undefined ? {} : {then}),
			});
		}

		const verdict = {label: main.label, outcomes: main.outcomes, flags: main.flags, complete: main.complete};
		const goal = request.goal
			? evaluateGoal(
					request.goal.spec,
					{configs: session.value.configs, moves: session.value.moves, start: request.goal.start},
					config => this.analyzer.analyze(config, {...options, witnesses: false}).label,
					config => {
						const analysis = this.analyzer.analyze(config, {...options, witnesses: false});
						return analysis.outcomes.includes('split') ? true : analysis.complete ? false : undefined;
					},
				)
			: undefined;
		const proof = request.proof ? answerProof(this.oracle.adopt(c, this.analyzer).budget(options), c, request.proof) : undefined;
		return {
			id: request.id,
			now: {...verdict, witnesses, ...(main.witnessesCut ? {witnessesCut: true as const} : {})},
			previews,
			states,
			...(goal ? {goal} : {}),
			...(proof ? {proof} : {}),
			...(targetMessage ? {target: request.target} : {}),
		};
	}
}
