/**
 * The packed model: the analysis graph on flat bytes, one Uint8Array per state, compared by
 * its bytes, built for speed (no objects per state, and a key made of the state's bytes). The
 * reference model is the game's own (configuration.ts and moves.ts, explored by plain.ts); this
 * one is reduced (docs/engine.md lists the reductions and why R stays exact) and is what the
 * search (analysis.ts) runs on.
 *
 * It puts together five parts, one job each:
 * - layout.ts: the byte layout of a state and the numbering of messages and moves;
 * - protocol-adapter.ts: a protocol's own code run on a packed state, kept canonical;
 * - step-cache.ts: a delivery's effect remembered and replayed;
 * - move-list.ts: the moves of a state, commutation and absorption;
 * - symmetry.ts: keys that merge states differing by a renumbering of interchangeable nodes,
 *   and (for a sender-blind protocol) by who sent what.
 *
 * The hot code of every part is written for V8 the way analysis.ts's header describes.
 */
import type {Configuration, Setup} from '../configuration.js';
import {INVALID, ONE, type OutcomeMask, SPLIT, STUCK, ZERO} from '../outcomes.js';
import {type DecodedMove, OUTPUT, OUTPUT_SHIFT, PackedLayout, type PackedMove, STATUS} from './layout.js';
import {MoveList, commutes} from './move-list.js';
import {ProtocolAdapter} from './protocol-adapter.js';
import {StepCache} from './step-cache.js';
import {Symmetry, validityHolds} from './symmetry.js';

export class PackedModel {
	readonly layout: PackedLayout;
	readonly symmetry: Symmetry;
	readonly moveList: MoveList;
	private readonly adapter: ProtocolAdapter;
	private readonly cache: StepCache;
	readonly n: number;
	readonly size: number;
	readonly messages: number;
	/** The most moves a state can have (every delivery, corruption and injection), and a bound on move numbers. */
	readonly maxMoves: number;
	/** The node each move acts on (`nodeOf`), by move number: one read in the search's loop. */
	readonly nodeOfMove: Int8Array;
	/** Whether the protocol declares arrival order at a node irrelevant (`orderFree`). */
	readonly orderFree: boolean;
	/**
	 * Every outcome a run of this game could reach, as far as the setup alone tells (rule 11):
	 * all of them, but `invalid` where each input is held by more nodes than can be corrupted (the
	 * honest nodes then always hold both, and validity cannot be broken).
	 */
	readonly possible: OutcomeMask;
	/** How many more nodes a corruption can take out of the honest ones at any time (crash or byzantine allowed), as `bound` counts. */
	private readonly removable: number;
	private readonly counts = new Int32Array(5);

	/**
	 * `symmetry: false` keeps every node's number and sender (for measuring raw exploration);
	 * `stepCache: false` computes every step afresh (to check the cache against). `keep` is what
	 * keys must not forget of senders (rule 10, `Symmetry`): -1 all of them, -2 all of them until
	 * the one corruption is made, else the one node that may send as a byzantine node, 0 for none.
	 */
	constructor(
		readonly setup: Setup,
		symmetry = true,
		stepCache = true,
		keep = -1,
	) {
		this.layout = new PackedLayout(setup);
		this.adapter = new ProtocolAdapter(this.layout, setup);
		this.cache = new StepCache(this.layout, this.adapter, stepCache);
		this.moveList = new MoveList(this.layout, setup);
		this.symmetry = new Symmetry(this.layout, setup, symmetry, keep);
		({n: this.n, size: this.size, messages: this.messages, maxMoves: this.maxMoves, nodeOfMove: this.nodeOfMove} = this.layout);
		this.orderFree = setup.protocol.orderFree === true;
		this.possible = ZERO | ONE | SPLIT | STUCK | (validityHolds(setup) ? 0 : INVALID);
		this.removable = setup.allowed.includes('crash') || setup.allowed.includes('byzantine') ? setup.f : 0;
	}

	/**
	 * What a state's R can hold at most, from `possible` and the outputs already written, which
	 * never change (rule 11): all honest nodes can end with 0 only if the corruptions left can
	 * take out every honest node that output 1 (and the same for 1); some node ends with no
	 * output, or two with different ones, only if a node has not output yet or, for the
	 * second, both values are out already. A lie takes out only a node that has not started,
	 * which has no output.
	 */
	bound(state: Uint8Array): OutcomeMask {
		const counts = this.tally(state);
		const corrupt = counts[0]!;
		const zeros = counts[1]!;
		const ones = counts[2]!;
		const undecided = counts[3]!;
		const left = Math.max(0, this.removable - corrupt);
		let mask = this.possible;
		if (ones > left) mask &= ~ZERO;
		if (zeros > left) mask &= ~ONE;
		if (undecided === 0) mask &= zeros > 0 && ones > 0 ? ~STUCK : ~(STUCK | SPLIT);
		return mask;
	}

	/**
	 * A state's nodes counted, for `evaluate` and `bound`: the corrupt ones, and of the honest
	 * ones those that output 0, output 1, have no output, and have input 0 (in one reused array).
	 */
	private tally(state: Uint8Array): Int32Array {
		const counts = this.counts.fill(0);
		const block = this.layout.block;
		for (let node = 1; node <= this.n; node++) {
			const at = (node - 1) * block;
			if ((state[at]! & STATUS) !== 0) {
				counts[0]!++;
				continue;
			}

			const o = (state[at]! & OUTPUT) >> OUTPUT_SHIFT;
			counts[o === 0 ? 1 : o === 1 ? 2 : 3]!++;
			if (this.setup.inputs[node - 1] === 0) counts[4]!++;
		}

		return counts;
	}

	/** The state of a configuration, canonical. */
	encode(c: Configuration): Uint8Array {
		return this.adapter.encode(c);
	}

