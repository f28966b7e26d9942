/**
 * Ready-made byzantine strategies: named bundles of sends the player can make at once.
 * Each is a list of legal send moves (distinct messages, so they stay legal in sequence).
 */
import {type Configuration, nodeOf} from './configuration.js';
import {honestStartSends, legalSends} from './moves.js';
import type {Bit, Move} from './types.js';

export interface Strategy {
	readonly name: string;
	readonly description: string;
	readonly moves: readonly Move[];
}

const isLegalSend = (c: Configuration, move: Move): boolean =>
	legalSends(c).some(
		m =>
			m.kind === 'send' &&
			move.kind === 'send' &&
			m.message.to === move.message.to &&
			m.message.slot === move.message.slot &&
			m.message.value === move.message.value &&
			m.message.from === move.message.from,
	);

/** The strategies open to byzantine node k now (none if k is not byzantine). */
export function strategies(c: Configuration, k: number): Strategy[] {
	if (nodeOf(c, k).corrupt !== 'byzantine') return [];
	const {setup} = c;
	const others = Array.from({length: setup.n}, (_, i) => i + 1).filter(j => j !== k);
	const found: Strategy[] = [];
	for (const b of [0, 1] as Bit[]) {
		const moves = honestStartSends(setup, k, b).filter(m => isLegalSend(c, m));
		if (moves.length > 0) {
			found.push({
				name: `pretend input ${b}`,
				description: `send what an honest node ${k} with input ${b} sends first`,
				moves,
			});
		}
	}

	const half = Math.ceil(others.length / 2);
	for (const [slot, declared] of setup.protocol.slots.entries()) {
		if (declared.values.length < 2) continue;
		for (const flip of [false, true]) {
			const moves: Move[] = others.map((to, i) => ({
				kind: 'send',
				message: {to, from: k, slot, value: (i < half) !== flip ? 0 : 1},
			}));
			if (!moves.every(m => isLegalSend(c, m))) continue;
			const zeros = others.filter((_, i) => (i < half) !== flip);
			const ones = others.filter((_, i) => (i < half) === flip);
			found.push({
				name: `equivocate in ${declared.name}`,
				description: `${declared.values[0]} to node${zeros.length > 1 ? 's' : ''} ${zeros.join(', ')}; ${declared.values[1]} to node${ones.length > 1 ? 's' : ''} ${ones.join(', ')}`,
				moves,
			});
		}

		break; // the first slot with room to equivocate is the useful one
	}

	return found;
}
