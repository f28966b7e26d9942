import fc from 'fast-check';
import {expect} from 'vitest';
import {Analyzer} from '../../source/engine/analysis.js';
import type {GameSpec} from '../../source/engine/game.js';
import {applyLegal, legalMoves} from '../../source/engine/moves.js';
import {game} from './games.js';

type Settings = ConstructorParameters<typeof Analyzer>[0];

/**
 * Random runs of the games (up to `length` moves): at every position, and at each of its
 * successors, one analyzer kept for the whole run (with `kept` settings) must give the R that a
 * fresh analyzer with `reference` settings gives.
 */
export function keptAgreesAlongRuns(specs: readonly GameSpec[], kept: Settings, reference: Settings, runs: fc.Parameters<unknown>, length = 12): void {
	fc.assert(
		fc.property(fc.constantFrom(...specs), fc.array(fc.nat(1000), {minLength: 2, maxLength: length}), (spec, picks) => {
			const analyzer = new Analyzer(kept);
			let config = game(spec);
			for (const pick of picks) {
				const options = legalMoves(config);
				for (const c of [config, ...options.map(move => applyLegal(config, move))]) {
					expect(analyzer.analyze(c, {witnesses: false}).mask).toBe(new Analyzer(reference).analyze(c, {witnesses: false}).mask);
				}

				if (options.length === 0) break;
				config = applyLegal(config, options[pick % options.length]!);
			}
		}),
		runs,
	);
}