	/**
	 * The state after a move: written into `into` when given (a reused buffer, with `intoWords` a
	 * view of its words), else a new one.
	 */
	apply(state: Uint8Array, move: PackedMove, into?: Uint8Array, intoWords?: Int32Array): Uint8Array {
		const next = into ?? new Uint8Array(this.size);
		next.set(state);
		const messages = this.messages;
		if (move >= 2 * messages) {
			const code = move - 2 * messages;
			const at = ((code >> 2) - 1) * this.layout.block;
			next[at] = (next[at]! & ~STATUS) | (code & 3);
			this.adapter.settle(next, code >> 2);
		} else {
			const id = move < messages ? move : move - messages;
			if (move < messages) next[this.layout.poolAt + (id >> 3)]! &= ~(1 << (id & 7));
			this.cache.step(next, intoWords ?? new Int32Array(next.buffer, next.byteOffset, this.size >> 2), id);
		}

		return next;
	}

	/** eval of a state read as quiescent. */
	evaluate(state: Uint8Array): OutcomeMask {
		const counts = this.tally(state);
		const honest = this.n - counts[0]!;
		const zeros = counts[1]!;
		const ones = counts[2]!;
		const undecided = counts[3]!;
		const input0 = counts[4]!;
		let mask = 0;
		if (honest > 0 && zeros === honest) mask |= ZERO;
		if (honest > 0 && ones === honest) mask |= ONE;
		if (zeros > 0 && ones > 0) mask |= SPLIT;
		if (undecided > 0) mask |= STUCK;
		if ((input0 === honest && ones > 0) || (input0 === 0 && zeros > 0)) mask |= INVALID;
		return mask;
	}

	isQuiescent(state: Uint8Array): boolean {
		return this.layout.isQuiescent(state);
	}

	/** `isQuiescent` of a state given as its words. */
	quiescentWords(words: Int32Array): boolean {
		return this.layout.quiescentWords(words);
	}

	/** What a move stands for: a delivery, an injection (send then deliver) or a corruption. */
	decode(move: PackedMove): DecodedMove {
		return this.layout.decode(move);
	}

	/** The move that corrupts `node` with behaviour `kind` (1 crash, 2 lie, 3 byzantine). */
	corruption(node: number, kind: number): PackedMove {
		return this.layout.corruption(node, kind);
	}

	/** The node a move acts on. */
	nodeOf(move: PackedMove): number {
		return this.nodeOfMove[move]!;
	}

	/** Whether two moves commute (`commutes` in move-list.ts, which the search calls). */
	commute(a: PackedMove, b: PackedMove): boolean {
		return commutes(this.orderFree, a, this.nodeOfMove[a]!, b, this.nodeOfMove[b]!);
	}

	/** The moves of a state, in the game's order: deliveries by id, corruptions, injections. */
	moves(state: Uint8Array): PackedMove[] {
		return this.moveList.moves(state);
	}

	/** The moves of a state in the order the search tries them (`MoveList.searchMovesInto`). */
	searchMovesInto(state: Uint8Array, out: Int32Array, words: Int32Array): number {
		return this.moveList.searchMovesInto(state, out, words);
	}

	/** How many of the moves `searchMovesInto` gave last are corruptions (they come first). */
	get lastCorruptions(): number {
		return this.moveList.lastCorruptions;
	}

	/** The node a delivery acted on when it sent nothing, else 0 (`MoveList.absorber`). */
	absorber(a: PackedMove, before: Int32Array, after: Int32Array): number {
		return this.moveList.absorber(a, before, after);
	}

	/** Whether a move corrupts `node` as crash or byzantine (its own state is then left out). */
	blanks(move: PackedMove, node: number): boolean {
		return this.moveList.blanks(move, node);
	}

	/** Whether keys differ from states at all (`Symmetry.renumbers`). */
	get renumbers(): boolean {
		return this.symmetry.renumbers;
	}

	/** The renumbering the last `key` or `keyAfter` applied. */
	get lastPerm(): number {
		return this.symmetry.lastPerm;
	}

	/** The key of a state (`Symmetry.key`). */
	key(state: Uint8Array, into: Uint8Array): Uint8Array {
		return this.symmetry.key(state, into);
	}

	/** A state renumbered as its key is, senders kept: a state of the game (`Symmetry.canonical`). */
	canonical(state: Uint8Array, into: Uint8Array): Uint8Array {
		return this.symmetry.canonical(state, into);
	}

	/** A state's signatures, what `keyAfter` needs of a parent (`Symmetry.signatures`). */
	signatures(state: Uint8Array, sigs: Int32Array, blocks: Int32Array, at: number): void {
		this.symmetry.signatures(state, sigs, blocks, at);
	}

	/** The key of a successor, from its parent's signatures (`Symmetry.keyAfter`). */
	keyAfter(
		parent: Uint8Array,
		parentSigs: Int32Array,
		parentBlocks: Int32Array,
		from: number,
		state: Uint8Array,
		node: number,
		into: Uint8Array,
		sigs: Int32Array,
		blocks: Int32Array,
		to: number,
	): Uint8Array {
		return this.symmetry.keyAfter(parent, parentSigs, parentBlocks, from, state, node, into, sigs, blocks, to);
	}

	/** The renumbering that does `second` after `first`. */
	compose(second: number, first: number): number {
		return this.symmetry.compose(second, first);
	}

	inverse(perm: number): number {
		return this.symmetry.inverse(perm);
	}

	/** A move with its nodes renumbered by `perm`. */
	renumbered(perm: number, move: PackedMove): PackedMove {
		return this.symmetry.renumbered(perm, move);
	}

	/** How many steps were read from the step cache (for tests). */
	get stepsCached(): number {
		return this.cache.stepsCached;
	}
}
