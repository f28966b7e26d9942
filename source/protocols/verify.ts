/**
 * Trust but verify: before the analysis relies on what a protocol module declares, check it on
 * sampled positions (seeded random walks from every input vector, or a sample of them, with every
 * behaviour allowed). Determinism is required (the same step twice gives the same state); a
 * failing `closed`, `orderFree` or `role` is reported with its counterexample and the analysis
 * then runs without that reduction. Deterministic: the same instance always gets the same verdict.
 */
import {type Configuration, type NodeState, configKey, initialConfiguration, isProcessing, makeSetup, messageId, nodeView} from '../engine/configuration.js';
import {applyMove, legalMoves} from '../engine/moves.js';
import {formatMove, formatMoves} from '../engine/notation.js';
import {type ProtocolInstance, ProtocolFault} from '../engine/protocol.js';
import {BEHAVIOURS, type Bit, type Message, type Move} from '../engine/types.js';

export interface DeclarationCheck {
	/** Which declarations the analysis may use (false also when not declared). */
	readonly keep: {readonly closed: boolean; readonly orderFree: boolean; readonly role: boolean};
	/** A declaration that failed, each with its counterexample, one line each. */
	readonly notes: readonly string[];
	/** Set when the protocol cannot be analysed at all (not deterministic). */
	readonly broken?: string;
	/** Positions sampled. */
	readonly positions: number;
}

/** Walks per input vector, their length, and the most positions checked in all. */
const WALKS = 4;
const WALK_LENGTH = 40;
const MOST_POSITIONS = 160;

/** A small seeded generator (mulberry32): the same sample every time. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function inputVectors(n: number, next: () => number): Bit[][] {
	const all: Bit[][] = [];
	for (let bits = 0; bits < 1 << n; bits++) all.push(Array.from({length: n}, (_, i) => ((bits >> (n - 1 - i)) & 1) as Bit));
	if (all.length <= 16) return all;
	const picked = [all[0]!, all.at(-1)!];
	while (picked.length < 12) picked.push(all[Math.floor(next() * all.length)]!);
	return picked;
}

interface Sample {
	readonly config: Configuration;
	readonly path: readonly Move[];
}

/** A move's result, undefined when it is not legal; a protocol's fault is thrown (the loader reports it). */
const apply = (c: Configuration, move: Move): Configuration | undefined => {
	const next = applyMove(c, move);
	if (!next.ok && next.code === 'protocol-fault') throw new ProtocolFault(next.message);
	return next.ok ? next.value : undefined;
};

/** Where a counterexample was found, in words. */
const at = (sample: Sample): string =>
	`inputs ${sample.config.setup.inputs.join('')} after ${sample.path.length === 0 ? 'no moves' : `"${formatMoves(sample.config.setup, sample.path).join('; ')}"`}`;

