/**
 * The Lemma 1 ladder: X_0 ... X_n (X_i: the first i nodes hold 1), each labelled, the pivot pair
 * X_{i-1}, X_i (the smallest i with X_i not a 0-configuration), and the two runs the proof uses
 * there: from X_{i-1} a run in which every honest node decides 0, and the same run from X_i with
 * node i hiding its input (it lies, or as a byzantine node sends what it sent from X_{i-1}; with
 * crash faults only, both runs have node i silent). The other nodes cannot tell the two apart,
 * so they decide alike; with X_i's own run to 1, X_i is ambiguous. Where the protocol breaks the
 * lemma's assumption (validity or agreement upon termination), or the game's faults cannot hide
 * node i's input, the ladder says so and shows the run. Pure.
 */
import type {AnalysisLabel} from './analysis.js';
import {type Configuration, type Setup, initialConfiguration, isQuiescent} from './configuration.js';
import {type Oracle, type Breach, deliverMove, labelPhrase} from './oracle.js';
import {applyLegal, applyMove} from './moves.js';
import {evaluate, outcomesOf} from './outcomes.js';
import type {Behaviour, Bit, Move, Outcome} from './types.js';

export interface Rung {
	readonly i: number;
	/** The inputs as a bit string, node 1 first. */
	readonly inputs: string;
	readonly config: Configuration;
	readonly label: AnalysisLabel;
	readonly outcomes: readonly Outcome[];
}

export interface LadderRun {
	/** The configuration the run starts from (X_{i-1} or X_i). */
	readonly from: Configuration;
	readonly moves: readonly Move[];
	/** The quiescent configuration it ends in. */
	readonly end: Configuration;
	readonly outcomes: readonly Outcome[];
	/** Each node's output at the end (null: none), and whether it counts (honest). */
	readonly outputs: ReadonlyArray<{readonly output: Bit | null; readonly honest: boolean}>;
}

export interface Ladder {
	readonly rungs: readonly Rung[];
	/** The smallest i ≥ 1 with X_i not a 0-configuration (when X_0 is one). */
	readonly pivot?: number;
	/** The X_i the lemma gives: the pivot when it is ambiguous, else the first ambiguous rung. */
	readonly ambiguous?: number;
	/** How node i hides its input in the mirrored run. */
	readonly hiding?: Behaviour;
	/** From X_{i-1}: the run that decides 0 (node i silent with crash faults). */
	readonly left?: LadderRun;
	/** The same run from X_i, node i hiding its input. */
	readonly right?: LadderRun;
	/** X_i's own run to 1, when there is one. */
	readonly toOne?: LadderRun;
	/** An assumption of the lemma the protocol breaks, with the run. */
	readonly failure?: {readonly assumption: 'validity' | 'agreement' | 'termination' | 'faults'; readonly rung: number; readonly run?: LadderRun};
	/** Properties broken upon termination on some rung: the first rung for each, with its run. */
	readonly breaches: ReadonlyArray<{readonly rung: number; readonly breach: Breach}>;
	/** The argument, one or two plain sentences a step. */
	readonly steps: readonly string[];
	/** Every label was answered in full. */
	readonly complete: boolean;
}

export const ladderInputs = (n: number, i: number): string => '1'.repeat(i) + '0'.repeat(n - i);

/** X_i of a game's setup. */
export function rungConfig(setup: Setup, i: number): Configuration {
	const inputs = [...ladderInputs(setup.n, i)].map(ch => (ch === '1' ? 1 : 0) as Bit);
	return initialConfiguration({...setup, inputs});
}

function runFrom(from: Configuration, moves: readonly Move[]): LadderRun | undefined {
	let c = from;
	for (const move of moves) {
		const next = applyMove(c, move);
		if (!next.ok) return undefined;
		c = next.value;
	}

	if (!isQuiescent(c)) return undefined;
	return {
		from,
		moves,
		end: c,
		outcomes: outcomesOf(evaluate(c)),
		outputs: c.nodes.map(node => ({output: node.output, honest: node.corrupt === null})),
	};
}

/** The honest run that always delivers the oldest message, to quiescence. */
function fifoRun(c: Configuration): Move[] {
	const moves: Move[] = [];
	let at = c;
	while (at.pool.length > 0) {
		const move = deliverMove(at.pool[0]!.message);
		moves.push(move);
		at = applyLegal(at, move);
	}

	return moves;
}

/**
 * The run from X_i that mirrors `left` (from X_{i-1}) with node i hiding its input: as a liar
 * (it then acts with input 0, sending exactly what it sent from X_{i-1}), or as a byzantine node
 * that sends, just before each delivery, the message it sent in `left`.
 */
