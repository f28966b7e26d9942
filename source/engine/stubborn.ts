/**
 * Partial-order reduction: stubborn sets (rules 8 and 12 of docs/engine.md).
 *
 * Deliveries to different nodes are independent: each changes only its recipient's block and
 * adds messages to the pool, so either order reaches the same state, and neither takes the
 * other away (messages to a node leave the pool, or become inert, only by that node's own steps
 * or its corruption). A node y can still *feed* a node x when y runs the protocol and, in some
 * slot x has not closed, x holds no record from y and no message from y is pending: honest
 * nodes send each slot to each node once, so only then can a message to x appear that is not
 * pending now. A node that may still turn byzantine feeds x wherever x holds no record from it.
 *
 * For a node x, let N be the smallest set of nodes holding x and every node that can still feed
 * a node of N. The deliveries to nodes of N and the corruptions of N's nodes form a stubborn
 * set: a run of other moves delivers only to nodes outside N, which send nothing more to N (in
 * an open slot), and corrupts only nodes outside N, so it changes no node of N and no message
 * to N, and commutes with every move of the set; a delivery to N stays possible through it.
 * Searching only those successors still reaches every quiescent state (the graph is finite and
 * acyclic: Valmari's stubborn sets, Godefroid's persistent sets), from every state searched, so
 * each state's R is still whole and the memo keeps exact answers. Where a protocol declares
 * `phases` (rule 12), feeding counts only the slots x may read before the set's next move. The
 * set is a function of the state alone (the node x whose set has the fewest moves, the lowest
 * number on a tie), so the search and the witness walk (`trail`) take the same successors.
 */
