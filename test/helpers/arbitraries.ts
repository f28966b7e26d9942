/** fast-check arbitraries: small games and random reachable configurations in them. */
import fc from 'fast-check';
import type {Configuration} from '../../source/engine/configuration.js';
import type {GameSpec} from '../../source/engine/game.js';
import {applyLegal, legalMoves} from '../../source/engine/moves.js';
import type {Move} from '../../source/engine/types.js';
import {game} from './games.js';

/** Instances small enough for the plain explorer to finish in well under a second. */
export const SMALL: readonly GameSpec[] = [
	{protocol: 'wait-all', n: 2, inputs: '01', allow: ['byzantine']},
	{protocol: 'wait-all', n: 3, inputs: '011', allow: ['crash']},
	{protocol: 'quorum', n: 2, inputs: '10', allow: ['crash', 'lie', 'byzantine']},
	{protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']},
	{protocol: 'quorum', n: 3, inputs: '001', allow: ['lie']},
	{protocol: 'leader', n: 3, inputs: '011', allow: ['crash', 'lie', 'byzantine']},
	{protocol: 'leader', n: 2, inputs: '01', allow: ['byzantine']},
	{protocol: 'ben-or', n: 2, inputs: '01', allow: ['crash', 'byzantine']},
	{protocol: 'ben-or', n: 3, inputs: '011', allow: ['crash'], rounds: 1},
	{protocol: 'wait-all', n: 3, inputs: '001', allow: ['byzantine'], f: 1},
];

export interface Reachable {
	readonly spec: GameSpec;
	readonly moves: readonly Move[];
	readonly config: Configuration;
}

/** Walk `picks.length` random legal moves (fewer if the run ends) from a game's start. */
export function walk(spec: GameSpec, picks: readonly number[]): Reachable {
	let config = game(spec);
	const moves: Move[] = [];
	for (const pick of picks) {
		const options = legalMoves(config);
		if (options.length === 0) break;
		const move = options[pick % options.length]!;
		moves.push(move);
		config = applyLegal(config, move);
	}

	return {spec, moves, config};
}

export const reachable = (specs: readonly GameSpec[] = SMALL, minMoves = 0, maxMoves = 12): fc.Arbitrary<Reachable> =>
	fc
		.tuple(fc.constantFrom(...specs), fc.array(fc.nat(1000), {minLength: minMoves, maxLength: maxMoves}))
		.map(([spec, picks]) => walk(spec, picks));

/** What a configuration is, ages and the step aside. */
export function withoutAges(c: Configuration): unknown {
	return {
		nodes: c.nodes,
		pool: c.pool.map(e => e.message).sort((a, b) => a.to - b.to || a.from - b.from || a.slot - b.slot || a.value - b.value),
		sent: c.sent,
	};
}
