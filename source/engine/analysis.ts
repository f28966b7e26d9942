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
import {StateTable, wordsOf} from './state-table.js';
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
	/** The successors of the state being expanded at each search depth, in reused buffers. */
	private levels: Level[] = [];

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
			this.levels = [];
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

		const levels = this.levels;
		const level = (depth: number): Level => (levels[depth] ??= new Level(model));

		/** R of a state known to be missing from the memo, whose key and hash are given. */
		const expand = (depth: number, state: Uint8Array, key: Int32Array, hash: number): OutcomeMask => {
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

			// Every successor first, then all their lookups in one go, so the memory waits overlap.
			const here = level(depth);
			const count = model.movesInto(state, here.moves);
			for (let i = 0; i < count; i++) here.prepare(i, state, memo);
			memo.reserve(count);
			memo.warm(here.hashes, count);
			for (let i = 0; i < count; i++) here.entries[i] = memo.find(here.keys[i]!, here.hashes[i]!);
			for (let i = 0; i < count; i++) {
				if (stopped) break;
				if (labelOnly && (found & (ZERO | ONE)) === (ZERO | ONE)) {
					stopped = true;
					break;
				}

				path.push(here.moves[i]!);
				const child = here.states[i]!;
				// A miss may since have been stored by an earlier sibling's search.
				const entry = here.entries[i]! >= 0 ? here.entries[i]! : memo.find(here.keys[i]!, here.hashes[i]!);
				if (entry >= 0) {
					const known = memo.maskOf(entry);
					discover(known, child);
					mask |= known;
				} else {
					mask |= expand(depth + 1, child, here.keys[i]!, here.hashes[i]!);
				}

				path.pop();
			}

			if (!stopped) memo.insert(key, hash, mask);
			return mask;
		};

		const start = model.encode(c);
		const startKey = wordsOf(model.key(start, new Uint8Array(model.size)).slice());
		const startHash = memo.hash(startKey);
		const startEntry = memo.find(startKey, startHash);
		let mask: OutcomeMask;
		if (startEntry >= 0) {
			mask = memo.maskOf(startEntry);
			discover(mask, start);
		} else {
			mask = expand(0, start, startKey, startHash);
		}

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

/**
 * The successors of one state, at one search depth: their moves, states, keys (as words) and
 * hashes, and what a lookup found. Buffers grow on demand and are reused by every state
 * expanded at that depth.
 */
class Level {
	readonly moves: Int32Array;
	readonly states: Uint8Array[] = [];
	readonly keys: Int32Array[] = [];
	readonly hashes: Int32Array;
	readonly entries: Int32Array;
	private readonly words: Int32Array[] = [];
	private readonly keyBytes: Uint8Array[] = [];
	private readonly keyWords: Int32Array[] = [];

	constructor(private readonly model: FastModel) {
		this.moves = new Int32Array(model.maxMoves);
		this.hashes = new Int32Array(model.maxMoves);
		this.entries = new Int32Array(model.maxMoves);
	}

	/** Compute successor i of `state` (by move i), its key and its hash. */
	prepare(i: number, state: Uint8Array, memo: StateTable): void {
		if (this.states[i] === undefined) {
			const bytes = new Uint8Array(this.model.size);
			this.states[i] = bytes;
			this.words[i] = wordsOf(bytes);
			const key = new Uint8Array(this.model.size);
			this.keyBytes[i] = key;
			this.keyWords[i] = wordsOf(key);
		}

		const next = this.model.apply(state, this.moves[i]!, this.states[i]);
		const key = this.model.key(next, this.keyBytes[i]!);
		const words = key === next ? this.words[i]! : this.keyWords[i]!;
		this.keys[i] = words;
		this.hashes[i] = memo.hash(words);
	}
}