export function verifyDeclarations(instance: ProtocolInstance, options: {declaredClosed: boolean}): DeclarationCheck {
	const {n, f} = instance;
	const next = random(0x5eed ^ (n * 7919 + f * 104729 + instance.params.rounds * 31));
	const samples: Sample[] = [];
	const perVector = Math.max(1, Math.floor(MOST_POSITIONS / (WALKS * (1 << Math.min(n, 4)))));
	for (const inputs of inputVectors(n, next)) {
		const setup = makeSetup({protocol: instance, inputs, allowed: f > 0 ? [...BEHAVIOURS] : []});
		for (let walk = 0; walk < WALKS; walk++) {
			let c = initialConfiguration(setup);
			const path: Move[] = [];
			for (let k = 0; k < WALK_LENGTH; k++) {
				if (k % Math.max(1, Math.floor(WALK_LENGTH / perVector)) === 0 || c.pool.length === 0) samples.push({config: c, path: [...path]});
				const moves = legalMoves(c);
				if (moves.length === 0) break;
				// Mostly deliveries, so the walks get deep into the protocol; corruptions now and then.
				const deliveries = moves.filter(m => m.kind === 'deliver');
				const pool = deliveries.length > 0 && next() < 0.85 ? deliveries : moves;
				const move = pool[Math.floor(next() * pool.length)]!;
				const after = apply(c, move);
				if (!after) break;
				path.push(move);
				c = after;
			}
		}
	}

	const notes: string[] = [];
	let broken: string | undefined;
	let closedOk = options.declaredClosed;
	let orderOk = instance.orderFree === true;
	let roleOk = instance.role !== undefined;
	for (const sample of samples) {
		const {config} = sample;
		const moves = legalMoves(config);
		// Determinism: every step twice.
		for (const move of moves.slice(0, 6)) {
			const a = apply(config, move);
			const b = apply(config, move);
			if (a && b && configKey(a) !== configKey(b)) {
				broken = `not deterministic: at ${at(sample)}, "${formatMove(config.setup, move)}" twice gave two different states (a step must depend only on the node's work copy)`;
				break;
			}
		}

		if (broken) break;
		if (closedOk) {
			const problem = closedProblem(instance, config, moves, next);
			if (problem) {
				notes.push(`closed does not hold: at ${at(sample)}, ${problem}; the analysis runs without the dead-state reduction`);
				closedOk = false;
			}
		}

		if (orderOk) {
			const problem = orderProblem(config, moves, closedOk);
			if (problem) {
				notes.push(`orderFree does not hold: at ${at(sample)}, ${problem}; the analysis runs without treating moves at one node as commuting`);
				orderOk = false;
			}
		}

		if (roleOk) {
			const problem = roleProblem(instance, config, moves);
			if (problem) {
				notes.push(`role does not hold: at ${at(sample)}, ${problem}; the analysis runs without the symmetry reduction`);
				roleOk = false;
			}
		}
	}

	return {keep: {closed: closedOk, orderFree: orderOk, role: roleOk}, notes, positions: samples.length, ...(broken ? {broken} : {})};
}

/** A node's state with one record blanked, to compare "everything but that record". */
const without = (node: NodeState, index: number): string => JSON.stringify({...node, received: node.received.map((v, i) => (i === index ? -1 : v))});

function closedProblem(instance: ProtocolInstance, c: Configuration, moves: readonly Move[], next: () => number): string | null {
	const slots = instance.slots.length;
	const setup = c.setup;
	for (let k = 1; k <= instance.n; k++) {
		const node = c.nodes[k - 1]!;
		if (!node.started || !isProcessing(node)) continue;
		for (let s = 0; s < slots; s++) {
			if (!instance.closed(nodeView(c, k), s)) continue;
			// It stays closed whatever happens next.
			for (const move of moves.slice(0, 8)) {
				const after = apply(c, move);
				if (after && isProcessing(after.nodes[k - 1]!) && !instance.closed(nodeView(after, k), s)) {
					return `slot ${instance.slots[s]!.name} is closed at node ${k} but open again after "${formatMove(setup, move)}"`;
				}
			}

			// A message there changes nothing but its record (a few senders and values, sampled).
			for (let tries = 0; tries < 2; tries++) {
				const from = 1 + Math.floor(next() * instance.n);
				const index = from * slots + s;
				if (node.received[index] !== -1) continue;
				const value = Math.floor(next() * instance.slots[s]!.values.length);
				const message: Message = {to: k, from, slot: s, value};
				const id = messageId(setup, message);
				const pool = c.pool.some(e => e.id === id) ? c.pool : [...c.pool, {message, age: c.step, id}];
				const after = apply({...c, pool}, {kind: 'deliver', message});
				if (!after) continue;
				const changed = without(after.nodes[k - 1]!, index) !== without(node, index);
				const sent = after.pool.length > pool.length - 1;
				if (changed || sent) {
					return `slot ${instance.slots[s]!.name} is closed at node ${k}, yet "${formatMove(setup, {kind: 'deliver', message})}" ${sent ? 'made it send' : 'changed its state'}`;
				}
			}
		}
	}

	return null;
}

/** Whether a pending message can no longer change anything (reduce.ts), with `closed` only when trusted. */
function inert(c: Configuration, m: Message, useClosed: boolean): boolean {
	const node = c.nodes[m.to - 1]!;
	if (!isProcessing(node)) return true;
	if (m.from === 0) return node.started;
	if (node.received[m.from * c.setup.protocol.slots.length + m.slot] !== -1) return true;
	return useClosed && node.started && c.setup.protocol.closed(nodeView(c, m.to), m.slot);
}

