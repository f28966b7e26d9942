/**
 * Level generators: seeded variants of a goal, each offered only after the engine has checked
 * that its goal is reachable. Pure and deterministic: the same seed gives the same levels.
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
import {type Random, below} from './random.js';
import {lookUpProtocol} from '../protocols/registry.js';

/** States one check may explore; a candidate whose check runs out is not offered. */
const CHECK_STATES = 200_000;
const ATTEMPTS = 40;
const STALL_DEPTH = 4;

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

/** One instance of a generator, or undefined if no solvable candidate turned up. */
export function generate(generator: Generator, random: Random, id: string, title: string): [Generated | undefined, Random] {
	let r = random;
	for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
		let protocol: string;
		let n: number;
		let allow: readonly string[];
		[protocol, r] = pick(r, generator.protocols);
		[n, r] = pick(r, generator.nodes);
		[allow, r] = pick(r, generator.allow);
		let bits = '';
		for (let i = 0; i < n; i++) {
			let b: number;
			[b, r] = below(r, 2);
			bits += String(b);
		}

		const base = {format: 1, id, title, protocol, nodes: n, f: 1, allow: [...allow]};
		const analyzer = new Analyzer();
		const check = (c: Configuration) => analyzer.analyze(c, {maxStates: CHECK_STATES, witnesses: false});
		const label = (c: Configuration): string => {
			const a = check(c);
			return a.complete || a.label === 'ambiguous' ? a.label : 'unknown';
		};

		if (generator.goal === 'find-ambiguous-start') {
			const starts = Array.from({length: n + 1}, (_, i) => newGame({protocol, n, inputs: lemmaInputs(n, i), allow}, lookUpProtocol));
			const answer = starts.findIndex(g => g.ok && label(g.value) === 'ambiguous');
			if (answer < 0) continue;
			const file: ScenarioFile = {...base, inputs: 'choose', goal: {kind: 'find-ambiguous-start'}, par: 1, story: 'Choose the X_i whose initial configuration is ambiguous.'};
			return [{file, solution: [lemmaInputs(n, answer)]}, r];
		}

		const game = newGame({protocol, n, inputs: bits, allow}, lookUpProtocol);
		if (!game.ok) continue;
		const c0 = game.value;
		if (generator.goal === 'stall') {
			if (label(c0) !== 'ambiguous') continue;
			// Walk a few moves, staying ambiguous, to a position whose oldest message is a trap.
			let c = c0;
			const walk: Move[] = [];
			let steps: number;
			[steps, r] = below(r, 3);
			for (let s = 0; s < steps; s++) {
				const options = legalMoves(c).filter(m => m.kind === 'deliver' && label(applyLegal(c, m)) === 'ambiguous');
				if (options.length === 0) break;
				let move: Move;
				[move, r] = pick(r, options);
				walk.push(move);
				c = applyLegal(c, move);
			}

			const traps = c.pool.filter(e => label(applyLegal(c, {kind: 'deliver', message: e.message})) !== 'ambiguous');
			if (traps.length === 0) continue;
			let trap;
			[trap, r] = pick(r, traps);
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
			return [{file, solution: formatMoves(c0.setup, run)}, r];
		}

		const wanted = generator.goal === 'break-agreement' ? 'split' : generator.goal === 'break-validity' ? 'invalid' : 'stuck';
		const result = analyzer.analyze(c0, {maxStates: CHECK_STATES});
		const witness = result.witnesses[wanted];
		if (!witness) continue;
		const moves = formatMoves(c0.setup, witness);
		const file: ScenarioFile = {
			...base,
			inputs: bits,
			goal: {kind: generator.goal},
			par: generator.par ?? moves.length,
			story: goalSentence({kind: generator.goal}, c0).replace(/^./, ch => ch.toUpperCase()),
		};
		return [{file, solution: moves}, r];
	}

	return [undefined, r];
}

