/**
 * The play screen's state in one reducer: the session (moves, undo, target), the cursor in the
 * pool, the mode (the board, or which overlay is open) and the notice under the board. Pure:
 * every key the board takes becomes an action here, and tests drive it without a terminal.
 */
import {corruptCount} from '../engine/configuration.js';
import {legalCorruptions} from '../engine/moves.js';
import {formatMessage} from '../engine/notation.js';
import {type Session, current, play, playAll, redo, setTarget, undo} from '../engine/session.js';
import type {Move, Outcome} from '../engine/types.js';

/** What fills the board's place: the board itself, or an overlay. */
export type Mode =
	| {readonly kind: 'board'}
	| {readonly kind: 'corrupt'}
	| {readonly kind: 'send'}
	| {readonly kind: 'witnesses'}
	| {readonly kind: 'step'; readonly outcome: Outcome; readonly run: readonly Move[]; readonly k: number}
	/** Save the game, or (`witness`) the game followed by a witness run's first k moves. */
	| {readonly kind: 'save'; readonly suggestion: string; readonly witness?: {readonly run: readonly Move[]; readonly k: number}}
	/** The space-time diagram of the run on screen, full-screen; Esc goes back to `back`. */
	| {readonly kind: 'diagram'; readonly back: Mode}
	| {readonly kind: 'keys'};

export interface PlayState {
	readonly session: Session;
	/** The picked pool row. */
	readonly cursor: number;
	readonly mode: Mode;
	/** The sentence under the board, until the next change (else the position's explanation). */
	readonly notice?: string;
	/** Whether the preview column shows. */
	readonly hints: boolean;
	/** Where the player's part of the run starts (after a level's setup): undo stops there. */
	readonly start: number;
}

export type PlayAction =
	/** Play moves (a delivery, a corruption, a byzantine send, a witness run), back on the board. */
	| {readonly type: 'play'; readonly moves: readonly Move[]}
	/** Deliver the message under the cursor. */
	| {readonly type: 'deliver'}
	| {readonly type: 'cursor'; readonly by: number}
	/** The message under the cursor becomes the target; or the target goes back to the oldest. */
	| {readonly type: 'target'}
	| {readonly type: 'oldest'}
	| {readonly type: 'undo'}
	| {readonly type: 'redo'}
	| {readonly type: 'corrupt'}
	| {readonly type: 'send'}
	| {readonly type: 'hints'}
	/** Open an overlay (or go back to the board), with a notice or none. */
	| {readonly type: 'mode'; readonly mode: Mode; readonly notice?: string}
	| {readonly type: 'notice'; readonly notice: string | undefined};

export const initialPlayState = (session: Session, start = 0, hints = true, notice?: string): PlayState => ({
	session,
	cursor: 0,
	mode: {kind: 'board'},
	hints,
	start,
	...(notice ? {notice} : {}),
});

const BOARD: Mode = {kind: 'board'};

/** A new session: the cursor kept in the pool, the notice given (or none), back on the board. */
function moved(state: PlayState, session: Session, notice?: string): PlayState {
	const last = Math.max(0, current(session).pool.length - 1);
	return {...state, session, cursor: Math.min(state.cursor, last), mode: BOARD, notice};
}

export function playReducer(state: PlayState, action: PlayAction): PlayState {
	const {session, cursor} = state;
	const c = current(session);
	switch (action.type) {
		case 'play': {
			const next = playAll(session, action.moves);
			return next.ok ? moved(state, next.value) : {...state, mode: BOARD, notice: next.message};
		}

		case 'deliver': {
			const entry = c.pool[cursor];
			if (!entry) return {...state, notice: 'The pool is empty: nothing to deliver.'};
			const next = play(session, {kind: 'deliver', message: entry.message});
			return next.ok ? moved(state, next.value) : {...state, notice: next.message};
		}

		case 'cursor':
			return {...state, cursor: Math.max(0, Math.min(c.pool.length - 1, cursor + action.by))};
		case 'target': {
			const entry = c.pool[cursor];
			return entry ? moved(state, setTarget(session, entry.message), `Target set: ${formatMessage(c.setup, entry.message)}.`) : state;
		}

		case 'oldest':
			return moved(state, setTarget(session, null), 'Target back to the default: the oldest pending message.');
		case 'undo':
			return session.moves.length > state.start ? moved(state, undo(session)) : {...state, notice: 'Nothing to undo.'};
		case 'redo':
			return session.undone.length > 0 ? moved(state, redo(session)) : {...state, notice: 'Nothing to redo.'};
		case 'corrupt': {
			if (legalCorruptions(c).length > 0) return {...state, mode: {kind: 'corrupt'}};
			const {f, allowed} = c.setup;
			const notice =
				f === 0 || allowed.length === 0 ? 'This game allows no corruption.' : `No corruption is possible now: ${corruptCount(c)} of f = ${f} nodes are corrupt.`;
			return {...state, notice};
		}

		case 'send': {
			if (c.nodes.some(node => node.corrupt === 'byzantine')) return {...state, mode: {kind: 'send'}};
			const notice = c.setup.allowed.includes('byzantine')
				? 'No node is byzantine yet: corrupt one as byzantine first ([c]).'
				: 'This game allows no byzantine node.';
			return {...state, notice};
		}

		case 'hints':
			return {...state, hints: !state.hints};
		case 'mode':
			return {...state, mode: action.mode, notice: action.notice};
		case 'notice':
			return {...state, notice: action.notice};
	}
}