/**
 * Two deliveries to one node, each still a move after the other (not inert: the analysis drops
 * inert messages), must leave the same state in both orders.
 */
function orderProblem(c: Configuration, moves: readonly Move[], useClosed: boolean): string | null {
	const deliveries = moves.filter((m): m is Extract<Move, {kind: 'deliver'}> => m.kind === 'deliver');
	let tried = 0;
	for (let i = 0; i < deliveries.length && tried < 6; i++) {
		for (let j = i + 1; j < deliveries.length && tried < 6; j++) {
			const a = deliveries[i]!;
			const b = deliveries[j]!;
			if (a.message.to !== b.message.to) continue;
			if (inert(c, a.message, useClosed) || inert(c, b.message, useClosed)) continue;
			const ab = apply(c, a);
			const ba = apply(c, b);
			if (!ab || !ba || inert(ab, b.message, useClosed) || inert(ba, a.message, useClosed)) continue;
			tried++;
			const abThen = apply(ab, b);
			const baThen = apply(ba, a);
			if (abThen && baThen && configKey(abThen) !== configKey(baThen)) {
				const names = [formatMove(c.setup, a), formatMove(c.setup, b)];
				return `"${names[0]}; ${names[1]}" and "${names[1]}; ${names[0]}" leave different states`;
			}
		}
	}

	return null;
}

/** Node numbers swapped: i and j trade places everywhere. */
function swapped(c: Configuration, i: number, j: number): Configuration {
	const map = (k: number): number => (k === i ? j : k === j ? i : k);
	const slots = c.setup.protocol.slots.length;
	const nodes = c.nodes.map((_, index) => {
		const node = c.nodes[map(index + 1) - 1]!;
		const received = node.received.map((_, r) => node.received[map(Math.floor(r / slots)) * slots + (r % slots)]!);
		return {...node, received};
	});
	const moved = (m: Message): Message => ({...m, to: map(m.to), from: m.from === 0 ? 0 : map(m.from)});
	const pool = c.pool.map(e => {
		const message = moved(e.message);
		return {...e, message, id: messageId(c.setup, message)};
	});
	const ids = new Map<number, number>();
	for (let to = 1; to <= c.setup.n; to++) {
		for (let from = 1; from <= c.setup.n; from++) {
			for (let slot = 0; slot < slots; slot++) {
				for (let value = 0; value < c.setup.protocol.slots[slot]!.values.length; value++) {
					const m = {to, from, slot, value};
					ids.set(messageId(c.setup, m), messageId(c.setup, moved(m)));
				}
			}
		}
	}

	return {...c, nodes, pool, sent: c.sent.map(id => ids.get(id) ?? id).sort((a, b) => a - b)};
}

function swappedMove(move: Move, i: number, j: number): Move {
	const map = (k: number): number => (k === i ? j : k === j ? i : k);
	if (move.kind === 'corrupt') return {...move, node: map(move.node)};
	const m = move.message;
	return {...move, message: {...m, to: map(m.to), from: m.from === 0 ? 0 : map(m.from)}};
}

function roleProblem(instance: ProtocolInstance, c: Configuration, moves: readonly Move[]): string | null {
	const {inputs} = c.setup;
	for (let i = 1; i <= instance.n; i++) {
		for (let j = i + 1; j <= instance.n; j++) {
			const ri = instance.role!(i);
			if (ri === undefined || ri !== instance.role!(j) || inputs[i - 1] !== inputs[j - 1]) continue;
			const mirror = swapped(c, i, j);
			for (const move of moves.slice(0, 6)) {
				const after = apply(c, move);
				const mirrored = apply(mirror, swappedMove(move, i, j));
				if (!after || !mirrored) continue;
				if (configKey(swapped(after, i, j)) !== configKey(mirrored)) {
					return `nodes ${i} and ${j} share role ${ri} and input ${inputs[i - 1]}, but "${formatMove(c.setup, move)}" and its mirror "${formatMove(c.setup, swappedMove(move, i, j))}" do not match when they are swapped`;
				}
			}
		}
	}

	return null;
}
