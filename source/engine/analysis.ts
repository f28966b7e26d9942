/**
 * Exact valency analysis: R(C), the label, the flags, the starred label and witness runs.
 *
 * A depth-first search over the analysis graph (fast.ts) with a memo of complete answers.
 * The graph is finite and acyclic (every move delivers a message for good, corrupts a node or
 * makes a byzantine node send a message it never sent), so R(C) = eval(C) when quiescent,
 * united with R of every successor.
 *
 * Budgets: `maxStates` bounds the states newly explored in one call, and `shouldStop` (polled
 * every 1,024 states) lets a caller bring its own deadline; the engine reads no clock. When the
 * search stops early the answer says `complete: false`, lists what it found, and its label is
 * `unknown` unless both `zero` and `one` were found (then `ambiguous` is certain).
 */
import {type Configuration, type PoolEntry, findInPool} from './configuration.js';
import {applyLegal} from './moves.js';
import {type Flags, type OutcomeMask, ONE, ZERO, flagsOf, labelOf, outcomesOf} from './outcomes.js';
import {type FastMove, FastModel} from './fast.js';
import {StateTable} from './state-table.js';
import {type AnalysisMove, flushInert, toGameMoves} from './reduce.js';
import {type Label, type Move, OUTCOMES, type Outcome} from './types.js';

export type AnalysisLabel = Label | 'unknown';

export interface AnalysisOptions {
	/** The most states to explore in this call (states already in the memo are free). */
	readonly maxStates?: number;
	/** Polled every 1,024 states; true stops the search (e.g. a deadline or a cancel key). */
	readonly shouldStop?: () => boolean;
	/** Stop as soon as both `zero` and `one` are found: enough for the label alone. */
	readonly labelOnly?: boolean;
	/** Compute witness runs (default true). */
	readonly witnesses?: boolean;
}

export interface Analysis {
	readonly label: AnalysisLabel;
	/** R(C) when complete; what was found so far otherwise. */
	readonly outcomes: readonly Outcome[];
	readonly mask: OutcomeMask;
	/** True where the adversary can (as far as found) still break the property. */
	readonly flags: Flags;
	readonly complete: boolean;
	/** States newly explored by this call. */
	readonly states: number;
	/** For each outcome found, a run of game moves from C to a quiescent configuration with it. */
	readonly witnesses: Partial<Record<Outcome, readonly Move[]>>;
}

export function labelFor(mask: OutcomeMask, complete: boolean): AnalysisLabel {
	if (complete) return labelOf(mask);
	return (mask & ZERO) !== 0 && (mask & ONE) !== 0 ? 'ambiguous' : 'unknown';
}

/** Keeps a memo of complete answers, so later questions about the same game are cheap. */
export class Analyzer {
	private memo = new StateTable(4);
	/** The game the memo is about: states leave out what every configuration of a game shares. */
	private game: string | undefined;
	private model: FastModel | undefined;
	/** One state buffer and one key buffer per search depth, reused. */
	private buffers: Uint8Array[] = [];
	private keys: Uint8Array[] = [];

	/** `symmetry: false` turns the symmetry reduction off (to measure raw exploration). */
	constructor(private readonly settings: {readonly symmetry?: boolean} = {}) {}

	/** How many states the memo holds. */
	get size(): number {
		return this.memo.size;
	}

