/**
 * The proof views' questions and answers, as plain data that crosses the worker boundary: moves
 * in notation, node lines and sentences. Answered from the engine's proof modules with the
 * position analyst's own memo (so a question about the position on the board is cheap). Pure.
 */
import type {AnalysisLabel} from '../engine/analysis.js';
import {type Configuration, type Setup, nodeSummary} from '../engine/configuration.js';
import {type Diamond, type DiamondCase, diamond} from '../engine/diamond.js';
import type {GoalSpec} from '../engine/goals.js';
import {type LadderRun, decisionsText, lemma1Ladder} from '../engine/lemma1.js';
import {type ArgumentKind, lemma2Argument} from '../engine/lemma2.js';
import {formatMove, formatMoves, parseMove} from '../engine/notation.js';
import type {Oracle} from '../engine/oracle.js';
import type {Behaviour, Message, Move, Outcome} from '../engine/types.js';
import {proofHint, watchProof} from '../engine/watch.js';

export type ProofQuestion =
	/** Show the proof: the Lemma 2 argument at the position with this target. */
	| {readonly kind: 'argument'; readonly target: string}
	/** The Lemma 1 ladder of the position's game. */
	| {readonly kind: 'ladder'}
	/** The diamond of two pending messages. */
	| {readonly kind: 'diamond'; readonly m: string; readonly mm: string}
	/** The hint key: the strategy's move here. */
	| {readonly kind: 'hint'; readonly target?: string; readonly goal?: GoalSpec}
	/** Watch the proof on the position's protocol, n, f and faults. */
	| {readonly kind: 'watch'; readonly maxRounds?: number};

/** A configuration as the views draw it: one line per node. */
export interface ConfigLines {
	readonly label?: AnalysisLabel;
	/** "1  in 0  decided 0  votes 0 1 ·", one per node. */
	readonly nodes: readonly string[];
}

export interface DiamondAnswer {
	readonly kind: 'diamond';
	readonly m: string;
	readonly mm: string;
	readonly case: DiamondCase;
	readonly same: boolean;
	/** After m then m′, and after m′ then m. */
	readonly left: ConfigLines;
	readonly right: ConfigLines;
	/** Nodes (1-based) whose state differs. */
	readonly differences: readonly number[];
	readonly sentences: readonly string[];
}

export interface RunAnswer {
	/** Where the run starts, e.g. "X_0 = 000". */
	readonly from: string;
	readonly moves: readonly string[];
	/** "nodes 2 and 3 decide 0". */
	readonly decisions: string;
	readonly outcomes: readonly Outcome[];
}

export interface LadderAnswer {
	readonly kind: 'ladder';
	readonly rungs: ReadonlyArray<{readonly i: number; readonly inputs: string; readonly label: AnalysisLabel}>;
	readonly pivot?: number;
	readonly ambiguous?: number;
	readonly hiding?: Behaviour;
	readonly left?: RunAnswer;
	readonly right?: RunAnswer;
	readonly toOne?: RunAnswer;
	readonly failure?: {readonly assumption: string; readonly rung: number; readonly run?: RunAnswer};
	readonly steps: readonly string[];
	readonly complete: boolean;
}

export interface ArgumentAnswer {
	readonly kind: 'argument';
	readonly result: ArgumentKind;
	readonly target: string;
	readonly star?: AnalysisLabel;
	readonly yStar?: AnalysisLabel;
	/** C to Y, each move with the target's starred label after it. */
	readonly path: ReadonlyArray<{readonly move: string; readonly star: AnalysisLabel}>;
	readonly diamond?: DiamondAnswer;
	readonly stall?: {readonly status: string; readonly moves: readonly string[]};
	readonly breach?: {readonly property: string; readonly run: readonly string[]};
	readonly steps: readonly string[];
}

export interface HintAnswer {
	readonly kind: 'hint';
	readonly move?: string;
	readonly inputs?: string;
	readonly text: string;
}

export interface WatchAnswer {
	readonly kind: 'watch';
	/** C_0's inputs, when Lemma 1 found one. */
	readonly inputs?: string;
	readonly intro: readonly string[];
	readonly moves: ReadonlyArray<{
		readonly move: string;
		readonly role: 'stall' | 'target';
		readonly round: number;
		readonly label: AnalysisLabel;
		readonly star?: AnalysisLabel;
		readonly text: string;
	}>;
	readonly rounds: number;
	readonly maximal: boolean;
	readonly end: {readonly reason: string; readonly sentences: readonly string[]; readonly breach?: {readonly property: string; readonly run: readonly string[]}};
}

export type ProofAnswer = DiamondAnswer | LadderAnswer | ArgumentAnswer | HintAnswer | WatchAnswer | {readonly kind: 'error'; readonly message: string};

/** One line per node: input, output or corruption, and the protocol's summary. */
export function configLines(c: Configuration, label?: AnalysisLabel): ConfigLines {
	const nodes = c.nodes.map((node, index) => {
		const i = index + 1;
		const state = node.corrupt ? `✗${node.corrupt}` : node.output === null ? '—' : `decided ${node.output}`;
		const summary = node.started || node.corrupt ? nodeSummary(c, i) : 'not started';
		return `${i}  in ${c.setup.inputs[index]}  ${state.padEnd(10)} ${summary}`;
	});
	return label === undefined ? {nodes} : {label, nodes};
}

