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
	private readonly movesTo: Int32Array;
	/** How many states the rule applied to (every move a delivery, or one corruption left), and how many of them it cut. */
	tried = 0;
	reduced = 0;
	/** Set once the rule has cut under an eighth of the 4,096 or more states it applied to: it then searches every successor (the whole set of moves is a stubborn set too). */
	private idle = false;

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
		this.movesTo = new Int32Array(n + 1);
	}

	/**
	 * Cut `moves` (the first `count`, as the model lists them, its first `corruptions` the
	 * corruptions) to a stubborn set, in place and in the same order; returns how many are left.
	 * Leaves them as they are unless every move is a delivery, or one corruption is the only one
	 * (rule 9: the corruption that the game of one corruption can make), and no node is
	 * byzantine.
	 */
	reduce(state: Uint8Array, moves: Int32Array, count: number, corruptions: number): number {
		if (corruptions > 1 || count < 2 || this.idle) return count;
		const model = this.model;
		const n = this.n;
		const block = this.block;
		const messages = model.messages;
		const nodeOf = model.nodeOfMove;
		// Per node, its pending deliveries, and all its moves (byzantine sends to it too).
		const pendingTo = this.pendingTo;
		const movesTo = this.movesTo;
		pendingTo.fill(0);
		movesTo.fill(0);
		let deliveries = 0;
		for (let i = corruptions; i < count; i++) {
			const move = moves[i]!;
			if (move >= 2 * messages) return count;
			if (move < messages) {
				pendingTo[nodeOf[move]!]!++;
				deliveries++;
			}

			movesTo[nodeOf[move]!]!++;
		}

		// With the pool empty the state is quiescent: every successor is searched.
		if (deliveries === 0) return count;
		// Where the rule has cut almost nothing in thousands of states (ben-or), it stops looking.
		if (++this.tried > 4096 && 8 * this.reduced < this.tried) this.idle = true;

		// The corruption still to make, if any: its node, and whether it makes that node byzantine.
		const corruptible = corruptions === 1 ? nodeOf[moves[0]!]! : 0;
		const byzantine = corruptions === 1 && ((moves[0]! - 2 * messages) & 3) === 3;

		// Who can still feed whom: feeders[x] has bit y when y can still send x a message that is
		// not pending now, in a slot x has not closed. A node that may still turn byzantine can
		// send any value in every slot where x holds no record from it.
		const feeders = this.feeders;
		const slots = this.slots;
		for (let x = 1; x <= n; x++) {
			let mask = 0;
			const xStatus = state[(x - 1) * block]! & STATUS;
			if (xStatus === 0 || xStatus === 2) {
				for (let y = 1; y <= n; y++) {
					if (y === x) continue;
					const yStatus = state[(y - 1) * block]! & STATUS;
					if (yStatus === 1) continue;
					const any = yStatus === 3 || (byzantine && y === corruptible);
					const base = (x * (n + 1) + y) * slots;
					for (let slot = 0; slot < slots; slot++) {
						if (state[this.recordAt[base + slot]!] !== 0) continue;
						if (any || !this.anyPending(state, this.firstId[base + slot]!, this.values[base + slot]!)) {
							mask |= 1 << y;
							break;
						}
					}
				}
			}

			feeders[x] = mask;
		}

		// The smallest closed set, by the moves it holds (the corruption with its node's deliveries).
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

			let held = corruptible !== 0 && (set & (1 << corruptible)) !== 0 ? 1 : 0;
			for (let z = 1; z <= n; z++) if ((set & (1 << z)) !== 0) held += movesTo[z]!;
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