function mirror(left: readonly Move[], i: number, hiding: 'lie' | 'byzantine'): Move[] {
	const moves: Move[] = [{kind: 'corrupt', node: i, behaviour: hiding}];
	for (const move of left) {
		if (hiding === 'byzantine' && move.kind === 'deliver' && move.message.from === i) moves.push({kind: 'send', message: move.message});
		moves.push(move);
	}

	return moves;
}

const BREACH_OF: ReadonlyArray<readonly [Breach['property'], Outcome]> = [
	['agreement', 'split'],
	['validity', 'invalid'],
];

export function lemma1Ladder(oracle: Oracle, setup: Setup): Ladder {
	const {n} = setup;
	const rungs: Rung[] = [];
	for (let i = 0; i <= n; i++) {
		const config = rungConfig(setup, i);
		const answer = oracle.analyze(config);
		rungs.push({i, inputs: ladderInputs(n, i), config, label: answer.label, outcomes: answer.outcomes});
	}

	const names = (i: number): string => `X_${i} = ${rungs[i]!.inputs}`;
	const steps: string[] = [
		`Line up X_0 … X_${n}: in X_i the first i nodes hold 1. ${rungs.map(r => `X_${r.i} is ${shortLabel(r.label)}`).join(', ')}.`,
	];
	const breaches: Array<{rung: number; breach: Breach}> = [];
	for (const [property, outcome] of BREACH_OF) {
		const rung = rungs.find(r => r.outcomes.includes(outcome));
		if (!rung) continue;
		const run = oracle.analyze(rung.config, true).witnesses[outcome];
		if (run) breaches.push({rung: rung.i, breach: {property, outcome, run}});
	}

	const complete = (): boolean => oracle.complete && rungs.every(r => r.label !== 'unknown');
	const firstAmbiguous = rungs.find(r => r.label === 'ambiguous')?.i;
	const result = (extra: Partial<Ladder>): Ladder => ({
		rungs,
		breaches,
		steps,
		complete: complete(),
		...(firstAmbiguous === undefined ? {} : {ambiguous: firstAmbiguous}),
		...extra,
	});
	if (rungs.some(r => r.label === 'unknown')) {
		steps.push('Some labels are not known yet: the analysis was cut short.');
		return result({});
	}

	// The lemma's two ends: X_0 must be a 0-configuration (validity, termination), X_n a 1-configuration.
	for (const [i, want] of [
		[0, '0'],
		[n, '1'],
	] as const) {
		const rung = rungs[i]!;
		if (rung.label === want) continue;
		const wrong = want === '0' ? 'one' : 'zero';
		const outcome: Outcome = rung.outcomes.includes('invalid') ? 'invalid' : rung.outcomes.includes('split') ? 'split' : 'stuck';
		const assumption = outcome === 'invalid' ? 'validity' : outcome === 'split' ? 'agreement' : 'termination';
		const witness = oracle.analyze(rung.config, true).witnesses[outcome];
		const run = witness ? runFrom(rung.config, witness) : undefined;
		steps.push(
			rung.outcomes.includes(wrong)
				? `${names(i)} should be a ${want}-configuration, but a run from it decides ${1 - Number(want)}: validity fails, so the lemma's assumption does not hold.`
				: `${names(i)} should be a ${want}-configuration, but no run from it has every honest node decide ${want}: ${assumption} fails.`,
		);
		return result({failure: {assumption, rung: i, ...(run ? {run} : {})}});
	}

	const pivot = rungs.findIndex(r => r.i >= 1 && r.label !== '0');
	const x = rungs[pivot - 1]!;
	const y = rungs[pivot]!;
	steps.push(`The first X_i that is not a 0-configuration is ${names(pivot)} (${shortLabel(y.label)}), so X_${pivot - 1} and X_${pivot} are the pivot pair: they differ in node ${pivot}'s input only.`);

	// How node i can hide its input here.
	const allowed = setup.f > 0 ? setup.allowed : [];
	const hiding: Behaviour | undefined = allowed.includes('lie') ? 'lie' : allowed.includes('byzantine') ? 'byzantine' : allowed.includes('crash') ? 'crash' : undefined;
	let left: LadderRun | undefined;
	let right: LadderRun | undefined;
	if (hiding === 'lie' || hiding === 'byzantine') {
		// From X_{i-1} an honest run that decides 0: the oldest-first run, or the engine's witness.
		const witness = oracle.analyze(x.config, true).witnesses.zero;
		for (const moves of [fifoRun(x.config), witness ?? []]) {
			if (moves.some(move => move.kind !== 'deliver')) continue;
			const run = runFrom(x.config, moves);
			if (!run?.outcomes.includes('zero')) continue;
			left = run;
			right = runFrom(y.config, mirror(moves, pivot, hiding));
			break;
		}
	} else if (hiding === 'crash') {
		// Node i silent from the start, in both: the others see the very same run.
		const silent: Move = {kind: 'corrupt', node: pivot, behaviour: 'crash'};
		const quiet = applyLegal(x.config, silent);
		const answer = oracle.analyze(quiet, true);
		const outcome = (['zero', 'one', 'split', 'stuck', 'invalid'] as const).find(o => answer.witnesses[o]);
		if (outcome) {
			const moves = [silent, ...answer.witnesses[outcome]!];
			left = runFrom(x.config, moves);
			right = runFrom(y.config, moves);
		}
	}

	const oneWitness = y.outcomes.includes('one') ? oracle.analyze(y.config, true).witnesses.one : undefined;
	const toOne = oneWitness ? runFrom(y.config, oneWitness) : undefined;
	const base = {pivot, ...(hiding ? {hiding} : {}), ...(left ? {left} : {}), ...(right ? {right} : {}), ...(toOne ? {toOne} : {})};
	const others = right ? decisionsText(right) : '';
	if (!hiding) {
		steps.push(`The proof lets node ${pivot} be faulty and hide its input; this game allows no faulty node, so nothing hides it${y.label === 'ambiguous' ? '' : ` and X_${pivot} is ${labelPhrase(y.label)}`}.`);
		return result(y.label === 'ambiguous' ? base : {...base, failure: {assumption: 'faults', rung: pivot}});
	}

	if (hiding === 'crash') {
		steps.push(
			`With crash faults node ${pivot} cannot lie, but it can be silent: from X_${pivot - 1} and from X_${pivot} the same run with node ${pivot} crashed at once ends alike (${others}), since no other node ever learns its input.`,
		);
	} else {
		steps.push(
			`From X_${pivot - 1} every honest node decides 0 on the run at the left. From X_${pivot}, node ${pivot} ${hiding === 'lie' ? 'lies (acts as if its input were 0)' : 'is byzantine and sends what it sent from X_' + (pivot - 1)}: the same run, and the others decide alike (${others}).`,
		);
	}

	if (y.label === 'ambiguous') {
		const reachesZero = right?.outcomes.includes('zero');
		steps.push(
			reachesZero
				? `So X_${pivot} can still end in 0, and ${toOne ? 'its run at the bottom ends in 1' : 'it can end in 1'}: X_${pivot} is ambiguous, as Lemma 1 says.`
				: `X_${pivot} is ambiguous: it can end in 0 and in 1 (the analysis shows both).`,
		);
		return result(base);
	}

	if (right && !right.outcomes.includes('zero')) {
		const outcome = right.outcomes.includes('stuck') ? 'termination' : right.outcomes.includes('split') ? 'agreement' : 'validity';
		steps.push(
			`X_${pivot} is ${labelPhrase(y.label)}: with node ${pivot} ${hiding === 'crash' ? 'silent' : 'hiding'} the others do not decide 0 (${right.outcomes.join(', ')}), so the protocol gives up ${outcome} there instead, and the pivot is not ambiguous.`,
		);
		return result({...base, failure: {assumption: outcome, rung: pivot, run: right}});
	}

	steps.push(`X_${pivot} is ${labelPhrase(y.label)}: the game's faults (${allowed.join(', ')}) do not let node ${pivot} hide its input well enough.`);
	return result({...base, failure: {assumption: 'faults', rung: pivot}});
}

const shortLabel = (label: AnalysisLabel): string => (label === '0' || label === '1' ? `a ${label}-configuration` : label === 'none' ? 'without a decision' : label);

/** "nodes 1 and 3 decide 0" from a run's end. */
export function decisionsText(run: LadderRun): string {
	const byValue = new Map<string, number[]>();
	for (const [index, node] of run.outputs.entries()) {
		if (!node.honest) continue;
		const key = node.output === null ? 'undecided' : `decide ${node.output}`;
		byValue.set(key, [...(byValue.get(key) ?? []), index + 1]);
	}

	return [...byValue.entries()]
		.map(([what, nodes]) =>
			nodes.length === 1
				? `node ${nodes[0]} ${what === 'undecided' ? 'is undecided' : what.replace('decide', 'decides')}`
				: `nodes ${nodes.join(nodes.length === 2 ? ' and ' : ', ')} ${what === 'undecided' ? 'are undecided' : what}`,
		)
		.join('; ');
}
