/**
 * "Watch the proof": the theorem's strategy played by the engine, as the seed lecture states it.
 * Lemma 1 picks C_0; then, round after round, the target is the oldest pending message, and the
 * adversary stalls (Lemma 2) as long as needed, then delivers it, keeping every configuration
 * ambiguous. Among the stalls Lemma 2 allows, it takes one that keeps the run going for the most
 * rounds the analysis says are possible (and, among those, the shortest); where that count is
 * too costly to compute it takes the shortest stall. The run ends when no stall keeps it
 * ambiguous, and the plan says what that means for the protocol. Also: the hint key's move.
 * Pure; the budget is the oracle's plus `maxConfigs`.
 */
import type {AnalysisLabel} from './analysis.js';
import {type Configuration, type Setup, configKey} from './configuration.js';
import {type GoalSpec} from './goals.js';
import {type Ladder, lemma1Ladder} from './lemma1.js';
import {findStall} from './lemma2.js';
import {applyLegal, legalMoves} from './moves.js';
import {formatMove} from './notation.js';
import {type Breach, type Oracle, breachSentence, deliverMove, messageName, whatBreaks} from './oracle.js';
import {type Message, type Move, sameMessage} from './types.js';

export interface WatchOptions {
	/** Stop after this many rounds (default 100). */
	readonly maxRounds?: number;
	/** The most configurations the round count may visit before the shortest stall is used (default 20,000). */
	readonly maxConfigs?: number;
}

export interface WatchMove {
	readonly move: Move;
	/** A stall move, or the delivery of the round's target. */
	readonly role: 'stall' | 'target';
	/** The round it belongs to, from 1. */
	readonly round: number;
	/** The configuration after the move, and its label. */
	readonly config: Configuration;
	readonly label: AnalysisLabel;
	/** For a stall move: the target's starred label after it. */
	readonly star?: AnalysisLabel;
	/** The move narrated in one line. */
	readonly text: string;
}

export interface WatchEnd {
	readonly reason: 'no-start' | 'no-stall' | 'max-rounds' | 'unknown';
	readonly sentences: readonly string[];
	readonly breach?: Breach;
	/** The configuration the run stopped at. */
	readonly at?: Configuration;
}

export interface WatchPlan {
	readonly ladder: Ladder;
	/** C_0, when Lemma 1 found one. */
	readonly start?: Configuration;
	/** The opening lines (Lemma 1). */
	readonly intro: readonly string[];
	readonly moves: readonly WatchMove[];
	readonly rounds: number;
	/** Whether the rounds played are the most the analysis allows from C_0 (false when the count was too costly). */
	readonly maximal: boolean;
	readonly end: WatchEnd;
}

class Budget extends Error {}

/**
 * The most rounds (each: stall, then deliver the oldest message) that keep every configuration
 * ambiguous from an ambiguous c, capped at `cap`. From c with oldest message t: deliver t now
 * (if that is ambiguous) and go on, or make any other move that keeps ambiguity; t stays the
 * oldest message through a stall, so the count's state is the configuration with its pool order.
 */
export class RoundCounter {
	private readonly memo = new Map<string, number>();

	constructor(
		private readonly oracle: Oracle,
		private readonly cap: number,
		private readonly maxConfigs = 20_000,
	) {}

	get visited(): number {
		return this.memo.size;
	}

	/** The count from c (ambiguous), or undefined when the budget ran out. */
	rounds(c: Configuration): number | undefined {
		try {
			return this.count(c);
		} catch (error) {
			if (error instanceof Budget) return undefined;
			throw error;
		}
	}

	private count(c: Configuration): number {
		const key = configKey(c, true);
		const known = this.memo.get(key);
		if (known !== undefined) return known;
		if (this.memo.size >= this.maxConfigs) throw new Budget();
		const t = c.pool[0]?.message;
		let best = 0;
		if (t) {
			const delivered = applyLegal(c, deliverMove(t));
			const label = this.oracle.label(delivered);
			if (label === 'unknown') throw new Budget();
			if (label === 'ambiguous') best = Math.min(this.cap, 1 + this.count(delivered));
			for (const move of legalMoves(c)) {
				if (best >= this.cap) break;
				if (move.kind === 'deliver' && sameMessage(move.message, t)) continue;
				const next = applyLegal(c, move);
				const nextLabel = this.oracle.label(next);
				if (nextLabel === 'unknown') throw new Budget();
				if (nextLabel === 'ambiguous') best = Math.max(best, this.count(next));
			}
		}

		this.memo.set(key, best);
		return best;
	}
}

const name = (c: Configuration, move: Move): string => formatMove(c.setup, move);

