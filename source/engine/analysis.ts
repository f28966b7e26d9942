/**
 * Exact valency analysis: R(C), the label, the flags, the starred label and witness runs.
 *
 * A depth-first search over the analysis graph (packed/model.ts) with a memo of complete answers.
 * The graph is finite and acyclic (every move delivers a message for good, corrupts a node or
 * makes a byzantine node send a message it never sent), so R(C) = eval(C) when quiescent,
 * united with R of every successor.
 *
 * Budgets: `maxStates` bounds the states newly explored in one call, `maxBytes` the memory of
 * the memo (its typed arrays, with the next growth counted ahead: checked every 1,024 states), and
 * `shouldStop` (polled every 1,024 states) lets a caller bring its own deadline; the engine reads
 * no clock. A kept memo that already holds more than half of `maxBytes` is dropped before a new
 * search (it is only a cache). When the
 * search stops early the answer says `complete: false`, lists what it found, and its label is
 * `unknown` unless both `zero` and `one` were found (then `ambiguous` is certain).
 *
 * Written for V8. The search's hot code (here, in packed/ and in state-table.ts) follows a few
 * rules, each measured when it was adopted (docs/performance.md has how to measure): indices and
 * counters are kept 32-bit integers (`| 0`, once at a hot function's start for its arguments), so
 * V8 checks no addition for overflow and untags no argument at each use; imported functions and
 * constants, and fields read in a loop, are copied into locals first, since V8 checks an imported
 * binding or reloads a field at each read; the hottest loop (`Level.readLinks`) is a function of
 * its own whose few calls are small enough to be inlined; short loops over a few words are
 * written out rather than calling a builtin, and long byte loops are unrolled four at a time so
 * the arrays are checked once per turn; and one object of every engine shape is kept alive for
 * the process (`keepShapes`), since V8 throws away optimized code whose objects' shapes were all
 * collected.
 */
import {type Configuration, type PoolEntry, findInPool} from './configuration.js';
import {applyLegal} from './moves.js';
import {type Flags, type OutcomeMask, ONE, ZERO, bit, flagsOf, labelOf, outcomesOf} from './outcomes.js';
import {KIND, type PackedMove} from './packed/layout.js';
import {PackedModel} from './packed/model.js';
import {commutes} from './packed/move-list.js';
import {PENDING, StateTable, UNKNOWN, findLink, linkChunk, linkMask, linkMove, linkOffset, linkPerm, linkWord, wordsOf} from './state-table.js';
import {type AnalysisMove, flushInert, toGameMoves} from './reduce.js';
import {StubbornSets} from './stubborn.js';
import {LABELS, type Label, type Move, OUTCOMES, type Outcome} from './types.js';

/** A label, or `unknown` when the search stopped before it was certain. */
export const ANALYSIS_LABELS = [...LABELS, 'unknown'] as const;
export type AnalysisLabel = Label | 'unknown';

export interface AnalysisOptions {
	/** The most states to explore in this call (states already in the memo are free). */
	readonly maxStates?: number;
	/**
	 * The most bytes the memo (states, masks, links) may hold: past it the search stops, with
	 * `complete: false` and `memoryFull: true`. The process holds somewhat more (the model, the
	 * witness runs, Node itself).
	 */
	readonly maxBytes?: number;
	/** Polled every 1,024 states; true stops the search (e.g. a deadline or a cancel key). */
	readonly shouldStop?: () => boolean;
	/**
	 * What stops the searches that find witness runs (`trail`), which come after the answer's
	 * own: `shouldStop` unless given. A run not found is left out (`witnessesCut`).
	 */
	readonly witnessStop?: () => boolean;
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
	/** True when the search stopped because the memo reached `maxBytes`. */
	readonly memoryFull?: true;
	/** States newly explored by this call. */
	readonly states: number;
	/**
	 * For each outcome found, a run of game moves from C to a quiescent configuration with it;
	 * where the budget (`shouldStop`) ran out while one was being found, that one is missing
	 * and `witnessesCut` is set.
	 */
	readonly witnesses: Partial<Record<Outcome, readonly Move[]>>;
	readonly witnessesCut?: true;
}

export function labelFor(mask: OutcomeMask, complete: boolean): AnalysisLabel {
	if (complete) return labelOf(mask);
	return (mask & ZERO) !== 0 && (mask & ONE) !== 0 ? 'ambiguous' : 'unknown';
}

/**
 * A search's own options: witnesses only for an answer cut short (`partialWitnesses`), and as
 * analysis moves from the state searched (`raw`), for `analyze` to renumber.
 */
interface SearchOptions extends AnalysisOptions {
	readonly partialWitnesses?: boolean;
	readonly raw?: boolean;
	/** Stop as soon as every outcome of this mask is found (the answer is then not complete). */
	readonly stopWhen?: OutcomeMask;
}

/** The states one search may take before a question goes to the corruptions' games (rule 9). */
const PROBE_STATES = 5000;