	analyze(c: Configuration, options: AnalysisOptions = {}): Analysis {
		const game = gameOf(c);
		if (game !== this.game || !this.model) {
			this.game = game;
			this.model = new FastModel(c.setup, this.settings.symmetry ?? true);
			this.memo = new StateTable(this.model.size);
			this.buffers = [];
			this.keys = [];
		}

		const model = this.model;
		const memo = this.memo;
		const maxStates = options.maxStates ?? Number.POSITIVE_INFINITY;
		const wantWitnesses = options.witnesses ?? true;
		const labelOnly = options.labelOnly ?? false;
		const paths = new Map<Outcome, FastMove[]>();
		const path: FastMove[] = [];
		let found: OutcomeMask = 0;
		let states = 0;
		let stopped = false;

		const discover = (mask: OutcomeMask, from: Uint8Array | null): void => {
			const fresh = mask & ~found;
			if (fresh === 0) return;
			found |= mask;
			if (!wantWitnesses) return;
			for (const o of outcomesOf(fresh)) paths.set(o, from ? [...path, ...this.trail(from, o)] : [...path]);
		};

		const buffers = this.buffers;
		const keys = this.keys;
		const lists: Int32Array[] = [];
		const visit = (depth: number): OutcomeMask => {
			const state = buffers[depth]!;
			keys[depth] ??= new Uint8Array(model.size);
			const key = model.key(state, keys[depth]);
			const known = memo.get(key);
			if (known >= 0) {
				discover(known, state);
				return known;
			}

			if (states >= maxStates || ((states & 1023) === 0 && options.shouldStop?.())) {
				stopped = true;
				return 0;
			}

			states++;
			let mask: OutcomeMask = 0;
			if (model.isQuiescent(state)) {
				mask = model.evaluate(state);
				discover(mask, null);
			}

			lists[depth] ??= new Int32Array(model.maxMoves);
			const list = lists[depth];
			const count = model.movesInto(state, list);
			for (let i = 0; i < count; i++) {
				const move = list[i]!;
				if (stopped) break;
				if (labelOnly && (found & (ZERO | ONE)) === (ZERO | ONE)) {
					stopped = true;
					break;
				}

				path.push(move);
				buffers[depth + 1] ??= new Uint8Array(model.size);
				model.apply(state, move, buffers[depth + 1]);
				mask |= visit(depth + 1);
				path.pop();
			}

			if (!stopped) memo.set(key, mask);
			return mask;
		};

		buffers[0] = model.encode(c);
		const mask = visit(0);
		const complete = !stopped;
		const result = complete ? mask : found;
		const witnesses: Partial<Record<Outcome, readonly Move[]>> = {};
		if (wantWitnesses) {
			for (const o of OUTCOMES) {
				const run = paths.get(o);
				if (run) witnesses[o] = gameRun(c, run.map(move => model.decode(move)));
			}
		}

		return {
			label: labelFor(result, complete),
			outcomes: outcomesOf(result),
			mask: result,
			flags: flagsOf(result),
			complete,
			states,
			witnesses,
		};
	}

	/**
	 * The starred label's analysis (Definition 2.1): the analysis of deliver(C, target).
	 * Undefined when the target is not pending in C.
	 */
	analyzeStar(c: Configuration, target: PoolEntry['message'], options: AnalysisOptions = {}): Analysis | undefined {
		const entry = findInPool(c, target);
		if (!entry) return undefined;
		return this.analyze(applyLegal(c, {kind: 'deliver', message: entry.message}), options);
	}

	/** A path to `outcome` from a state whose complete answer is in the memo. */
	private trail(start: Uint8Array, outcome: Outcome): FastMove[] {
		const model = this.model!;
		const want = 1 << OUTCOMES.indexOf(outcome);
		const moves: FastMove[] = [];
		let state = start;
		for (;;) {
			if (model.isQuiescent(state) && (model.evaluate(state) & want) !== 0) return moves;
			let next: Uint8Array | undefined;
			for (const move of model.moves(state)) {
				const candidate = model.apply(state, move);
				if ((Math.max(0, this.memo.get(model.key(candidate, new Uint8Array(model.size)))) & want) !== 0) {
					moves.push(move);
					next = candidate;
					break;
				}
			}

			if (!next) throw new Error(`bug: the memo promised ${outcome} but no successor leads there`);
			state = next;
		}
	}
}

/** What identifies a game: everything in the setup (state keys leave it out). */
function gameOf(c: Configuration): string {
	const {protocol, inputs, allowed, f} = c.setup;
	return `${protocol.id}/${protocol.n}/${f}/${protocol.params.rounds}/${inputs.join('')}/${allowed.join(',')}`;
}

/** Turn an analysis path from C into a game run that ends quiescent (inert messages last). */
function gameRun(c: Configuration, path: readonly AnalysisMove[]): Move[] {
	const moves = path.flatMap(toGameMoves);
	let state = c;
	for (const move of moves) state = applyLegal(state, move);
	return [...moves, ...flushInert(state)];
}

/** One-off analysis with a fresh memo. */
export const analyze = (c: Configuration, options?: AnalysisOptions): Analysis => new Analyzer().analyze(c, options);
