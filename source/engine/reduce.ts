/**
 * The analysis graph: the game's graph with three reductions that keep R(C) exact
 * (docs/engine.md explains why each is sound; test/engine/reduce.test.ts checks them against
 * the plain graph):
 *
 * - Inert messages leave the pool at once. A message is inert when delivering it can change
 *   nothing but the pool: its recipient is crashed or byzantine, it is a start message to a node
 *   already started, or its recipient already has a message from that sender in that slot.
 *   Inertness is permanent, so such messages can all be delivered at the end of any run.
 * - A byzantine send is merged with its delivery ("inject"): a send can always be moved to just
 *   before its delivery. Only sends the recipient will act on are tried.
 * - The key leaves out ages, the step and the byzantine nodes' sent sets, on which R does not
 *   depend once the two rules above hold.
 */
import {type Configuration, isProcessing, nodeOf, nodeView} from './configuration.js';
import {applyLegal, legalCorruptions} from './moves.js';
import {type Message, type Move, isStart} from './types.js';

/** A move of the analysis graph: a game move, or a byzantine send merged with its delivery. */
export type AnalysisMove = Move | {readonly kind: 'inject'; readonly message: Message};

/** A serialized analysis state (ages, step and sent sets left out). */
export type StateKey = string & {readonly __brand: 'StateKey'};

export function isInert(c: Configuration, m: Message): boolean {
	const node = nodeOf(c, m.to);
	if (!isProcessing(node)) return true;
	if (isStart(m)) return node.started;
	if (node.received[m.from * c.setup.protocol.slots.length + m.slot] !== -1) return true;
	return node.started && c.setup.protocol.closed(nodeView(c, m.to), m.slot);
}

/** The configuration with its inert messages delivered. */
export function normalize(c: Configuration): Configuration {
	const pool = c.pool.filter(e => !isInert(c, e.message));
	return pool.length === c.pool.length ? c : {...c, pool};
}

/** Game moves that deliver every pending inert message, oldest first. */
export function flushInert(c: Configuration): Move[] {
	return c.pool.filter(e => isInert(c, e.message)).map(e => ({kind: 'deliver', message: e.message}));
}

export function stateKey(c: Configuration): StateKey {
	const codes: number[] = [];
	const {protocol} = c.setup;
	const slots = protocol.slots.length;
	for (const [index, node] of c.nodes.entries()) {
		codes.push(
			node.corrupt === null ? 0 : node.corrupt === 'crash' ? 1 : node.corrupt === 'lie' ? 2 : 3,
			node.started ? 1 : 0,
			node.output === null ? 2 : node.output,
		);
		for (const v of node.local) codes.push(v + 1);
		// A crashed or byzantine node's records are never read again; nor are closed slots.
		if (!isProcessing(node)) continue;
		const view = node.started ? nodeView(c, index + 1) : undefined;
		for (let slot = 0; slot < slots; slot++) {
			if (view && protocol.closed(view, slot)) {
				codes.push(0xfffe);
				continue;
			}

			for (let from = 0; from <= c.setup.n; from++) codes.push((node.received[from * slots + slot] ?? -1) + 1);
		}
	}

	codes.push(0xffff);
	const ids = c.pool.map(e => e.id).sort((a, b) => a - b);
	for (const id of ids) codes.push(id);
	let key = '';
	for (let i = 0; i < codes.length; i += 4096) key += String.fromCharCode(...codes.slice(i, i + 4096));
	return key as StateKey;
}

/** The injections worth trying: recipient acts on it, and it is not already pending. */
function injections(c: Configuration): AnalysisMove[] {
	const moves: AnalysisMove[] = [];
	const {n, protocol} = c.setup;
	const slots = protocol.slots.length;
	for (let from = 1; from <= n; from++) {
		if (nodeOf(c, from).corrupt !== 'byzantine') continue;
		for (let to = 1; to <= n; to++) {
			if (to === from) continue;
			const recipient = nodeOf(c, to);
			if (!isProcessing(recipient)) continue;
			const view = recipient.started ? nodeView(c, to) : undefined;
			for (const [slot, declared] of protocol.slots.entries()) {
				if (recipient.received[from * slots + slot] !== -1) continue;
				if (view && protocol.closed(view, slot)) continue;
				for (let value = 0; value < declared.values.length; value++) {
					const message = {to, from, slot, value};
					const pending = c.pool.some(
						e => e.message.to === to && e.message.from === from && e.message.slot === slot && e.message.value === value,
					);
					if (!pending) moves.push({kind: 'inject', message});
				}
			}
		}
	}

	return moves;
}

/** The analysis moves of a normalized configuration, in a fixed order. */
export function analysisMoves(c: Configuration): AnalysisMove[] {
	const deliveries: AnalysisMove[] = c.pool.map(e => ({kind: 'deliver', message: e.message}));
	return [...deliveries, ...legalCorruptions(c), ...injections(c)];
}

/** Apply an analysis move to a normalized configuration; the result is normalized. */
export function applyAnalysisMove(c: Configuration, move: AnalysisMove): Configuration {
	if (move.kind === 'inject') {
		const sent = applyLegal(c, {kind: 'send', message: move.message});
		return normalize(applyLegal(sent, {kind: 'deliver', message: move.message}));
	}

	return normalize(applyLegal(c, move));
}

/** The game moves an analysis move stands for. */
export function toGameMoves(move: AnalysisMove): Move[] {
	if (move.kind !== 'inject') return [move];
	return [
		{kind: 'send', message: move.message},
		{kind: 'deliver', message: move.message},
	];
}