/** Keeps a memo of complete answers, so later questions about the same game are cheap. */
export class Analyzer {
	private memo = new StateTable(4);
	/** The game the memo is about: states leave out what every configuration of a game shares. */
	private game: string | undefined;
	private model: PackedModel | undefined;
	/** The stubborn sets of deliveries (rule 8), or undefined with `partialOrder: false`. */
	private stubborn: StubbornSets | undefined;
	/** The successors of the state being expanded at each search depth, in reused buffers. */
	private levels: Level[] = [];
	private none: Level | undefined;

	/**
	 * `symmetry: false` turns the symmetry reduction off, keys that forget senders with it (rules
	 * 5 and 10: to measure raw exploration); `stepCache:
	 * false` computes every step afresh (smaller, slower: for the analyzer `keepShapes` keeps);
	 * `partialOrder: false` searches every successor, not only a stubborn set's (rule 8), and
	 * answers each corruption's game together (rule 9). `only` (internal) makes this the
	 * analyzer of one corruption's game: that corruption is the only one it makes.
	 */
	constructor(
		private readonly settings: {readonly symmetry?: boolean; readonly stepCache?: boolean; readonly partialOrder?: boolean} = {},
		private readonly only?: {readonly node: number; readonly kind: number},
	) {}

	/** Per corruption (its move number), the analyzer of that corruption's game (rule 9). */
	private games = new Map<number, Analyzer>();
	/** Whether this game's questions go to the corruptions' games (once one was too large for one search), or never do. */
	private split = false;
	private unsplit = false;

	/** The memory the memos hold, in bytes (with every corruption's game's). */
	private get bytes(): number {
		let bytes = this.memo.bytes;
		for (const sub of this.games.values()) bytes += sub.bytes;
		return bytes;
	}

	/** How many states the memo holds (with every corruption's game's). */
	get size(): number {
		let size = this.memo.size;
		for (const sub of this.games.values()) size += sub.size;
		return size;
	}

	analyze(c: Configuration, options: AnalysisOptions = {}): Analysis {
		const model = this.prepare(c);
		// Past half the memory budget, every memo is dropped (the corruptions' games' too).
		if (options.maxBytes !== undefined && this.bytes > options.maxBytes / 2) {
			this.memo = new StateTable(model.size);
			this.games = new Map();
			this.split = false;
			this.unsplit = false;
		}

		const maxStates = options.maxStates ?? Number.POSITIVE_INFINITY;
		// A small question is answered in one search; the corruptions' games (rule 9) cost a model
		// and a memo each, which pays only for a large one.
		// They pay only where rule 8 keeps under a third of the moves it looks at (the vote
		// protocols); where it keeps more (ben-or, whose nodes feed each other to the end) one
		// search of the whole game is smaller.
		let spent = 0;
		if (!this.only && !this.split && this.settings.partialOrder !== false) {
			const stubborn = this.stubborn!;
			const [movesIn, movesOut] = [stubborn.movesIn, stubborn.movesOut];
			const probe = this.search(c, {...options, maxStates: this.unsplit ? maxStates : Math.min(maxStates, PROBE_STATES)});
			if (this.unsplit || probe.complete || probe.memoryFull || maxStates <= PROBE_STATES || options.shouldStop?.() || (options.labelOnly && probe.label === 'ambiguous')) return probe;
			if (3 * (stubborn.movesOut - movesOut) > stubborn.movesIn - movesIn) {
				this.unsplit = true;
				const rest = this.search(c, {...options, maxStates: maxStates - probe.states});
				return {...rest, states: rest.states + probe.states};
			}

			this.split = true;
			spent = probe.states;
		}

		const real = model.encode(c);
		// The state renumbered to its key (rule 5), so that mirror images share the corruptions' games.
		const state = model.canonical(real, new Uint8Array(model.size)).slice();
		const perm = model.lastPerm;
		const parts = this.partsOf(c, state);
		if (parts.length === 1 && parts[0] === this) {
			const rest = this.search(c, {...options, maxStates: maxStates - spent});
			return {...rest, states: rest.states + spent};
		}

		// Rule 9: R is the union of R in each corruption's game.
		const wantWitnesses = options.witnesses ?? true;
		let mask: OutcomeMask = 0;
		let states = spent;
		let memoryFull = false;
		let complete = true;
		const found: Partial<Record<Outcome, PackedMove[]>> = {};
		for (const part of parts) {
			if (options.labelOnly && (mask & (ZERO | ONE)) === (ZERO | ONE)) {
				complete = false;
				break;
			}

			// (The memory budget is shared out: each game keeps a memo of its own.)
			const maxBytes = options.maxBytes === undefined ? undefined : options.maxBytes / parts.length;
			const answer = part.search(c, {...options, maxStates: Math.max(0, maxStates - states), maxBytes, witnesses: wantWitnesses, partialWitnesses: true, raw: true}, state);
			if (answer.memoryFull) memoryFull = true;
			states += answer.states;
			mask |= answer.mask;
			for (const o of OUTCOMES) if (answer.runs[o] && !found[o]) found[o] = answer.runs[o];
			if (!answer.complete) {
				complete = false;
				if (options.shouldStop?.() || states >= maxStates) break;
			}
		}

		// A complete answer's witnesses as `search` gives them (the first run in the game's order);
		// a partial one's where a corruption's game found them, renumbered back to c's own nodes.
		const witnesses: Partial<Record<Outcome, readonly Move[]>> = {};
		let witnessesCut = false;
		if (wantWitnesses) {
			const back = model.inverse(perm);
			for (const o of OUTCOMES) {
				if (complete && (mask & bit(o)) !== 0) {
					const run = this.trail(c, real, o, options.witnessStop ?? options.shouldStop);
					if (run) witnesses[o] = gameRun(c, run.map(move => model.decode(move)));
					else witnessesCut = true;
				} else if (!complete && found[o]) witnesses[o] = gameRun(c, found[o].map(move => model.decode(model.renumbered(back, move))));
			}
		}

		return {label: labelFor(mask, complete), outcomes: outcomesOf(mask), mask, flags: flagsOf(mask), complete, ...(memoryFull ? {memoryFull: true as const} : {}), states, witnesses, ...(witnessesCut ? {witnessesCut: true as const} : {})};
	}

