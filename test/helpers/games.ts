import type {Configuration} from '../../source/engine/configuration.js';
import {type GameSpec, newGame} from '../../source/engine/game.js';
import {applyMoves} from '../../source/engine/moves.js';
import {parseMoves} from '../../source/engine/notation.js';
import {lookUpProtocol} from '../../source/protocols/registry.js';

/** A game from a spec, with moves in notation applied; throws on any problem (tests only). */
export function game(spec: GameSpec, moves = ''): Configuration {
	const start = newGame(spec, lookUpProtocol);
	if (!start.ok) throw new Error(start.message);
	const parsed = parseMoves(start.value.setup, moves);
	if (!parsed.ok) throw new Error(parsed.message);
	const applied = applyMoves(start.value, parsed.value);
	if (!applied.ok) throw new Error(applied.message);
	return applied.value;
}
