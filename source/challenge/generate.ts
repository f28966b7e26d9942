/**
 * Level generators: seeded variants of a goal, each offered only after the engine has checked
 * that its goal is reachable. Pure and deterministic: the same seed gives the same levels.
 *
 * A seed picks a declared protocol uniformly, then one of its combinations (n, allowed
 * behaviours) that gives a level at all, then searches that combination's inputs (and for
 * `stall`, walks and targets) exhaustively, in an order the seed shuffles. `surveyGenerator` finds which combinations give a level; a
 * challenge file is rejected when loaded if a declared protocol, n or behaviour set is in none
 * of them. So a file that loads gives every seed a level, and every declared value is played.
 */
import {Analyzer} from '../engine/analysis.js';
import {type Configuration} from '../engine/configuration.js';
import {lemmaInputs, newGame} from '../engine/game.js';
import {goalSentence} from '../engine/goals.js';
import {applyLegal, legalMoves} from '../engine/moves.js';
import {formatMessage, formatMoves} from '../engine/notation.js';
import {type Message, type Move, sameMessage} from '../engine/types.js';
import type {ScenarioFile} from '../scenario/format.js';
import type {Generator} from './format.js';
import {type Random, below, seeded} from './random.js';
import {lookUpProtocol} from '../protocols/registry.js';

/** States one check may explore; a candidate whose check runs out is not offered. */
const CHECK_STATES = 200_000;
/** Longest stall run looked for, and longest ambiguous walk before the target is chosen. */
const STALL_DEPTH = 4;
const WALK_STEPS = 2;

function pick<T>(random: Random, list: readonly T[]): [T, Random] {
	const [i, after] = below(random, list.length);
	return [list[i]!, after];
}


/** A run from C, not delivering t before its end, every step ambiguous, ending by delivering t. */
function stallRun(c: Configuration, t: Message, label: (c: Configuration) => string, depth: number): Move[] | undefined {
	const deliverT: Move = {kind: 'deliver', message: t};
	if (label(applyLegal(c, deliverT)) === 'ambiguous') return [deliverT];
	if (depth === 0) return undefined;
	for (const move of legalMoves(c)) {
		if (move.kind === 'send' || (move.kind === 'deliver' && sameMessage(move.message, t))) continue;
		const next = applyLegal(c, move);
		if (label(next) !== 'ambiguous') continue;
		const rest = stallRun(next, t, label, depth - 1);
		if (rest) return [move, ...rest];
	}

	return undefined;
}

export interface Generated {
	readonly file: ScenarioFile;
	/** The engine's own solution, proving the goal reachable. */
	readonly solution: readonly string[];
}

/** One combination of the generator's lists. */
export interface Choice {
	readonly protocol: string;
	readonly n: number;
	readonly allow: readonly string[];
}

/** Every combination of the declared lists, in their order. */
export function choicesOf(generator: Generator): Choice[] {
	const list: Choice[] = [];
	for (const protocol of generator.protocols) for (const n of generator.nodes) for (const allow of generator.allow) list.push({protocol, n, allow});
	return list;
}

export const describeChoice = ({protocol, n, allow}: Choice): string => `${protocol}, n = ${n}, allow [${allow.join(', ')}]`;

