/**
 * Level goals, judged on a run. Pure: the caller brings `labelOf`, which may answer
 * `unknown` (then so may the goal).
 *
 *   find-ambiguous-start  the initial configuration is ambiguous (Lemma 1)
 *   stall                 deliver the target last, every configuration ambiguous (Lemma 2)
 *   diamond               the last two deliveries decide by their order: one order gives a
 *                         0-configuration, the other a 1-configuration (Figure 3). With
 *                         `commute`: the last two deliveries go to different nodes, and both
 *                         orders reach the same configuration (Case 1). With `hide` and a
 *                         pair: both are delivered to a recipient already byzantine, so both
 *                         orders reach the same configuration (the case r = r')
 *   forever               K rounds of Lemma 2, each targeting the oldest pending message
 *   break-*               reach a quiescent configuration with split / invalid / stuck
 *   hold-agreement        the lesson that a protocol is safe: end a run that has a
 *                         corruption in it and a decision, while the analysis proves no run
 *                         from the level's start can split (the goal the player cannot break)
 *   explore               never reached: the sandbox
 */
import type {AnalysisLabel} from './analysis.js';
import {type Configuration, type PoolEntry, configKey, isQuiescent} from './configuration.js';
import {applyLegal} from './moves.js';
import {formatMessage, formatMove} from './notation.js';
import {INVALID, SPLIT, STUCK, evaluate} from './outcomes.js';
import {type Message, type Move, sameMessage} from './types.js';

/** The goal kinds, as scenario files name them. */
export const GOAL_KINDS = [
	'find-ambiguous-start',
	'stall',
	'diamond',
	'forever',
	'break-agreement',
	'break-validity',
	'break-termination',
	'hold-agreement',
	'explore',
] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

export interface GoalSpec {
	readonly kind: GoalKind;
	/** stall: the target (default: the oldest pending message when play starts). */
	readonly target?: Message;
	/** forever: rounds to complete. */
	readonly rounds?: number;
	/** diamond with hide: the two messages whose order a byzantine recipient hides. */
	readonly pair?: readonly [Message, Message];
	readonly hide?: boolean;
	readonly commute?: boolean;
}

export type GoalState = 'reached' | 'failed' | 'open' | 'unknown';

export interface GoalProgress {
	readonly state: GoalState;
	/** One sentence for the player. */
	readonly message: string;
	/** forever: rounds completed so far. */
	readonly rounds?: number;
}

/** The run being judged: configs[k] after k moves; the player's part starts at `start`. */
export interface Run {
	readonly configs: readonly Configuration[];
	readonly moves: readonly Move[];
	readonly start: number;
}

const delivers = (move: Move | undefined, m: Message): boolean => move?.kind === 'deliver' && sameMessage(move.message, m);

/** The same configuration, ages aside (`configKey`). */
const sameConfiguration = (a: Configuration, b: Configuration): boolean => configKey(a) === configKey(b);

/** The goal in a sentence; `first` (the level's start) is needed only to name messages. */
export function goalSentence(goal: GoalSpec, first?: Configuration): string {
	const name = (m: Message | undefined): string => (m && first ? formatMessage(first.setup, m) : '');
	switch (goal.kind) {
		case 'find-ambiguous-start':
			return 'choose inputs X_i whose initial configuration is ambiguous.';
		case 'stall': {
			return `deliver the target ${name(goal.target ?? first?.pool[0]?.message)} last, with every configuration ambiguous.`;
		}

		case 'diamond':
			if (goal.hide && goal.pair) {
				return `make node ${goal.pair[0].to} byzantine, then deliver ${name(goal.pair[0])} and ${name(goal.pair[1])}.`;
			}

			return goal.commute
				? 'deliver two messages to two different nodes, one right after the other.'
				: 'deliver a pair whose order decides: one order forces 0, the other 1.';
		case 'forever':
			return `complete ${goal.rounds ?? 1} rounds: each delivers the oldest message, always ambiguous.`;
		case 'break-agreement':
			return 'end the run (empty pool) with two honest nodes deciding differently.';
		case 'break-validity':
			return 'end the run with honest nodes of one input deciding the other value.';
		case 'break-termination':
			return 'end the run (empty pool) with an honest node that never decides.';
		case 'hold-agreement':
			return 'try to split: end a run (empty pool) with a crash and a decision.';
		case 'explore':
			return 'explore: keep the run ambiguous, or break a property of the protocol.';
	}
}

