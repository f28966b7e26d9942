/**
 * A game in progress: a reducer over moves, with undo/redo and the target message.
 * Pure data; the UI and the file code are its consumers.
 */
import {type Configuration, type PoolEntry, initialConfiguration} from './configuration.js';
import {type GameSpec, type ProtocolLookup, createSetup} from './game.js';
import {applyMove, applyMovesTrail} from './moves.js';
import {type Message, type Move, type Result, ok, sameMessage} from './types.js';

export interface Session {
	readonly spec: Required<Pick<GameSpec, 'protocol' | 'n' | 'inputs' | 'f' | 'rounds'>> & {readonly allow: readonly string[]};
	/** configs[k] is the configuration after k moves; configs[0] is the initial one. */
	readonly configs: readonly Configuration[];
	readonly moves: readonly Move[];
	/** Moves taken back by undo, the most recent last: redo replays them. */
	readonly undone: readonly Move[];
	/** The target the player set, or null for the default: the oldest pending message. */
	readonly target: Message | null;
}

export function newSession(spec: GameSpec, lookUp: ProtocolLookup): Result<Session> {
	const setup = createSetup(spec, lookUp);
	if (!setup.ok) return setup;
	const full = {
		protocol: spec.protocol,
		n: spec.n,
		inputs: spec.inputs,
		f: spec.f ?? 1,
		rounds: spec.rounds ?? 1,
		allow: [...(spec.allow ?? ['byzantine'])],
	};
	return ok({spec: full, configs: [initialConfiguration(setup.value)], moves: [], undone: [], target: null});
}

export const current = (s: Session): Configuration => s.configs.at(-1)!;

/** The target: the one the player set while it is pending, else the oldest pending message. */
export const targetOf = (s: Session): PoolEntry | undefined => targetIn(current(s), s.target);

/** The target in a configuration: the chosen message while it is pending, else the oldest. */
export function targetIn(c: Configuration, chosen: Message | null): PoolEntry | undefined {
	const entry = chosen ? c.pool.find(e => sameMessage(e.message, chosen)) : undefined;
	return entry ?? c.pool[0];
}

/** The chosen target after a move: none once that move delivers it. */
const targetAfter = (target: Message | null, move: Move): Message | null =>
	target && move.kind === 'deliver' && sameMessage(move.message, target) ? null : target;

/** Play a move: the new session, or the failure that names the move and why. */
export function play(s: Session, move: Move): Result<Session> {
	const next = applyMove(current(s), move);
	if (!next.ok) return next;
	return ok({
		...s,
		configs: [...s.configs, next.value],
		moves: [...s.moves, move],
		undone: [],
		target: targetAfter(s.target, move),
	});
}

/** Play several moves, as `play` one after another; the failure says which move (1-based) failed and why. */
export function playAll(s: Session, moves: readonly Move[]): Result<Session> {
	if (moves.length === 0) return ok(s);
	const trail = applyMovesTrail(current(s), moves);
	if (!trail.ok) return trail;
	return ok({
		...s,
		configs: [...s.configs, ...trail.value],
		moves: [...s.moves, ...moves],
		undone: [],
		target: moves.reduce(targetAfter, s.target),
	});
}

export function undo(s: Session): Session {
	const last = s.moves.at(-1);
	if (!last) return s;
	return {...s, configs: s.configs.slice(0, -1), moves: s.moves.slice(0, -1), undone: [...s.undone, last]};
}

export function redo(s: Session): Session {
	const move = s.undone.at(-1);
	if (!move) return s;
	const next = play({...s, undone: []}, move);
	if (!next.ok) throw new Error(`bug: redo of a move played before failed: ${next.message}`);
	return {...next.value, undone: s.undone.slice(0, -1)};
}

export const setTarget = (s: Session, target: Message | null): Session => ({...s, target});
