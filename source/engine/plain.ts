/**
 * The plain explorer: R(C) over the game's own graph (every legal move, nothing reduced).
 * Slow, and kept only as the reference the reduced analysis is checked against.
 */
import {type Configuration, configKey} from './configuration.js';
import {applyLegal, legalMoves} from './moves.js';
import {type OutcomeMask, evaluate} from './outcomes.js';

export interface PlainResult {
	readonly mask: OutcomeMask;
	readonly states: number;
}

export function plainOutcomes(c: Configuration): PlainResult {
	const memo = new Map<string, OutcomeMask>();
	const visit = (state: Configuration): OutcomeMask => {
		// The plain graph's key: everything but ages and the step, nothing left out.
		const key = configKey(state);
		const known = memo.get(key);
		if (known !== undefined) return known;
		let mask = state.pool.length === 0 ? evaluate(state) : 0;
		for (const move of legalMoves(state)) mask |= visit(applyLegal(state, move));
		memo.set(key, mask);
		return mask;
	};

	return {mask: visit(c), states: memo.size};
}