import {STARTED, STATUS} from './packed/layout.js';
import type {PackedModel} from './packed/model.js';
import type {ProtocolInstance} from './protocol.js';

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
	private readonly inRangeDeliveries: Int32Array;
	/** Per node, the last slot it may read (`lastRead`), and its moves up to that slot. */
	private readonly lastOf: Int32Array;
	private readonly inRange: Int32Array;
	/** The slot of each message id (-1 for a start message), and per move listed, whether it is in a later slot than its node may read. */
	private readonly slotOf: Int16Array;
	private readonly later: Uint8Array;
	/** The protocol's `phases` (rule 12), and room for a node's local state to read them with. */
	private readonly phases: ProtocolInstance['phases'];
	private readonly local: number[];
	/** How many states with a pending message the rule looked at, and how many of them it cut. */
	tried = 0;
	reduced = 0;
	/** How many moves the states it looked at had, and how many of them it kept. */
	movesIn = 0;
	movesOut = 0;
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
		this.inRangeDeliveries = new Int32Array(n + 1);
		this.lastOf = new Int32Array(n + 1);
		this.inRange = new Int32Array(n + 1);
		this.slotOf = model.layout.slotOf;
		this.later = new Uint8Array(model.layout.maxMoves);
		this.phases = model.setup.protocol.phases;
		this.local = Array.from({length: model.layout.local}, () => 0);
	}

	/**
	 * Cut `moves` (the first `count`, as the model lists them, its first `corruptions` the
	 * corruptions) to a stubborn set, in place and in the same order; returns how many are left.
	 * Leaves them as they are where the pool is empty (the state is quiescent, and every
	 * corruption or byzantine send from it is searched).
	 */
	reduce(state: Uint8Array, moves: Int32Array, count: number, corruptions: number): number {
		if (count < 2 || this.idle) return count;
		const model = this.model;
		const n = this.n;
		const block = this.block;
		const messages = model.messages;
		const nodeOf = model.nodeOfMove;
		let deliveries = 0;
		for (let i = corruptions; i < count; i++) {
			const move = moves[i]!;
			if (move >= 2 * messages) return count;
			if (move < messages) deliveries++;
		}

		// With the pool empty the state is quiescent: every successor is searched.
		if (deliveries === 0) return count;
		// Where the rule has cut almost nothing in thousands of states (ben-or), it stops looking.
		if (++this.tried > 4096 && 8 * this.reduced < this.tried) this.idle = true;

		// The nodes a corruption can still make byzantine (bit per node).
		let mayTurn = 0;
		for (let i = 0; i < corruptions; i++) if (((moves[i]! - 2 * messages) & 3) === 3) mayTurn |= 1 << nodeOf[moves[i]!]!;

		// Who can still feed whom: feeders[x] has bit y when y can still send x a message that is
		// not pending now, in a slot x has not closed and may read before such a message arrives
		// (up to `lastRead`, rule 12). A node that may still turn byzantine can send any value in
		// every slot where x holds no record from it.
		const feeders = this.feeders;
		const lastOf = this.lastOf;
		const slots = this.slots;
		for (let x = 1; x <= n; x++) {
			let mask = 0;
			const xStatus = state[(x - 1) * block]! & STATUS;
			const last = xStatus === 0 || xStatus === 2 ? this.lastRead(state, x) : slots - 1;
			lastOf[x] = last;
			if (xStatus === 0 || xStatus === 2) {
				for (let y = 1; y <= n; y++) {
					if (y === x) continue;
					const yStatus = state[(y - 1) * block]! & STATUS;
					if (yStatus === 1) continue;
					const any = yStatus === 3 || (mayTurn & (1 << y)) !== 0;
					const base = (x * (n + 1) + y) * slots;
					for (let slot = 0; slot <= last; slot++) {
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

		// Per node, its moves in the slots it may read (rule 12: a move in a later slot only
		// records its value, and the set leaves it for later), and how many of them are deliveries.
		const slotOf = this.slotOf;
		const inRange = this.inRange;
		const inRangeDeliveries = this.inRangeDeliveries;
		inRange.fill(0);
		inRangeDeliveries.fill(0);
		const later = this.later;
		for (let i = corruptions; i < count; i++) {
			const move = moves[i]!;
			const to = nodeOf[move]!;
			later[i] = slotOf[move < messages ? move : move - messages]! > lastOf[to]! ? 1 : 0;
			if (later[i] === 1) continue;
			inRange[to]!++;
			if (move < messages) inRangeDeliveries[to]!++;
		}

		// The smallest closed set, by the moves it holds (its nodes' corruptions with their moves).
		// It needs a pending delivery (its key): a run to an empty pool takes one of its moves.
		let best = 0;
		let bestCount = count;
		for (let x = 1; x <= n; x++) {
			if (inRangeDeliveries[x] === 0) continue;
			let set = 1 << x;
			for (;;) {
				let grown = set;
				for (let z = 1; z <= n; z++) if ((set & (1 << z)) !== 0) grown |= feeders[z]!;
				if (grown === set) break;
				set = grown;
			}

			let held = 0;
			for (let i = 0; i < corruptions; i++) if ((set & (1 << nodeOf[moves[i]!]!)) !== 0) held++;
			for (let z = 1; z <= n; z++) if ((set & (1 << z)) !== 0) held += inRange[z]!;
			if (held < bestCount) {
				best = set;
				bestCount = held;
			}
		}

		this.movesIn += count;
		if (best === 0) {
			this.movesOut += count;
			return count;
		}

		this.movesOut += bestCount;
		this.reduced++;
		let kept = 0;
		for (let i = 0; i < count; i++) {
			const move = moves[i]!;
			const to = nodeOf[move]!;
			if ((best & (1 << to)) === 0 || (i >= corruptions && later[i] === 1)) continue;
			moves[kept++] = move;
		}

		return kept;
	}

	/**
	 * The last slot node x (honest or lying) may read before a message that is not pending now
	 * reaches it: every slot while it has not started, or without the protocol's `phases`
	 * (rule 8). With them (rule 12), x reads the slot it waits on, r, and, if one pending
	 * delivery there brings its records to the quorum, every next slot where its records (with
	 * its own, which it may add on the way) reach the quorum, up to the first where they do not;
	 * and not even that one when its records there, with its own and one from every node it may
	 * still hear from there, stay below the quorum (-1 when it waits on no slot).
	 */
	private lastRead(state: Uint8Array, x: number): number {
		const phases = this.phases;
		const slots = this.slots;
		const at = (x - 1) * this.block;
		if (!phases || (state[at]! & STARTED) === 0) return slots - 1;
		const local = this.local;
		for (let i = 0; i < local.length; i++) local[i] = state[at + 1 + i]!;
		const reading = phases.reading(local);
		if (reading < 0) return -1;
		const quorum = phases.quorum;
		let slot = reading;
		if (this.model.layout.recordsIn(state, x, reading) + 1 >= quorum && this.pendingIn(state, x, reading)) {
			slot++;
			while (slot < slots && this.model.layout.recordsIn(state, x, slot) + 1 >= quorum) slot++;
			if (slot === slots) return slots - 1;
		}

		// Where x stops, the messages still to come cannot make it act: they cannot change what it reads.
		return this.model.layout.recordsIn(state, x, slot) + 1 + this.senders(state, x, slot) < quorum ? slot - 1 : slot;
	}

	/** How many nodes x holds no record from in a slot, but may yet: a message from them is pending, or they can still send one. */
	private senders(state: Uint8Array, x: number, slot: number): number {
		const n = this.n;
		let count = 0;
		for (let y = 1; y <= n; y++) {
			if (y === x) continue;
			const at = (x * (n + 1) + y) * this.slots + slot;
			if (state[this.recordAt[at]!] !== 0) continue;
			// Pending, or still to send: a crashed node sends nothing more, but what it sent stays pending.
			if ((state[(y - 1) * this.block]! & STATUS) !== 1 || this.anyPending(state, this.firstId[at]!, this.values[at]!)) count++;
		}

		return count;
	}

	/** Whether a message to node x in a slot is pending. */
	private pendingIn(state: Uint8Array, x: number, slot: number): boolean {
		const n = this.n;
		for (let y = 1; y <= n; y++) {
			const at = (x * (n + 1) + y) * this.slots + slot;
			if (this.anyPending(state, this.firstId[at]!, this.values[at]!)) return true;
		}

		return false;
	}

	/** Whether any of the `values` messages from id `first` on is pending. */
	private anyPending(state: Uint8Array, first: number, values: number): boolean {
		const poolAt = this.poolAt;
		for (let id = first; id < first + values; id++) if ((state[poolAt + (id >> 3)]! & (1 << (id & 7))) !== 0) return true;
		return false;
	}
}