/** Judge every configuration from `from` to the end: the first that is not ambiguous. */
function firstNotAmbiguous(
	run: Run,
	from: number,
	labelOf: (c: Configuration) => AnalysisLabel,
): {k: number; label: AnalysisLabel} | undefined {
	for (let k = from; k < run.configs.length; k++) {
		const label = labelOf(run.configs[k]!);
		if (label !== 'ambiguous') return {k, label};
	}

	return undefined;
}

function lostAt(run: Run, k: number, label: AnalysisLabel): GoalProgress {
	if (label === 'unknown') return {state: 'unknown', message: `The label after move ${k - run.start} is not known yet.`};
	const setup = run.configs[0]!.setup;
	const what = k <= run.start ? 'The start' : `Move ${k - run.start} (${formatMove(setup, run.moves[k - 1]!)})`;
	return {state: 'failed', message: `${what} left a ${label === 'none' ? 'configuration with no decision' : `${label}-configuration`}: undo and find another way.`};
}

/**
 * `splitOf` says whether a split is reachable from a configuration (undefined: not known yet);
 * only `hold-agreement` asks it, and without it that goal stays unknown.
 */
export function evaluateGoal(
	goal: GoalSpec,
	run: Run,
	labelOf: (c: Configuration) => AnalysisLabel,
	splitOf?: (c: Configuration) => boolean | undefined,
): GoalProgress {
	const last = run.configs.at(-1)!;
	const played = run.moves.length - run.start;
	switch (goal.kind) {
		case 'explore':
			return {state: 'open', message: ''};
		case 'find-ambiguous-start': {
			const label = labelOf(run.configs[0]!);
			if (label === 'ambiguous') return {state: 'reached', message: 'This initial configuration is ambiguous: Lemma 1 found.'};
			if (label === 'unknown') return {state: 'unknown', message: 'The label of the start is not known yet.'};
			return {state: 'failed', message: `This start is a ${label}-configuration; try other inputs.`};
		}

		case 'break-agreement':
		case 'break-validity':
		case 'break-termination': {
			const bit = goal.kind === 'break-agreement' ? SPLIT : goal.kind === 'break-validity' ? INVALID : STUCK;
			if (isQuiescent(last) && (evaluate(last) & bit) !== 0) {
				return {state: 'reached', message: `Broken in ${played} moves.`};
			}

			return {state: 'open', message: ''};
		}

		case 'hold-agreement': {
			const start = run.configs[run.start]!;
			const split = splitOf?.(start);
			if (split === true) return {state: 'failed', message: 'A split is reachable from the start: this protocol does not keep agreement.'};
			if (!isQuiescent(last)) return {state: 'open', message: ''};
			if ((evaluate(last) & SPLIT) !== 0) return {state: 'failed', message: 'A split: the engine was wrong (please report it).'};
			if (!run.moves.slice(run.start).some(move => move.kind === 'corrupt')) {
				return {state: 'open', message: 'The run ended without a crash: undo and crash a node where it hurts most.'};
			}

			if (!last.nodes.some(node => node.corrupt === null && node.output !== null)) {
				return {state: 'open', message: 'Nobody decided, so nothing could disagree: undo and let a value be chosen.'};
			}

			if (split === undefined) return {state: 'unknown', message: 'The proof is not complete yet.'};
			return {state: 'reached', message: `No split in ${played} moves, and the engine proves no run from the start can split: agreement holds.`};
		}

		case 'stall': {
			const first = run.configs[run.start]!;
			const target = goal.target ?? first.pool[0]?.message;
			if (!target) return {state: 'failed', message: 'The pool is empty: there is no target.'};
			const bad = firstNotAmbiguous(run, run.start, labelOf);
			if (bad) return lostAt(run, bad.k, bad.label);
			const at = run.moves.findIndex((move, i) => i >= run.start && delivers(move, target));
			if (at >= 0) {
				return {state: 'reached', message: `Target delivered at move ${at + 1 - run.start}, still ambiguous: that is Lemma 2.`};
			}

			return {state: 'open', message: ''};
		}

		case 'forever': {
			const wanted = goal.rounds ?? 1;
			let rounds = 0;
			let target: PoolEntry | undefined = run.configs[run.start]!.pool[0];
			for (let k = run.start; k < run.moves.length && target; k++) {
				if (delivers(run.moves[k], target.message)) {
					rounds++;
					target = run.configs[k + 1]!.pool[0];
				}
			}

			const bad = firstNotAmbiguous(run, run.start, labelOf);
			if (bad) return {...lostAt(run, bad.k, bad.label), rounds};
			if (rounds >= wanted) return {state: 'reached', message: `${rounds} rounds, ambiguous all the way: the FLP run.`, rounds};
			if (!target) return {state: 'failed', message: 'The pool is empty: no round can follow.', rounds};
			return {state: 'open', message: `Round ${rounds + 1} of ${wanted}: deliver ${formatMessage(last.setup, target.message)} last.`, rounds};
		}

		case 'diamond': {
			if (goal.hide) {
				const [m, mm] = goal.pair ?? [];
				if (!m || !mm) return {state: 'failed', message: 'This level names no pair.'};
				const i = run.moves.findIndex((move, k) => k >= run.start && delivers(move, m));
				const j = run.moves.findIndex((move, k) => k >= run.start && delivers(move, mm));
				if (i < 0 || j < 0) return {state: 'open', message: ''};
				const before = run.configs[Math.min(i, j)]!;
				if (before.nodes[m.to - 1]?.corrupt !== 'byzantine') {
					return {state: 'failed', message: `Node ${m.to} was honest when the pair arrived, so the order showed: undo and corrupt it first.`};
				}

				const one = applyLegal(applyLegal(before, {kind: 'deliver', message: m}), {kind: 'deliver', message: mm});
				const other = applyLegal(applyLegal(before, {kind: 'deliver', message: mm}), {kind: 'deliver', message: m});
				if (sameConfiguration(one, other)) {
					return {state: 'reached', message: `Node ${m.to} is byzantine: both orders reach the same configuration.`};
				}

				return {state: 'open', message: 'The two orders still differ.'};
			}

			const n = run.moves.length;
			if (n - run.start < 2) return {state: 'open', message: ''};
			const a = run.moves[n - 2]!;
			const b = run.moves[n - 1]!;
			if (a.kind !== 'deliver' || b.kind !== 'deliver') return {state: 'open', message: ''};
			const x = run.configs[n - 2]!;
			// The second message may have been sent by the first delivery: then it has no other order.
			if (!x.pool.some(entry => sameMessage(entry.message, b.message))) {
				return {state: 'open', message: `${formatMessage(x.setup, b.message)} was sent by the delivery before it: pick two messages pending together.`};
			}

			const swapped = applyLegal(applyLegal(x, b), a);
			if (goal.commute) {
				if (a.message.to === b.message.to) return {state: 'open', message: 'Those two went to the same node: try two different recipients.'};
				return sameConfiguration(last, swapped)
					? {state: 'reached', message: `Nodes ${a.message.to} and ${b.message.to} cannot tell the order: both orders reach the same configuration.`}
					: {state: 'open', message: 'The two orders differ (this should not happen: please report it).'};
			}

			const here = labelOf(last);
			const there = labelOf(swapped);
			if (here === 'unknown' || there === 'unknown') return {state: 'unknown', message: 'The labels are not known yet.'};
			if ((here === '0' && there === '1') || (here === '1' && there === '0')) {
				return {state: 'reached', message: `In this order ${here}, the other way round ${there}: the order decides.`};
			}

			if (a.message.to !== b.message.to) {
				return {state: 'open', message: 'Those two went to different nodes: they commute, so the order changed nothing.'};
			}

			return {state: 'open', message: `This order gives ${here}, the other ${there}: not a 0/1 pair.`};
		}
	}
}
