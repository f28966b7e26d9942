/**
 * What the analysis graph (packed/model.ts) needs from the game's own rules: which pending messages are
 * inert, and how an analysis move maps back to game moves (docs/engine.md explains why the
 * reductions keep R(C) exact).
 *
 * A message is inert when delivering it can change nothing but the pool: its recipient is
 * crashed or byzantine, it is a start message to a node already started, its recipient already
 * has a message from that sender in that slot, or the slot is closed for its recipient.
 * Inertness is permanent, so inert messages can all be delivered at the end of any run.
 */
import {type Configuration, isProcessing, nodeOf, nodeView} from './configuration.js';
import {type Message, type Move, isStart} from './types.js';

/** A move of the analysis graph: a game move, or a byzantine send merged with its delivery. */
export type AnalysisMove = Move | {readonly kind: 'inject'; readonly message: Message};

export function isInert(c: Configuration, m: Message): boolean {
	const node = nodeOf(c, m.to);
	if (!isProcessing(node)) return true;
	if (isStart(m)) return node.started;
	if (node.received[m.from * c.setup.protocol.slots.length + m.slot] !== -1) return true;
	return node.started && c.setup.protocol.closed(nodeView(c, m.to), m.slot);
}

/** Game moves that deliver every pending inert message, oldest first. */
export function flushInert(c: Configuration): Move[] {
	return c.pool.filter(e => isInert(c, e.message)).map(e => ({kind: 'deliver', message: e.message}));
}

/** The game moves an analysis move stands for. */
export function toGameMoves(move: AnalysisMove): Move[] {
	if (move.kind !== 'inject') return [move];
	return [
		{kind: 'send', message: move.message},
		{kind: 'deliver', message: move.message},
	];
}
