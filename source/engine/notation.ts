/**
 * The move notation of docs/model.md: parse and print, round-trip exact.
 *
 *   start R              deliver start(R)
 *   TO<FROM:SLOT=VALUE   deliver a protocol message
 *   corrupt K as B       corrupt node K with behaviour B
 *   K>TO:SLOT=VALUE      byzantine node K sends a message
 */
import type {Setup} from './configuration.js';
import {BEHAVIOURS, type Behaviour, type Message, type Move, type Result, fail, ok, startMessage} from './types.js';

export function formatMessage(setup: Setup, m: Message): string {
	if (m.from === 0) return `start ${m.to}`;
	return `${m.to}<${m.from}:${slotName(setup, m.slot)}=${valueName(setup, m.slot, m.value)}`;
}

export function formatMove(setup: Setup, move: Move): string {
	switch (move.kind) {
		case 'deliver':
			return formatMessage(setup, move.message);
		case 'corrupt':
			return `corrupt ${move.node} as ${move.behaviour}`;
		case 'send': {
			const m = move.message;
			return `${m.from}>${m.to}:${slotName(setup, m.slot)}=${valueName(setup, m.slot, m.value)}`;
		}
	}
}

export const formatMoves = (setup: Setup, moves: readonly Move[]): string[] => moves.map(move => formatMove(setup, move));

const slotName = (setup: Setup, slot: number): string => setup.protocol.slots[slot]?.name ?? `#${slot}`;
const valueName = (setup: Setup, slot: number, value: number): string =>
	setup.protocol.slots[slot]?.values[value] ?? `#${value}`;

const START = /^start\s+(\d+)$/;
const DELIVER = /^(\d+)\s*<\s*(\d+)\s*:\s*([^\s=:<>;]+)\s*=\s*(\S+)$/;
const SEND = /^(\d+)\s*>\s*(\d+)\s*:\s*([^\s=:<>;]+)\s*=\s*(\S+)$/;
const CORRUPT = /^corrupt\s+(\d+)\s+as\s+(\S+)$/;

/**
 * Parse one move. Checks what the notation alone can check (node numbers, slot names, values);
 * whether the move is legal in a configuration is `applyMove`'s business.
 */
export function parseMove(setup: Setup, text: string): Result<Move> {
	const t = text.trim();
	let match = START.exec(t);
	if (match) {
		const to = nodeNumber(setup, match[1]!, t);
		return to.ok ? ok({kind: 'deliver', message: startMessage(to.value)}) : to;
	}

	match = CORRUPT.exec(t);
	if (match) {
		const node = nodeNumber(setup, match[1]!, t);
		if (!node.ok) return node;
		const behaviour = match[2]!;
		if (!(BEHAVIOURS as readonly string[]).includes(behaviour)) {
			return fail('bad-behaviour', `"${t}": unknown behaviour "${behaviour}" (use crash, lie or byzantine)`);
		}

		return ok({kind: 'corrupt', node: node.value, behaviour: behaviour as Behaviour});
	}

	const delivery = DELIVER.exec(t);
	match = delivery ?? SEND.exec(t);
	if (match) {
		const isDeliver = delivery !== null;
		const first = nodeNumber(setup, match[1]!, t);
		if (!first.ok) return first;
		const second = nodeNumber(setup, match[2]!, t);
		if (!second.ok) return second;
		const slot = setup.protocol.slots.findIndex(s => s.name === match![3]);
		if (slot < 0) {
			const names = setup.protocol.slots.map(s => s.name).join(', ');
			return fail('bad-slot', `"${t}": ${setup.protocol.id} has no slot "${match[3]}" (slots: ${names})`);
		}

		const domain = setup.protocol.slots[slot]!.values;
		const value = domain.indexOf(match[4]!);
		if (value < 0) {
			return fail('bad-value', `"${t}": slot ${match[3]} takes ${domain.join(', ')}, not "${match[4]}"`);
		}

		const message = isDeliver
			? {to: first.value, from: second.value, slot, value}
			: {to: second.value, from: first.value, slot, value};
		return ok({kind: isDeliver ? 'deliver' : 'send', message});
	}

	return fail(
		'bad-notation',
		`"${t}" is not a move (write "start 2", "2<1:vote=0", "corrupt 3 as crash" or "3>1:vote=1")`,
	);
}

function nodeNumber(setup: Setup, digits: string, text: string): Result<number> {
	const k = Number(digits);
	if (!Number.isInteger(k) || k < 1 || k > setup.n) {
		return fail('bad-node', `"${text}": node ${digits} does not exist (nodes are 1..${setup.n})`);
	}

	return ok(k);
}

/** Split a list of moves: `;`-separated, one per line, or list items (`- start 1`). */
function splitMoves(text: string): string[] {
	return text
		.split(/[;\n]/)
		.map(s => s.replace(/^\s*[-*]\s+/, '').trim())
		.filter(s => s.length > 0);
}

/** Parse a move list; the failure names the first bad move and its position (1-based). */
export function parseMoves(setup: Setup, text: string): Result<Move[]> {
	const moves: Move[] = [];
	for (const [i, part] of splitMoves(text).entries()) {
		const parsed = parseMove(setup, part);
		if (!parsed.ok) return fail(parsed.code, `move ${i + 1}: ${parsed.message}`);
		moves.push(parsed.value);
	}

	return ok(moves);
}