export function diamondAnswer(d: Diamond): DiamondAnswer {
	const setup = d.from.setup;
	const name = (m: Message): string => formatMove(setup, {kind: 'deliver', message: m});
	return {
		kind: 'diamond',
		m: name(d.m),
		mm: name(d.mm),
		case: d.case,
		same: d.same,
		left: configLines(d.left, d.labels?.left),
		right: configLines(d.right, d.labels?.right),
		differences: d.differences.map(x => x.node),
		sentences: d.sentences,
	};
}

const runAnswer = (setup: Setup, from: string, run: LadderRun): RunAnswer => ({
	from,
	moves: formatMoves(setup, run.moves),
	decisions: decisionsText(run),
	outcomes: run.outcomes,
});

function parseDelivery(c: Configuration, text: string): Message | string {
	const move = parseMove(c.setup, text);
	if (!move.ok) return move.message;
	if (move.value.kind !== 'deliver') return `"${text}" is not a delivery`;
	return move.value.message;
}

/** Answer a proof question about configuration c. */
export function answerProof(oracle: Oracle, c: Configuration, question: ProofQuestion): ProofAnswer {
	const {setup} = c;
	switch (question.kind) {
		case 'diamond': {
			const m = parseDelivery(c, question.m);
			const mm = parseDelivery(c, question.mm);
			if (typeof m === 'string') return {kind: 'error', message: m};
			if (typeof mm === 'string') return {kind: 'error', message: mm};
			const made = diamond(c, m, mm, config => oracle.label(config));
			return made.ok ? diamondAnswer(made.value) : {kind: 'error', message: made.message};
		}

		case 'ladder': {
			const ladder = lemma1Ladder(oracle, setup);
			const x = (i: number): string => `X_${i} = ${ladder.rungs[i]!.inputs}`;
			const pivot = ladder.pivot;
			return {
				kind: 'ladder',
				rungs: ladder.rungs.map(r => ({i: r.i, inputs: r.inputs, label: r.label})),
				...(pivot === undefined ? {} : {pivot}),
				...(ladder.ambiguous === undefined ? {} : {ambiguous: ladder.ambiguous}),
				...(ladder.hiding ? {hiding: ladder.hiding} : {}),
				...(ladder.left && pivot !== undefined ? {left: runAnswer(setup, x(pivot - 1), ladder.left)} : {}),
				...(ladder.right && pivot !== undefined ? {right: runAnswer(setup, x(pivot), ladder.right)} : {}),
				...(ladder.toOne && pivot !== undefined ? {toOne: runAnswer(setup, x(pivot), ladder.toOne)} : {}),
				...(ladder.failure
					? {
							failure: {
								assumption: ladder.failure.assumption,
								rung: ladder.failure.rung,
								...(ladder.failure.run ? {run: runAnswer(setup, x(ladder.failure.rung), ladder.failure.run)} : {}),
							},
						}
					: {}),
				steps: ladder.steps,
				complete: ladder.complete,
			};
		}

		case 'argument': {
			const target = parseDelivery(c, question.target);
			if (typeof target === 'string') return {kind: 'error', message: target};
			const argument = lemma2Argument(oracle, c, target);
			return {
				kind: 'argument',
				result: argument.kind,
				target: question.target,
				...(argument.star ? {star: argument.star} : {}),
				...(argument.yStar ? {yStar: argument.yStar} : {}),
				path: argument.path.map((move, k) => ({move: formatMove(setup, move), star: oracle.star(argument.configs[k + 1]!, target) ?? 'unknown'})),
				...(argument.diamond ? {diamond: diamondAnswer(argument.diamond)} : {}),
				...(argument.stall ? {stall: {status: argument.stall.status, moves: formatMoves(setup, argument.stall.moves)}} : {}),
				...(argument.breach ? {breach: {property: argument.breach.property, run: formatMoves(setup, argument.breach.run)}} : {}),
				steps: argument.steps,
			};
		}

		case 'hint': {
			let target: Message | undefined;
			if (question.target) {
				const parsed = parseDelivery(c, question.target);
				if (typeof parsed === 'string') return {kind: 'error', message: parsed};
				target = parsed;
			}

			const hint = proofHint(oracle, c, target ?? c.pool[0]?.message, question.goal);
			return {kind: 'hint', ...(hint.move ? {move: formatMove(setup, hint.move)} : {}), ...(hint.inputs ? {inputs: hint.inputs} : {}), text: hint.text};
		}

		case 'watch':
			return watchAnswer(oracle, setup, question.maxRounds);
	}
}

export function watchAnswer(oracle: Oracle, setup: Setup, maxRounds?: number): WatchAnswer {
	const plan = watchProof(oracle, setup, maxRounds === undefined ? {} : {maxRounds});
	const moveText = (move: Move): string => formatMove(setup, move);
	return {
		kind: 'watch',
		...(plan.start ? {inputs: plan.start.setup.inputs.join('')} : {}),
		intro: plan.intro,
		moves: plan.moves.map(m => ({move: moveText(m.move), role: m.role, round: m.round, label: m.label, ...(m.star ? {star: m.star} : {}), text: m.text})),
		rounds: plan.rounds,
		maximal: plan.maximal,
		end: {
			reason: plan.end.reason,
			sentences: plan.end.sentences,
			...(plan.end.breach ? {breach: {property: plan.end.breach.property, run: formatMoves(setup, plan.end.breach.run)}} : {}),
		},
	};
}