/** Play the theorem's strategy on a game's protocol, n, f and faults (its inputs are Lemma 1's to choose). */
export function watchProof(oracle: Oracle, setup: Setup, options: WatchOptions = {}): WatchPlan {
	const maxRounds = options.maxRounds ?? 100;
	const ladder = lemma1Ladder(oracle, setup);
	const intro = [`Lemma 1: ${ladder.rungs.map(r => `X_${r.i} ${r.inputs} ${r.label}`).join(' · ')}.`];
	const chosen = ladder.ambiguous;
	if (chosen === undefined) {
		const sentences = ['No initial configuration X_i is ambiguous, so the proof cannot start.', ...ladder.steps.slice(1)];
		return {ladder, intro, moves: [], rounds: 0, maximal: true, end: {reason: ladder.complete ? 'no-start' : 'unknown', sentences}};
	}

	const start = ladder.rungs[chosen]!.config;
	intro.push(
		chosen === ladder.pivot
			? `C_0 = X_${chosen} = ${ladder.rungs[chosen]!.inputs}: the first X_i that is not a 0-configuration, and it is ambiguous.`
			: `C_0 = X_${chosen} = ${ladder.rungs[chosen]!.inputs}, the first ambiguous X_i.`,
	);
	const counter = new RoundCounter(oracle, maxRounds, options.maxConfigs);
	const possible = counter.rounds(start);
	const maximal = possible !== undefined;
	if (possible !== undefined) intro.push(`The analysis says ${possible} round${possible === 1 ? '' : 's'} can be kept ambiguous from C_0${possible >= maxRounds ? ' (at least)' : ''}.`);

	const moves: WatchMove[] = [];
	let c = start;
	let round = 0;
	for (;;) {
		if (round >= maxRounds) {
			return {ladder, start, intro, moves, rounds: round, maximal, end: {reason: 'max-rounds', sentences: [`${round} rounds played, every configuration ambiguous: the watch stops here.`], at: c}};
		}

		const entry = c.pool[0];
		if (!entry) {
			return {ladder, start, intro, moves, rounds: round, maximal, end: {reason: 'no-stall', sentences: ['The pool is empty: the run is over.'], at: c}};
		}

		const t = entry.message;
		const left = maximal ? counter.rounds(c) : undefined;
		const stall =
			left !== undefined && left > 0
				? findStall(oracle, c, t, {accept: y => Math.min(maxRounds, 1 + (counter.rounds(applyLegal(y, deliverMove(t))) ?? 0)) >= left})
				: left === 0
					? undefined
					: findStall(oracle, c, t);
		if (!stall || (stall.status !== 'now' && stall.status !== 'found')) {
			if (stall?.status === 'unknown' || !oracle.complete) {
				return {ladder, start, intro, moves, rounds: round, maximal, end: {reason: 'unknown', sentences: ['The analysis ran out of budget: the watch stops here.'], at: c}};
			}

			return {ladder, start, intro, moves, rounds: round, maximal, end: endOf(oracle, c, t, round)};
		}

		const e = messageName(c, t);
		round++;
		for (const [k, move] of stall.moves.entries()) {
			const before = stall.stars[k]!;
			const after = stall.configs[k + 1]!;
			const star = stall.stars[k + 1]!;
			moves.push({
				move,
				role: 'stall',
				round,
				config: after,
				label: oracle.label(after),
				star,
				text: `Round ${round}, Lemma 2: e = ${e} is ${before}*, so stall with ${name(c, move)}; then e is ${star}*.`,
			});
		}

		const y = stall.configs.at(-1)!;
		c = applyLegal(y, deliverMove(t));
		const label = oracle.label(c);
		moves.push({
			move: deliverMove(t),
			role: 'target',
			round,
			config: c,
			label,
			text:
				stall.moves.length === 0
					? `Round ${round}: e = ${e}, the oldest message, is ambiguous*: deliver it. C_${round} is ${label}.`
					: `Round ${round}: e = ${e} is ambiguous* now: deliver it. C_${round} is ${label}.`,
		});
	}
}

function endOf(oracle: Oracle, c: Configuration, t: Message, rounds: number): WatchEnd {
	const star = oracle.star(c, t);
	const breach = whatBreaks(oracle, c);
	const sentences = [
		`Round ${rounds + 1}: e = ${messageName(c, t)} is the oldest message and ${star}* here, and no stall keeps the run ambiguous: every way to deliver it loses ambiguity.`,
	];
	if (!breach) {
		sentences.push('The analysis finds no property broken from here.');
	} else if (breach.property === 'termination') {
		sentences.push(`From here the protocol cannot be made to disagree or break validity: it is safe, so it gives up termination (${breachSentence(c, breach)}). Lemma 2 fails here only because a node may never decide.`);
	} else {
		sentences.push(`Lemma 2 holds for a protocol with agreement and validity upon termination, and this one does not guarantee ${breach.property}: ${breachSentence(c, breach)}. A protocol that terminates must pay with safety.`);
	}

	sentences.push(`The run stayed ambiguous for ${rounds} round${rounds === 1 ? '' : 's'}; for a correct protocol it could go on forever, which is the contradiction FLP draws.`);
	return {reason: 'no-stall', sentences, breach, at: c};
}

export interface Hint {
	/** The move the proof's strategy would make, when there is one. */
	readonly move?: Move;
	/** For a find-ambiguous-start level: the inputs to choose. */
	readonly inputs?: string;
	/** The move and its reason in one line. */
	readonly text: string;
}