	/** The model of c's game, made (and the memos emptied) when the game changes. */
	private prepare(c: Configuration): PackedModel {
		const game = gameOf(c);
		if (game !== this.game || !this.model) {
			this.game = game;
			const setup = this.only ? distinguished(c.setup, this.only.node) : c.setup;
			this.model = new PackedModel(setup, this.settings.symmetry ?? true, this.settings.stepCache ?? true, this.keptSender(c.setup));
			this.stubborn = (this.settings.partialOrder ?? true) ? new StubbornSets(this.model) : undefined;
			keepShapes(c);
			this.memo = new StateTable(this.model.size);
			this.levels = [];
			this.none = undefined;
			this.games = new Map();
			this.split = false;
			this.unsplit = false;
		}

		return this.model;
	}

	/**
	 * What keys must not forget of senders (rule 10): nothing (0) where no node can send as a
	 * byzantine node (none allowed, or this is the game of a crash or a lie); the one node that can
	 * in its byzantine game (at f = 1, where it is the only corruption). In the whole game at
	 * f = 1 any node may turn byzantine until the corruption is made, and keys forget senders only
	 * after it (-2). With more corruptions keys keep every sender (-1).
	 */
	private keptSender(setup: Configuration['setup']): number {
		if (!setup.allowed.includes('byzantine') || setup.f === 0) return 0;
		if (setup.f !== 1) return -1;
		return this.only ? (this.only.kind === KIND.byzantine ? this.only.node : 0) : -2;
	}

	/**
	 * The analyzers whose answers for `state` (of c's game) unite to its R (rule 9): where one
	 * corruption is left to make, one per corruption that can be made; after it is made, that
	 * corruption's; else (or with `partialOrder: false`, or in a corruption's game) this one.
	 */
	private partsOf(c: Configuration, state: Uint8Array): Analyzer[] {
		if (this.only || this.settings.partialOrder === false) return [this];
		const model = this.model!;
		const corrupt = corruptedIn(model, state);
		const left = c.setup.f - corrupt.length;
		if (left === 1) {
			const moves = model.moves(state).filter(move => move >= 2 * model.messages);
			if (moves.length > 0) return moves.map(move => this.gameOf(c, move));
		}

		if (left === 0 && corrupt.length === 1) return [this.gameOf(c, model.corruption(corrupt[0]!.node, corrupt[0]!.kind))];
		return [this];
	}

	/** The analyzer of the game where `move` is the only corruption. */
	private gameOf(c: Configuration, move: PackedMove): Analyzer {
		let sub = this.games.get(move);
		if (!sub) {
			const decoded = this.model!.decode(move);
			if (decoded.kind !== 'corrupt') throw new Error('bug: a corruption\'s game needs a corruption');
			sub = new Analyzer(this.settings, {node: decoded.node, kind: KIND[decoded.behaviour]});
			this.games.set(move, sub);
		}

		sub.prepare(c);
		return sub;
	}

	/**
	 * Whether a state of c's game can reach the outcomes of `want`: R from the memos where they
	 * hold it, else from a search that stops once it has found them (`trail`). The mask returned
	 * holds `want` exactly when R(state) does; -1 when `shouldStop` ended that search first.
	 */
	private maskAt(c: Configuration, real: Uint8Array, want: OutcomeMask, shouldStop?: () => boolean): OutcomeMask {
		let mask = 0;
		const state = this.only || !this.split ? real : this.model!.canonical(real, new Uint8Array(this.model!.size)).slice();
		for (const part of this.split ? this.partsOf(c, state) : [this]) {
			const model = part.model!;
			let answer = part.memo.get(model.key(state, new Uint8Array(model.size)));
			if (answer < 0) {
				const searched = part.search(c, {witnesses: false, shouldStop, stopWhen: want}, state);
				// Stopped by the budget before it found them: not known.
				if (!searched.complete && (searched.mask & want) !== want) return -1;
				answer = searched.mask;
			}

			mask |= answer;
			if ((mask & want) === want) break;
		}

		return mask;
	}

