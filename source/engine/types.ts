/**
 * The vocabulary of the model (docs/model.md). Nodes are numbered 1..n everywhere;
 * slots and values are indices into the protocol's declared slots and each slot's domain.
 */

export type Bit = 0 | 1;

/** How a corrupt node misbehaves. The order here is the order corruptions are listed in. */
export const BEHAVIOURS = ['crash', 'lie', 'byzantine'] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

/** A slot a protocol declares: what a message is for, and the values it may carry. */
export interface Slot {
	readonly name: string;
	readonly values: readonly string[];
}

/**
 * A pending or delivered message. A start message (the seed's (r, ⊥)) has `from = 0`,
 * `slot = -1` and `value = -1`.
 */
export interface Message {
	readonly to: number;
	readonly from: number;
	readonly slot: number;
	readonly value: number;
}

export const isStart = (m: Message): boolean => m.from === 0;

/** The same message: recipient, sender, slot and value. */
export const sameMessage = (a: Message, b: Message): boolean =>
	a.to === b.to && a.from === b.from && a.slot === b.slot && a.value === b.value;

export const startMessage = (to: number): Message => ({to, from: 0, slot: -1, value: -1});

/** A move of the adversary (the player). */
export type Move =
	| {readonly kind: 'deliver'; readonly message: Message}
	| {readonly kind: 'corrupt'; readonly node: number; readonly behaviour: Behaviour}
	| {readonly kind: 'send'; readonly message: Message};

/** Outcomes of a quiescent configuration, in their fixed order. */
export const OUTCOMES = ['zero', 'one', 'split', 'stuck', 'invalid'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The labels of a configuration (docs/model.md, "Labels and flags"). */
export const LABELS = ['0', '1', 'ambiguous', 'none'] as const;
export type Label = (typeof LABELS)[number];

/**
 * What went wrong, as a failure's code: every code the program uses, so a misspelt one is a
 * type error. The message says it to the user; the code is for a caller that acts on the kind.
 */
export type FailureCode =
	// The command line: a command that does not exist (cli-flags.ts), a flag missing, unknown or
	// out of range (cli-flags.ts, commands/).
	| 'bad-command'
	| 'bad-flag'
	// A game's setup (engine/game.ts, protocols/registry.ts).
	| 'bad-allow'
	| 'bad-f'
	| 'bad-inputs'
	| 'bad-nodes'
	| 'bad-protocol'
	| 'bad-rounds'
	// A move, as written (engine/notation.ts) and as played (engine/moves.ts, engine/diamond.ts).
	| 'bad-behaviour'
	| 'bad-node'
	| 'bad-notation'
	| 'bad-slot'
	| 'bad-value'
	| 'illegal-corrupt'
	| 'illegal-send'
	| 'not-pending'
	| 'protocol-fault'
	| 'same-message'
	// A protocol module (protocols/).
	| 'bad-module'
	| 'bad-shape'
	| 'untrusted'
	// Files read and written (files/, scenario/, challenge/).
	| 'invalid'
	| 'no-instance'
	| 'no-path'
	| 'unreadable'
	| 'write-failed'
	// A challenge's result file, rejected (challenge/result.ts, commands/results.ts).
	| 'bad-result'
	| 'unchecked';

/** An expected failure: a value with a code and a readable message, never an exception. */
export interface Failure {
	readonly ok: false;
	readonly code: FailureCode;
	readonly message: string;
}

/**
 * A failure whose message puts its cause after what it is about (`PATH: cannot read it (CAUSE)`):
 * `reason` is the cause alone, for a caller that names the subject its own way (no caller cuts
 * it out of the message).
 */
export interface Explained extends Failure {
	readonly reason: string;
}

export interface Success<T> {
	readonly ok: true;
	readonly value: T;
}

/** A value, or why there is none. `F` narrows the failure (e.g. to `Explained`). */
export type Result<T, F extends Failure = Failure> = Success<T> | F;

export const ok = <T>(value: T): Success<T> => ({ok: true, value});
export const fail = (code: FailureCode, message: string): Failure => ({ok: false, code, message});
export const explained = (code: FailureCode, message: string, reason: string): Explained => ({ok: false, code, message, reason});
