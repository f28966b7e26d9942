/**
 * Ben-Or's protocol with the coin fixed to 0, so that it is deterministic. Slots p1.1, p2.1, p1.2, p2.2, ...;
 * p1.k carries {0, 1}, p2.k carries {0, 1, ?}. Local state: [round k, phase, preference x,
 * finished], with k = 0 before the start action.
 */
import type {NodeWork, Protocol} from '../engine/protocol.js';
import type {Bit, Slot} from '../engine/types.js';

const ROUND = 0;
const PHASE = 1;
const PREF = 2;
const FINISHED = 3;
const UNKNOWN = 2; // the index of ? in p2.k's domain

const p1 = (k: number): number => 2 * (k - 1);
const p2 = (k: number): number => 2 * (k - 1) + 1;

export function benOrSlots(rounds: number): Slot[] {
	const slots: Slot[] = [];
	for (let k = 1; k <= rounds; k++) {
		slots.push({name: `p1.${k}`, values: ['0', '1']}, {name: `p2.${k}`, values: ['0', '1', '?']});
	}

	return slots;
}

/** The recorded values of a slot from all nodes, own included. */
function counts(node: NodeWork, slot: number): {count: number; c0: number; c1: number} {
	let count = 0;
	let c0 = 0;
	let c1 = 0;
	for (let s = 1; s <= node.n; s++) {
		const v = node.get(s, slot);
		if (v < 0) continue;
		count++;
		if (v === 0) c0++;
		if (v === 1) c1++;
	}

	return {count, c0, c1};
}

/** Complete as many phases as the recorded messages allow. */
function advance(node: NodeWork, rounds: number): void {
	const {local, n, f} = node;
	while (local[FINISHED] === 0) {
		const k = local[ROUND]!;
		if (local[PHASE] === 1) {
			const {count, c0, c1} = counts(node, p1(k));
			if (count < n - f) return;
			const w = 2 * c1 > n ? 1 : 2 * c0 > n ? 0 : UNKNOWN;
			local[PHASE] = 2;
			node.broadcast(p2(k), w);
			continue;
		}

		const {count, c0, c1} = counts(node, p2(k));
		if (count < n - f) return;
		const b: Bit = c1 > c0 ? 1 : 0;
		const cb = b === 1 ? c1 : c0;
		if (cb >= f + 1) {
			local[PREF] = b;
			node.decide(b);
		} else if (cb >= 1) {
			local[PREF] = b;
		} else {
			local[PREF] = 0;
		}

		if (k < rounds) {
			local[ROUND] = k + 1;
			local[PHASE] = 1;
			node.broadcast(p1(k + 1), local[PREF]!);
		} else {
			local[FINISHED] = 1;
		}
	}
}

export const benOr: Protocol = {
	id: 'ben-or',
	title: 'Ben-Or with the coin fixed to 0',
	flaw: 'a crash at the right moment keeps every round undecided (termination)',
	hasRounds: true,
	instantiate(n, f, params) {
		const rounds = params.rounds ?? 1;
		return {
			id: 'ben-or',
			n,
			f,
			params: {rounds},
			slots: benOrSlots(rounds),
			initialLocal: [0, 0, 0, 0],
			start(node) {
				node.local[ROUND] = 1;
				node.local[PHASE] = 1;
				node.local[PREF] = node.input;
				node.broadcast(p1(1), node.input);
				advance(node, rounds);
			},
			receive: node => advance(node, rounds),
			// Every node plays the same part.
			orderFree: true,
			// A node counts values; who sent them does not matter.
			senderBlind: true,
			// The input is the first preference, set by start; later steps read the preference.
			inputOnlyAtStart: true,
			// The preference is sent as soon as it is set, and set again before it is sent next:
			// no step reads it.
			scratch: [PREF],
			role: () => 0,
			// Phase 1 of round k reads p1.k, phase 2 reads p2.k, each once n - f records are in.
			phases: {
				reading: local => (local[FINISHED] === 1 || local[ROUND] === 0 ? -1 : 2 * (local[ROUND]! - 1) + (local[PHASE]! - 1)),
				quorum: n - f,
			},
			// A slot is done once its phase is complete: p1.k when the node is in phase 2 of round k
			// or later, p2.k once it is past round k (or finished).
			closed(node, slot) {
				const local = node.local;
				if (local[FINISHED] === 1) return true;
				const k = local[ROUND]!;
				// Slot 2(r - 1) is p1.r and slot 2(r - 1) + 1 is p2.r (integer steps: the analysis calls this often).
				const round = (slot >> 1) + 1;
				return round < k || (round === k && (slot & 1) === 0 && local[PHASE] === 2);
			},
			summary(node) {
				const [k, phase, x, finished] = node.local;
				if (!node.started || k === 0) return 'not started';
				if (finished === 1) return `finished ${rounds} round${rounds === 1 ? '' : 's'}, x=${x}`;
				return `round ${k} phase ${phase}, x=${x}`;
			},
		};
	},
};