/**
 * The hint key: the move the proof's strategy would make at c with target t, given the level's
 * goal (a stall/forever/explore level: Lemma 2's next move; a diamond level: the pair to deliver;
 * a break level: the first move of a run that breaks it).
 */
export function proofHint(oracle: Oracle, c: Configuration, target: Message | undefined, goal?: GoalSpec): Hint {
	const kind = goal?.kind ?? 'explore';
	if (kind === 'find-ambiguous-start') {
		const ladder = lemma1Ladder(oracle, c.setup);
		const i = ladder.ambiguous;
		if (i === undefined) return {text: 'No X_i is ambiguous here: Lemma 1 fails for this game (see the ladder, [l]).'};
		return {inputs: ladder.rungs[i]!.inputs, text: `Choose X_${i} = ${ladder.rungs[i]!.inputs}: ${i === ladder.pivot ? 'the first X_i that is not a 0-configuration' : 'the first ambiguous X_i'} (Lemma 1).`};
	}

	if (kind === 'break-agreement' || kind === 'break-validity' || kind === 'break-termination') {
		const outcome = kind === 'break-agreement' ? 'split' : kind === 'break-validity' ? 'invalid' : 'stuck';
		const answer = oracle.analyze(c, true);
		const run = answer.witnesses[outcome];
		if (!run && answer.outcomes.includes(outcome)) return {text: `A run ends with ${outcome} from here, but the budget ran out before one was found.`};
		if (!run) return {text: `From here no run ends with ${outcome}: undo.`};
		if (run.length === 0) return {text: 'This configuration already has that outcome.'};
		return {move: run[0]!, text: `${name(c, run[0]!)}: the first move of a run that ends with ${outcome} (${run.length} moves).`};
	}

	if (kind === 'diamond') return diamondHint(oracle, c, goal!);
	if (!target) return {text: 'The pool is empty: there is no target.'};
	const label = oracle.label(c);
	if (label !== 'ambiguous') {
		if (label === 'unknown') return {text: 'The run is not analysed yet: undo to an ambiguous position.'};
		// At the start there is nothing to undo: the game itself is not ambiguous.
		if (c.step === 0) return {text: `This game starts ${label === 'none' ? 'with no decision reachable' : `${label}-valent (only ${label} can ever be decided)`}: nothing to undo; choose other inputs (the ladder, l, finds an ambiguous start) or allow more behaviours.`};
		return {text: 'The run is no longer ambiguous: undo to an ambiguous position.'};
	}
	const e = messageName(c, target);
	const stall = findStall(oracle, c, target);
	if (stall.status === 'now') return {move: deliverMove(target), text: `Deliver the target ${e}: it is ambiguous* here, so no stall is needed (Lemma 2).`};
	if (stall.status === 'found') {
		const move = stall.moves[0]!;
		return {
			move,
			text: `${name(c, move)}: the target is ${stall.stars[0]}* now; this stall keeps every step ambiguous and makes it ambiguous* in ${stall.moves.length} move${stall.moves.length === 1 ? '' : 's'} (Lemma 2).`,
		};
	}

	if (stall.status === 'unknown') return {text: 'The search for a stall ran out of budget.'};
	return {text: `No stall keeps the run ambiguous before ${e}: [p] shows why.`};
}

function diamondHint(oracle: Oracle, c: Configuration, goal: GoalSpec): Hint {
	if (goal.hide && goal.pair) {
		const [m] = goal.pair;
		const node = c.nodes[m.to - 1];
		if (node?.corrupt !== 'byzantine') {
			const move: Move = {kind: 'corrupt', node: m.to, behaviour: 'byzantine'};
			return {move, text: `corrupt ${m.to} as byzantine: then node ${m.to} acts on neither message, and the order is hidden (Case 2).`};
		}

		const next = goal.pair.find(p => c.pool.some(e => sameMessage(e.message, p)));
		return next ? {move: deliverMove(next), text: `${messageName(c, next)}: node ${m.to} is byzantine now; deliver the pair.`} : {text: 'Both messages are delivered.'};
	}

	const pending = c.pool.map(e => e.message);
	for (const a of pending) {
		for (const b of pending) {
			if (sameMessage(a, b)) continue;
			if (goal.commute) {
				if (a.to === b.to) continue;
				return {move: deliverMove(a), text: `${messageName(c, a)}, then ${messageName(c, b)}: two different recipients, so the order cannot show (Case 1).`};
			}

			if (a.to !== b.to) continue;
			const ab = oracle.label(applyLegal(applyLegal(c, deliverMove(a)), deliverMove(b)));
			const ba = oracle.label(applyLegal(applyLegal(c, deliverMove(b)), deliverMove(a)));
			if ((ab === '0' && ba === '1') || (ab === '1' && ba === '0')) {
				return {move: deliverMove(a), text: `${messageName(c, a)}, then ${messageName(c, b)}: this order gives ${ab}, the other ${ba}; the order decides (Case 2).`};
			}
		}
	}

	return {text: 'No pair of pending messages decides by its order here.'};
}