/** The list in an order drawn from the seed (Fisher-Yates). */
function shuffled<T>(random: Random, list: readonly T[]): [T[], Random] {
	const out = [...list];
	let r = random;
	for (let i = out.length - 1; i > 0; i--) {
		let j: number;
		[j, r] = below(r, i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}

	return [out, r];
}

const allInputs = (n: number): string[] => Array.from({length: 2 ** n}, (_, i) => i.toString(2).padStart(n, '0'));

interface Labeller {
	/** The label, or `unknown` when the check ran out before it was certain. */
	(c: Configuration): string;
}

function labeller(): {label: Labeller; analyzer: Analyzer} {
	const analyzer = new Analyzer();
	return {
		analyzer,
		label: c => {
			const a = analyzer.analyze(c, {maxStates: CHECK_STATES, witnesses: false});
			return a.complete || a.label === 'ambiguous' ? a.label : 'unknown';
		},
	};
}

/** A certain loss of ambiguity: 0, 1 or none, known for sure (not cut short). */
const decided = (label: string): boolean => label === '0' || label === '1' || label === 'none';

/**
 * The level for one choice and inputs, searching every option in the seed's order; undefined
 * if this choice and inputs give none.
 */
function candidate(generator: Generator, choice: Choice, bits: string, random: Random, id: string, title: string): Generated | undefined {
	const {protocol, n, allow} = choice;
	const {label, analyzer} = labeller();
	const base = {format: 1, id, title, protocol, nodes: n, f: 1, allow: [...allow]};
	if (generator.goal === 'find-ambiguous-start') {
		const starts = Array.from({length: n + 1}, (_, i) => newGame({protocol, n, inputs: lemmaInputs(n, i), allow}, lookUpProtocol));
		const answer = starts.findIndex(g => g.ok && label(g.value) === 'ambiguous');
		if (answer < 0) return undefined;
		const file: ScenarioFile = {...base, inputs: 'choose', goal: {kind: 'find-ambiguous-start'}, par: 1, story: 'Choose the X_i whose initial configuration is ambiguous.'};
		return {file, solution: [lemmaInputs(n, answer)]};
	}

	const game = newGame({protocol, n, inputs: bits, allow}, lookUpProtocol);
	if (!game.ok) return undefined;
	const c0 = game.value;
	if (generator.goal === 'stall') {
		if (label(c0) !== 'ambiguous') return undefined;
		let r = random;
		// Walk a few deliveries, staying ambiguous, to a position whose target is a trap: the
		// walks are tried shortest first, each length in the seed's order.
		const tryFrom = (c: Configuration, walk: readonly Move[]): Generated | undefined => {
			let traps;
			[traps, r] = shuffled(r, c.pool.filter(e => decided(label(applyLegal(c, {kind: 'deliver', message: e.message})))));
			for (const trap of traps) {
				const run = stallRun(c, trap.message, label, STALL_DEPTH);
				if (!run) continue;
				const file: ScenarioFile = {
					...base,
					inputs: bits,
					setup: formatMoves(c0.setup, walk),
					goal: {kind: 'stall', target: formatMessage(c0.setup, trap.message)},
					par: generator.par ?? run.length,
					story: `Deliver the target ${formatMessage(c0.setup, trap.message)} last, with every configuration ambiguous. Delivering it at once would lose.`,
				};
				return {file, solution: formatMoves(c0.setup, run)};
			}

			return undefined;
		};

		type Step = {c: Configuration; walk: Move[]};
		const byLength: Step[][] = [[{c: c0, walk: []}]];
		/** Every ambiguous walk of the given length (made when first needed). */
		const walksOf = (length: number): Step[] => {
			while (byLength.length <= length) {
				const next: Step[] = [];
				for (const {c, walk} of byLength.at(-1)!) {
					for (const move of legalMoves(c)) {
						if (move.kind !== 'deliver') continue;
						const after = applyLegal(c, move);
						if (label(after) === 'ambiguous') next.push({c: after, walk: [...walk, move]});
					}
				}

				byLength.push(next);
			}

			return byLength[length]!;
		};

		let lengths: number[];
		[lengths, r] = shuffled(r, Array.from({length: WALK_STEPS + 1}, (_, i) => i));
		for (const length of lengths) {
			let walks;
			[walks, r] = shuffled(r, walksOf(length));
			for (const {c, walk} of walks) {
				const made = tryFrom(c, walk);
				if (made) return made;
			}
		}

		return undefined;
	}

	const wanted = generator.goal === 'break-agreement' ? 'split' : generator.goal === 'break-validity' ? 'invalid' : 'stuck';
	const result = analyzer.analyze(c0, {maxStates: CHECK_STATES});
	const witness = result.witnesses[wanted];
	if (!witness) return undefined;
	const moves = formatMoves(c0.setup, witness);
	const file: ScenarioFile = {
		...base,
		inputs: bits,
		goal: {kind: generator.goal},
		par: generator.par ?? moves.length,
		story: goalSentence({kind: generator.goal}, c0).replace(/^./, ch => ch.toUpperCase()),
	};
	return {file, solution: moves};
}

/** The first level the choice gives, trying its inputs in the seed's order. */
function fromChoice(generator: Generator, choice: Choice, random: Random, id: string, title: string): [Generated | undefined, Random] {
	let r = random;
	let inputs: string[];
	[inputs, r] = generator.goal === 'find-ambiguous-start' ? [['choose'], r] : shuffled(r, allInputs(choice.n));
	for (const bits of inputs) {
		const made = candidate(generator, choice, bits, r, id, title);
		if (made) return [made, r];
	}

	return [undefined, r];
}

/** One instance of a generator for the seed's state; undefined only if no choice has a level. */
export function generate(generator: Generator, random: Random, id: string, title: string): [Generated | undefined, Random] {
	const {solvable} = surveyGenerator(generator);
	const protocols = [...new Set(solvable.map(c => c.protocol))];
	if (protocols.length === 0) return [undefined, random];
	// Every declared protocol equally often, then any of its combinations that give a level.
	const [protocol, r1] = pick(random, protocols);
	const [choice, r2] = pick(r1, solvable.filter(c => c.protocol === protocol));
	return fromChoice(generator, choice, r2, id, title);
}

export interface Survey {
	/** The combinations that give a level: a seed picks one of these, uniformly. */
	readonly solvable: readonly Choice[];
	/** The combinations that give none (left out of the draw). */
	readonly unsolvable: readonly Choice[];
	/** Declared values no seed could ever get (a protocol, n or behaviour set in no solvable combination): one sentence each. */
	readonly problems: readonly string[];
}

const surveyed = new Map<string, Survey>();

/**
 * Which combinations of the generator's lists give a level at all. Deterministic, and
 * remembered per generator; a challenge whose survey has problems is rejected when loaded.
 */
export function surveyGenerator(generator: Generator): Survey {
	const key = JSON.stringify([generator.goal, generator.protocols, generator.nodes, generator.allow]);
	const known = surveyed.get(key);
	if (known) return known;
	const solvable: Choice[] = [];
	const unsolvable: Choice[] = [];
	for (const choice of choicesOf(generator)) {
		const [made] = fromChoice(generator, choice, seeded(0), 'survey', 'survey');
		(made ? solvable : unsolvable).push(choice);
	}

	const problems: string[] = [];
	const tried = (match: (c: Choice) => boolean): string =>
		unsolvable
			.filter(match)
			.map(describeChoice)
			.join('; ');
	const states = `${CHECK_STATES.toLocaleString('en')} states`;
	for (const protocol of new Set(generator.protocols)) {
		if (!solvable.some(c => c.protocol === protocol)) problems.push(`${generator.goal} is never solvable with ${protocol} (tried ${tried(c => c.protocol === protocol)}, up to ${states} each): remove it from protocols`);
	}

	for (const n of new Set(generator.nodes)) {
		if (problems.length === 0 && !solvable.some(c => c.n === n)) problems.push(`${generator.goal} is never solvable with n = ${n} (tried ${tried(c => c.n === n)}, up to ${states} each): remove it from nodes`);
	}

	for (const allow of generator.allow) {
		const same = (c: Choice): boolean => c.allow.join() === allow.join();
		if (problems.length === 0 && !solvable.some(same)) problems.push(`${generator.goal} is never solvable with allow [${allow.join(', ')}] (tried ${tried(same)}, up to ${states} each): remove it from allow`);
	}

	const survey = {solvable, unsolvable, problems};
	surveyed.set(key, survey);
	return survey;
}