	/**
	 * `analyze`, or with `from` the search from that state of c's game instead of c's own (no
	 * witnesses then): how `trail` answers a successor the search did not take.
	 */
	private search(c: Configuration, options: SearchOptions, from?: Uint8Array): Analysis & {readonly runs: Partial<Record<Outcome, PackedMove[]>>} {
		const model = this.prepare(c);
		const onlyMove = this.only ? model.corruption(this.only.node, this.only.kind) : -1;
		if (options.maxBytes !== undefined && this.memo.bytes > options.maxBytes / 2) this.memo = new StateTable(model.size);
		const memo = this.memo;
		const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
		let memoryFull = false;
		const stubborn = this.stubborn;
		const maxStates = options.maxStates ?? Number.POSITIVE_INFINITY;
		const wantWitnesses = options.witnesses ?? true;
		// labelOnly: once 0 and 1 are both found, the label is ambiguous whatever else is.
		const stopWhen = options.stopWhen ?? (options.labelOnly ? ZERO | ONE : 0);
		/** Where each outcome was found first: the moves to a state, and that state when it was a known one. */
		const paths = new Map<Outcome, {readonly moves: PackedMove[]; readonly from: Uint8Array | null}>();
		let found: OutcomeMask = 0;
		let states = 0;
		let stopped = false;

		const levels = this.levels;
		/**
		 * Outcomes found at a state reached by the current moves of the first `above` levels:
		 * `from` when it is a known state (a witness then continues from it), null for a
		 * quiescent one.
		 */
		const discover = (mask: OutcomeMask, above: number, from: Uint8Array | null): void => {
			const fresh = mask & ~found;
			if (fresh === 0) return;
			found |= mask;
			if (!wantWitnesses) return;
			const moves: PackedMove[] = [];
			for (let d = 0; d < above; d++) moves.push(levels[d]!.moves[levels[d]!.current]!);
			for (const o of outcomesOf(fresh)) paths.set(o, {moves, from: from?.slice() ?? null});
		};

		const level = (depth: number): Level => (levels[depth] ??= new Level(model));
		/**
		 * A level with no moves: the first state's parent, where every lookup misses. It holds the
		 * first state's signatures (at index 0), where `prepare` finds a state's in its parent's
		 * level. (A level, not an object of its own, whose shape no kept object would share: see
		 * `keepShapes`.)
		 */
		const none = (this.none ??= new Level(model));

		const start = from ?? model.encode(c);
		if (model.renumbers) model.signatures(start, none.sigs, none.blocks, 0);

		/** Where the links of the state `expand` stored last are (-1 when it stored none). */
		let stored = -1;

		/**
		 * Search a state whose memo entry is pending; complete the entry with its R and return
		 * it (-1 when the search stopped). `parent` is the level of the state it was reached
		 * from, by that level's move `at` (none for the first state); `perm` is the renumbering
		 * from the state to its key (0 when the key is the state itself): its links are stored
		 * in the key's numbering. `words` is the state as 32-bit words (a view of its bytes).
		 */
		const expand = (depth: number, state: Uint8Array, words: Int32Array, entry: number, parent: Level | undefined, at: number, perm: number): number => {
			if (states >= maxStates || ((states & 1023) === 0 && (options.shouldStop?.() || (memoryFull = memo.bytes > maxBytes)))) {
				stopped = true;
				return -1;
			}

			states++;
			const table = memo;
			const fast = model;
			const moveList = fast.moveList;
			let mask: OutcomeMask = 0;
			if (fast.layout.quiescentWords(words)) {
				mask = fast.evaluate(state);
				discover(mask, depth, null);
			}

			const here = level(depth);
			let count = moveList.searchMovesInto(state, here.moves, words);
			let corruptions = moveList.lastCorruptions;
			// In one corruption's game, that corruption is the only one (rule 9).
			if (onlyMove >= 0 && corruptions > 0) [count, corruptions] = onlyCorruption(here.moves, count, corruptions, onlyMove);
			// Only a stubborn set's successors (rules 8 and 9).
			if (stubborn) {
				count = stubborn.reduce(state, here.moves, count, corruptions);
				if (corruptions > 0 && (count === 0 || here.moves[0] !== onlyMove)) corruptions = 0;
			}

			// One delivery per recipient, slot and value from senders the keys forget (rule 10).
			if (fast.symmetry.anonymous) count = fast.symmetry.dedupe(here.moves, count, corruptions);

			here.count = count;
			here.corruptions = corruptions;
			// Commuting moves. This state is P·a (P the parent, a its move `at`). A move b of
			// this state that commutes with a leads to P·a·b = P·b·a. When P already knows P·b
			// (tried before a, or after a but read through a link or found in the memo) and P·b
			// has links, its link by a (there is one exactly when a is still a move after b)
			// gives P·b·a's mask and links, with no state to build or look up. P·b's links are in
			// its key's numbering, so a is looked up renumbered, and the renumbering to P·b·a's
			// key is the link's after P·b's.
			// Where a stands in P·b's list is guessed (P's list without b when b came first, or
			// without every corruption when b is one), so the link is read where it most likely is.
			// Each move's place in the list is noted (for this state's children) in the same pass.
			// Absorbed moves. When a was a delivery to a node x that sent nothing, crashing x (or
			// making it byzantine) here reaches exactly P's successor by the same corruption:
			// P's answer for it is taken as it is (rule 7 of docs/engine.md).
			const a = parent ? parent.moves[at]! : -1;
			here.state = state;
			here.stateWords = words;
			const absorber = parent && here.corruptions > 0 ? moveList.absorber(a, parent.stateWords, words) : 0;
			// The corruptions that reach P's own successor (rule 7): crashing the absorber, or making
			// it byzantine (-1 when there is no absorber, which no move equals).
			const absorbedCrash = absorber !== 0 ? fast.layout.corruption(absorber, KIND.crash) : -1;
			const absorbedByzantine = absorber !== 0 ? fast.layout.corruption(absorber, KIND.byzantine) : -1;
			const moves = here.moves;
			// This state's links are written in place, in the memo's heap, as they become known:
			// per move its link word (the move, the successor's mask and renumbering, as `linkWord`
			// makes it) and where the successor's own links are, or UNKNOWN while its answer is not
			// known yet (its word then holds only the move).
			const listAt = table.reserveLinks(count);
			here.offset = linkOffset(listAt);
			const links = table.chunkOf(listAt);
			here.links = links;
			const list = here.offset + 2;
			// With no parent, an empty level stands in for it (every lookup misses).
			const above = parent ?? none;
			// A successor read through a link is done with here. Every other successor is built, and
			// once all are, their lookups go in one batch, so the memory waits overlap. A missing
			// successor is claimed at once (stored as pending), so its search needs no second
			// lookup, and an earlier sibling's search that reaches it completes it.
			// First every link that can be read (`readLinks`), then the states that outcomes new to
			// this call were found at (`discover` builds them), then the successors to build.
			mask |= here.readLinks(count, above, at, a, absorbedCrash, absorbedByzantine, table, fast, found);
			// Every outcome the state's bound allows is found: R is whole without the successors
			// left to build (rule 11). They stay unknown in the links, and any claimed stays pending.
			const limit = fast.bound(state);
			const built = mask === limit ? 0 : here.toBuild;
			const news = here.news;
			const fresh = here.fresh;
			for (let k = 0; k < news; k++) {
				const i = fresh[k]!;
				here.current = i;
				discover(linkMask(links[list + 2 * i]!), depth + 1, fast.apply(state, moves[i]!));
			}

			for (let b = 0; b < built; b++) {
				const i = here.built[b]!;
				here.prepare(i, state, table, above, parent ? at : 0);
				here.batch[b] = here.hashes[i]!;
			}

			// Touching the table first only helps when there are misses to overlap.
			if (built > 1) {
				table.reserve(built);
				table.warm(here.batch, built);
			}

			for (let b = 0; b < built; b++) {
				const i = here.built[b]!;
				here.found(i, table, table.claim(here.keys[i]!, here.hashes[i]!));
			}

			for (let b = 0; b < built; b++) {
				if (stopped) break;
				if (stopWhen !== 0 && (found & stopWhen) === stopWhen) {
					stopped = true;
					break;
				}

				if (mask === limit) break;
				const i = here.built[b]!;
				here.current = i;
				// A pending successor may since have been completed by an earlier sibling's search.
				if (!here.known(i)) here.found(i, table, here.entries[i]!);
				if (here.known(i)) {
					discover(here.maskOf(i), depth + 1, here.states[i]!);
				} else {
					const child = expand(depth + 1, here.states[i]!, here.words[i]!, here.entries[i]!, here, i, here.perms[i]!);
					if (child >= 0) here.answer(i, child, stored);
				}

				if (here.known(i)) mask |= here.maskOf(i);
			}

			if (stopped) return -1;
			// In the key's numbering: each move renumbered (and named as links name it, rule 10), and
			// each successor's renumbering taken from there (the inverse of this state's, then the
			// successor's own).
			const anonymous = fast.symmetry.anonymous;
			if (perm !== 0 || anonymous) {
				const back = fast.inverse(perm);
				for (let i = 0; i < count; i++) {
					const word = links[list + 2 * i]!;
					const move = fast.renumbered(perm, linkMove(word));
					links[list + 2 * i] = linkWord(anonymous ? fast.symmetry.abstract(move) : move, linkMask(word), fast.compose(linkPerm(word), back));
				}
			}

			table.complete(entry, mask, listAt);
			stored = listAt;
			return mask;
		};

		const startBytes = model.key(start, new Uint8Array(model.size));
		const startPerm = model.lastPerm;
		const startKey = wordsOf(startBytes.slice());
		const startHash = memo.hash(startKey);
		const startEntry = memo.claim(startKey, startHash);
		let mask: OutcomeMask = memo.maskOf(startEntry);
		if (mask === PENDING) mask = Math.max(0, expand(0, start, wordsOf(start), startEntry, undefined, -1, startPerm));
		else discover(mask, 0, start);

		const complete = !stopped;
		const result = complete ? mask : found;
		// A complete answer's witness is the first run in the game's move order (deliveries by
		// rank, corruptions, byzantine sends), read off the memo: the same whatever order the
		// search took and whatever the memo held before. A partial answer shows where the search
		// found each outcome.
		const witnesses: Partial<Record<Outcome, readonly Move[]>> = {};
		const runs: Partial<Record<Outcome, PackedMove[]>> = {};
		let witnessesCut = false;
		if (wantWitnesses && (!from || options.raw) && !(complete && options.partialWitnesses)) {
			for (const o of OUTCOMES) {
				const first = paths.get(o);
				if (complete ? (result & bit(o)) === 0 : !first) continue;
				// (A successor's own search obeys the same stop: a witness the budget cuts is left out.)
				const stop = options.witnessStop ?? options.shouldStop;
				const rest = complete ? this.trail(c, start, o, stop) : first!.from ? this.trail(c, first!.from, o, stop) : [];
				if (!rest) {
					witnessesCut = true;
					continue;
				}

				const run = complete ? rest : [...first!.moves, ...rest];
				if (options.raw) runs[o] = run;
				else witnesses[o] = gameRun(c, run.map(move => model.decode(move)));
			}
		}

		return {
			label: labelFor(result, complete),
			outcomes: outcomesOf(result),
			mask: result,
			flags: flagsOf(result),
			complete,
			...(memoryFull ? {memoryFull: true as const} : {}),
			states,
			witnesses,
			...(witnessesCut ? {witnessesCut: true as const} : {}),
			runs,
		};
	}

