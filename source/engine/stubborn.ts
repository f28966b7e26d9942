/**
 * Partial-order reduction: stubborn sets of deliveries (rule 8 of docs/engine.md).
 *
 * Where no corruption can be made any more and no node is byzantine, every move is a delivery,
 * and a state is quiescent exactly when it has no move. Deliveries to different nodes are
 * independent: each changes only its recipient's block and adds messages to the pool, so
 * either order reaches the same state, and neither takes the other away (messages to a node
 * leave the pool, or become inert, only by that node's own steps). A node y can still *feed* a
 * node x when y is honest (or lies) and, in some slot x has not closed, x holds no record from
 * y and no message from y is pending: honest nodes send each slot to each node once, so only
 * then can a message to x appear that is not pending now.
 *
 * For a node x, let N be the smallest set of nodes holding x and every node that can still feed
 * a node of N. The deliveries to nodes of N form a stubborn set: a run of moves outside it
 * delivers only to nodes outside N, which send nothing more to N (in an open slot), so it
 * changes no node of N and no message to N, and commutes with every delivery to N. Searching
 * only those successors still reaches every quiescent state (the graph is finite and acyclic:
 * Valmari's stubborn sets, Godefroid's persistent sets), from every state searched, so each
 * state's R is still whole and the memo keeps exact answers. The set is a function of the state
 * alone (the node x whose set has the fewest deliveries, the lowest number on a tie), so the
 * search and the witness walk (`trail`) take the same successors.
 */
import type {PackedModel} from './packed/model.js';

/** A node's status, in bits 0-1 of its header byte (fast.ts): 0 honest, 1 crash, 2 lie, 3 byzantine. */
const STATUS = 3;

export class StubbornSets {
	private readonly n: number;
	private readonly slots: number;
	/** Per (x, y, slot): where x's record of y's message in the slot is. */
	private readonly recordAt: Int32Array;
	/** Per (x, y, slot): the first message id from y to x in the slot, and how many values it has. */
	private readonly firstId: Int32Array;
	private readonly values: Int32Array;
	private readonly poolAt: number;
	private readonly block: number;
	private readonly feeders: Int32Array;
	private readonly pendingTo: Int32Array;
	/** How many states were reduced (their successors cut to a stubborn set), for measuring. */
	reduced = 0;

	constructor(private readonly model: PackedModel) {
		const {n, slots, block, rows, poolAt} = model.layout;
		this.n = n;
		this.slots = slots;
		this.poolAt = poolAt;
		this.block = block;
		const size = (n + 1) * (n + 1) * Math.max(1, slots);
		this.recordAt = new Int32Array(size);
		this.firstId = new Int32Array(size);
		this.values = new Int32Array(size);
		for (let x = 1; x <= n; x++) {
			for (let y = 1; y <= n; y++) {
				for (let slot = 0; slot < slots; slot++) {
					const at = (x * (n + 1) + y) * slots + slot;
					this.recordAt[at] = (x - 1) * block + rows + y * slots + slot;
					this.firstId[at] = model.layout.id(x, y, slot, 0);
					this.values[at] = model.setup.protocol.slots[slot]!.values.length;
				}
			}
		}

		this.feeders = new Int32Array(n + 1);
		this.pendingTo = new Int32Array(n + 1);
	}

	/**
	 * Cut `moves` (the first `count`, as the model lists them) to a stubborn set, in place and in
	 * the same order; returns how many are left. Leaves them as they are unless every move is a
	 * delivery (`corruptions` is how many corruptions the list holds) and no node is byzantine.
	 */
	reduce(state: Uint8Array, moves: Int32Array, count: number, corruptions: number): number {
		if (corruptions > 0 || count < 2) return count;
		const model = this.model;
		const n = this.n;
		const block = this.block;
		const messages = model.messages;
		for (let node = 1; node <= n; node++) if ((state[(node - 1) * block]! & STATUS) === 3) return count;
		const nodeOf = model.nodeOfMove;
		const pendingTo = this.pendingTo;
		pendingTo.fill(0);
		for (let i = 0; i < count; i++) {
			const move = moves[i]!;
			if (move >= messages) return count;
			pendingTo[nodeOf[move]!]!++;
		}

		// Who can still feed whom: feeders[x] has bit y when y can still send x a message that is
		// not pending now, in a slot x has not closed.
		const feeders = this.feeders;
		const slots = this.slots;
		for (let x = 1; x <= n; x++) {
			let mask = 0;
			const xStatus = state[(x - 1) * block]! & STATUS;
			if (xStatus === 0 || xStatus === 2) {
				for (let y = 1; y <= n; y++) {
					if (y === x) continue;
					const yStatus = state[(y - 1) * block]! & STATUS;
					if (yStatus !== 0 && yStatus !== 2) continue;
					const base = (x * (n + 1) + y) * slots;
					for (let slot = 0; slot < slots; slot++) {
						if (state[this.recordAt[base + slot]!] !== 0) continue;
						if (!this.anyPending(state, this.firstId[base + slot]!, this.values[base + slot]!)) {
							mask |= 1 << y;
							break;
						}
					}
				}
			}

			feeders[x] = mask;
		}

		// The smallest closed set, by the deliveries it holds.
		let best = 0;
		let bestCount = count;
		for (let x = 1; x <= n; x++) {
			if (pendingTo[x] === 0) continue;
			let set = 1 << x;
			for (;;) {
				let grown = set;
				for (let z = 1; z <= n; z++) if ((set & (1 << z)) !== 0) grown |= feeders[z]!;
				if (grown === set) break;
				set = grown;
			}

			let held = 0;
			for (let z = 1; z <= n; z++) if ((set & (1 << z)) !== 0) held += pendingTo[z]!;
			if (held < bestCount) {
				best = set;
				bestCount = held;
			}
		}

		if (best === 0) return count;
		this.reduced++;
		let kept = 0;
		for (let i = 0; i < count; i++) {
			const move = moves[i]!;
			if ((best & (1 << nodeOf[move]!)) !== 0) moves[kept++] = move;
		}

		return kept;
	}

	/** Whether any of the `values` messages from id `first` on is pending. */
	private anyPending(state: Uint8Array, first: number, values: number): boolean {
		const poolAt = this.poolAt;
		for (let id = first; id < first + values; id++) if ((state[poolAt + (id >> 3)]! & (1 << (id & 7))) !== 0) return true;
		return false;
	}
}