	/** Whether the memo already holds the complete answer for `c` (finding out explores nothing). */
	holds(c: Configuration): boolean {
		if (gameOf(c) !== this.game) return false;
		return this.analyze(c, {maxStates: 0, witnesses: false}).complete;
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

	/**
	 * A path to `outcome` from a state of c's game whose complete answer is in the memo: at each
	 * state the first move whose successor can reach it. A successor the search did not take
	 * (rule 8 takes only a stubborn set's) is answered by a search of its own, so the path is the
	 * same whatever the search took. Undefined when `shouldStop` ends such a search first.
	 */
	private trail(c: Configuration, start: Uint8Array, outcome: Outcome, shouldStop?: () => boolean): PackedMove[] | undefined {
		const model = this.model!;
		const want = bit(outcome);
		const moves: PackedMove[] = [];
		let state = start;
		for (;;) {
			if (model.isQuiescent(state) && (model.evaluate(state) & want) !== 0) return moves;
			let next: Uint8Array | undefined;
			for (const move of model.moves(state)) {
				if (this.only && move >= 2 * model.messages && move !== model.corruption(this.only.node, this.only.kind)) continue;
				const candidate = model.apply(state, move);
				const reaches = this.maskAt(c, candidate, want, shouldStop);
				// The budget ran out before it was known: no witness.
				if (reaches < 0) return undefined;
				if ((reaches & want) !== 0) {
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

/** The analyzer `keepShapes` keeps for the life of the process. */
let keeper: Analyzer | undefined;

/**
 * Keep V8's optimized code for the engine between analyzers. V8 compiles the engine's hot
 * functions for the hidden classes ("maps") of the objects they ran on, and throws that code
 * away when such a map is collected, which a full GC does once no object of that shape is
 * alive. So when a full GC came between one analyzer's last analysis and the next analyzer's
 * first (a fresh analyzer per analysis, as the bench and scenario checks use), the next
 * analysis ran unoptimized code until V8 had compiled it all again. A tiny analyzer, kept
 * from the first game on, keeps one object of every shape alive:
 * its model without symmetry or a step cache, and a memo and levels of one explored state (90
 * to 150 KB of arrays at n = 4 or 5, 1.7 MB at n = 6). It changes no answer.
 */
function keepShapes(c: Configuration): void {
	if (keeper) return;
	keeper = new Analyzer({symmetry: false, stepCache: false});
	keeper.analyze(c, {maxStates: 1, witnesses: false});
}

/** The corrupt nodes of a state and their behaviours (1 crash, 2 lie, 3 byzantine: a node's status in its header byte). */
function corruptedIn(model: PackedModel, state: Uint8Array): Array<{readonly node: number; readonly kind: number}> {
	const corrupt = [];
	for (let node = 1; node <= model.n; node++) {
		const kind = state[(node - 1) * model.layout.block]! & 3;
		if (kind !== 0) corrupt.push({node, kind});
	}

	return corrupt;
}

/**
 * Keep in `moves` (the first `count`, its first `corruptions` corruptions) only the corruption
 * `only` among the corruptions; returns the new count and how many corruptions are left.
 */
function onlyCorruption(moves: Int32Array, count: number, corruptions: number, only: number): [number, number] {
	let kept = 0;
	for (let i = 0; i < corruptions; i++) if (moves[i] === only) moves[kept++] = only;
	const left = kept;
	for (let i = corruptions; i < count; i++) moves[kept++] = moves[i]!;
	return [kept, left];
}

/**
 * The setup with `node` in a role of its own: in the game where it is the one node that can be
 * corrupted, it is no longer interchangeable with the others (rule 5).
 */
function distinguished(setup: Configuration['setup'], node: number): Configuration['setup'] {
	const protocol = setup.protocol;
	const role = protocol.role;
	if (role === undefined) return setup;
	const alone: typeof protocol = Object.assign(Object.create(Object.getPrototypeOf(protocol) as object) as typeof protocol, protocol, {
		role: (self: number) => (self === node ? Number.MIN_SAFE_INTEGER : role.call(protocol, self)),
	});
	return {...setup, protocol: alone};
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
 * The successors of one state, at one search depth: their moves, states, keys (as words),
 * hashes and the renumbering from each to its key; each one's mask and links once known are in
 * the state's own list of links, written in place in the memo (`links` from `offset`). Buffers
 * grow on demand and are reused by every state expanded at that depth.
 */
class Level {
	readonly moves: Int32Array;
	readonly states: Uint8Array[] = [];
	readonly keys: Int32Array[] = [];
	readonly hashes: Int32Array;
	/** Each built successor's memo entry. */
	readonly entries: Int32Array;
	readonly perms: Int32Array;
	/**
	 * The state's list of links: the array in the memo that holds it, and its place there. Per
	 * move i, word `offset + 2 + 2 * i` is the link word and the next one where the successor's
	 * links are, `UNKNOWN` while its answer is not known.
	 */
	links: Int32Array = new Int32Array(0);
	offset = 0;
	/**
	 * `moves`, then where each move of the state stands in it (at `most` + the move), in one
	 * array; `most` is the length of each half. The places of other moves are left from earlier
	 * states at this depth (or -1): a reader checks `moves` at the place given, and `count`.
	 */
	readonly frame: Int32Array;
	private readonly most: number;
	/** How many moves the state has. */
	count = 0;
	/** The state being expanded at this depth, and its words. */
	state: Uint8Array = new Uint8Array(0);
	stateWords: Int32Array = new Int32Array(0);
	/** The move being searched (an index into `moves`). */
	current = 0;
	/** How many of the moves are corruptions (they come first). */
	corruptions = 0;
	/** The successors that are built (not read through a link), and their hashes, in a batch. */
	readonly built: Int32Array;
	readonly batch: Int32Array;
	/** Successors read through a link whose outcomes are new to the current call. */
	readonly fresh: Int32Array;
	/** Each successor's state as words (a view of `states`). */
	readonly words: Int32Array[] = [];
	private readonly keyBytes: Uint8Array[] = [];
	private readonly keyWords: Int32Array[] = [];

	/** Each successor's signatures and its nodes' block signatures, n + 1 numbers each (only for a renumbering key). */
	readonly sigs: Int32Array;
	readonly blocks: Int32Array;

	constructor(private readonly model: PackedModel) {
		const most = model.maxMoves;
		this.most = most;
		if (most > 65_536) throw new Error('bug: move numbers must fit the memo links (below 65,536)');
		// One array for the moves and where each stands, so the link pass checks one array, not two.
		this.frame = new Int32Array(2 * most).fill(-1);
		this.moves = this.frame.subarray(0, most);
		this.hashes = new Int32Array(most);
		this.entries = new Int32Array(most);
		this.built = new Int32Array(most);
		const signatures = model.renumbers ? most * (model.n + 1) : 0;
		this.sigs = new Int32Array(signatures);
		this.blocks = new Int32Array(signatures);
		this.batch = new Int32Array(most);
		this.fresh = new Int32Array(most);
		this.perms = new Int32Array(most);
	}

	/** How many successors the last `readLinks` left to build (in `built`), and how many it read with new outcomes (in `fresh`). */
	toBuild = 0;
	news = 0;

	/**
	 * The first pass over the state's moves (expand says what it does): each move's place in
	 * the list noted in `frame`, the successors read through a link written to the state's
	 * links, the others marked unknown and listed in `built`. Returns the mask of those read.
	 * Outcomes new to this call (not in `seen`) are listed in `fresh`. The search's hottest
	 * loop (the file header says how it is written).
	 */
	readLinks(count: number, parent: Level, at: number, a: number, absorbedCrash: number, absorbedByzantine: number, table: StateTable, fast: PackedModel, seen: number): number {
		count |= 0;
		at |= 0;
		a |= 0;
		absorbedCrash |= 0;
		absorbedByzantine |= 0;
		seen |= 0;
		// The state's list of links and its parent's (as `offset` and `links` say where).
		const links = this.links;
		const list = (this.offset + 2) | 0;
		const parentLinks = parent.links;
		const parentList = (parent.offset + 2) | 0;
		// moves[i] is frame[i], and move b's place is frame[most + b] (the parent's likewise).
		const frame = this.frame;
		const parentFrame = parent.frame;
		const most = this.most | 0;
		const parentCount = parent.count | 0;
		const built = this.built;
		const fresh = this.fresh;
		const corruptions = this.corruptions | 0;
		const guessBefore = (at - 1) | 0;
		const guessCorrupt = (at - parent.corruptions) | 0;
		const symmetry = fast.symmetry;
		const renumbers = symmetry.renumbers;
		const nodeOfMove = fast.nodeOfMove;
		const aNode = a >= 0 ? nodeOfMove[a]! | 0 : -1;
		const orderFree = fast.orderFree;
		const chunks = table.linkChunks;
		const chunkOfLink = linkChunk;
		const offsetOfLink = linkOffset;
		const find = findLink;
		const maskOfLink = linkMask;
		const permOfLink = linkPerm;
		const makeLink = linkWord;
		const commute = commutes;
		const unknown = UNKNOWN | 0;
		let chunkAt = -1;
		let chunk = links;
		let mask = 0;
		let toBuild = 0;
		let news = 0;
		for (let i = 0; i < count; i++) {
			const b = frame[i]!;
			frame[(most + b) | 0] = i;
			// Where b stands in the parent's list, if it is there (an entry left from an earlier
			// state at that depth names another move or a place past the list's end).
			const j = parentFrame[(most + b) | 0]!;
			let known = -1;
			if (j >= 0 && j < parentCount && parentFrame[j] === b) {
				const parentNext = parentLinks[(parentList + 2 * j + 1) | 0]!;
				if (b === absorbedCrash || b === absorbedByzantine) {
					// P's own answer for this corruption, its word as it is (the same move, mask and
					// renumbering), once P knows it.
					if (parentNext !== unknown) {
						const word = parentLinks[(parentList + 2 * j) | 0]!;
						known = maskOfLink(word);
						links[(list + 2 * i) | 0] = word;
						links[(list + 2 * i + 1) | 0] = parentNext;
					}
				} else if (j !== at && parentNext >= 0 && commute(orderFree, a, aNode, b, nodeOfMove[b]!)) {
					const guess = j > at ? at : i < corruptions ? guessCorrupt : guessBefore;
					const parentPerm = renumbers ? permOfLink(parentLinks[(parentList + 2 * j) | 0]!) : 0;
					const want = symmetry.abstract(parentPerm === 0 ? a : symmetry.renumbered(parentPerm, a));
					// The link by `want` in the list at parentNext (its chunk looked up here).
					// (Most lists read here are in one chunk: it is looked up again only when that changes.)
					if (chunkOfLink(parentNext) !== chunkAt) {
						chunkAt = chunkOfLink(parentNext);
						chunk = chunks[chunkAt]!;
					}

					const found = find(chunk, offsetOfLink(parentNext), want, guess);
					if (found >= 0) {
						const link = chunk[found]!;
						known = maskOfLink(link);
						const linkPermOf = permOfLink(link);
						links[(list + 2 * i) | 0] = makeLink(b, known, parentPerm === 0 && linkPermOf === 0 ? 0 : symmetry.compose(linkPermOf, parentPerm));
						links[(list + 2 * i + 1) | 0] = chunk[(found + 1) | 0]!;
					}
				}
			}

			if (known >= 0) {
				mask |= known;
				if ((known & ~seen) !== 0) {
					fresh[news++] = i;
					seen |= known;
				}

				continue;
			}

			links[(list + 2 * i) | 0] = b;
			links[(list + 2 * i + 1) | 0] = unknown;
			built[toBuild++] = i;
		}

		this.toBuild = toBuild;
		this.news = news;
		return mask;
	}

	/** Successor i is stored at `entry`: take its mask and links once it is no longer pending. */
	found(i: number, memo: StateTable, entry: number): void {
		this.entries[i] = entry;
		const mask = memo.maskOf(entry);
		if (mask !== PENDING) this.answer(i, mask, memo.linksOf(entry));
	}

	/** Successor i's answer: its mask, and where its links are. */
	answer(i: number, mask: number, next: number): void {
		this.links[this.offset + 2 + 2 * i] = linkWord(this.moves[i]!, mask, this.perms[i]!);
		this.links[this.offset + 3 + 2 * i] = next;
	}

	/** Whether successor i's answer is known. */
	known(i: number): boolean {
		return this.links[this.offset + 3 + 2 * i] !== UNKNOWN;
	}

	/** Successor i's mask, once known. */
	maskOf(i: number): number {
		return linkMask(this.links[this.offset + 2 + 2 * i]!);
	}

	/**
	 * Compute successor i of `state` (by move i), its key and its hash. The signatures of `state`
	 * (for a renumbering key) are its parent level's, at index `at`.
	 */
	prepare(i: number, state: Uint8Array, memo: StateTable, parent: Level, at: number): void {
		if (this.states[i] === undefined) {
			const bytes = new Uint8Array(this.model.size);
			this.states[i] = bytes;
			this.words[i] = wordsOf(bytes);
			const key = new Uint8Array(this.model.size);
			this.keyBytes[i] = key;
			this.keyWords[i] = wordsOf(key);
		}

		const next = this.model.apply(state, this.moves[i]!, this.states[i], this.words[i]);
		let key = next;
		this.perms[i] = 0;
		const symmetry = this.model.symmetry;
		if (symmetry.renumbers) {
			const width = this.model.n + 1;
			const node = this.model.nodeOfMove[this.moves[i]!]!;
			key = symmetry.keyAfter(state, parent.sigs, parent.blocks, at * width, next, node, this.keyBytes[i]!, this.sigs, this.blocks, i * width);
			this.perms[i] = symmetry.lastPerm;
		}

		const words = key === next ? this.words[i]! : this.keyWords[i]!;
		this.keys[i] = words;
		this.hashes[i] = memo.hash(words);
	}
}
