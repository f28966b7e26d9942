import type {Bit, Slot} from './types.js';

/** Protocol parameters a level or the command line can set. */
export interface ProtocolParams {
	/** Rounds of ben-or (ignored by protocols without rounds). */
	readonly rounds?: number;
}

/**
 * The mutable working copy of one node's state that a protocol step reads and changes.
 * The engine makes it from the immutable node state, runs the step, and freezes the result.
 */
export interface NodeWork {
	readonly n: number;
	readonly f: number;
	/** This node's number, 1..n. */
	readonly self: number;
	/** The input the node acts on (1 - v for a node corrupted as `lie`). */
	readonly input: Bit;
	/** Protocol-specific local state, small integers. */
	readonly local: number[];
	/** The value of the first message recorded from `from` in `slot`, or -1. */
	get(from: number, slot: number): number;
	/** Record own value in the slot and send it to every other node. */
	broadcast(slot: number, value: number): void;
	/** Write the output, unless one is written already. */
	decide(value: Bit): void;
	readonly output: Bit | null;
}

/**
 * A protocol bound to n, f and its parameters. All functions are pure in their arguments:
 * no clocks, no randomness, nothing outside the node's own work copy.
 */
export interface ProtocolInstance {
	readonly id: string;
	readonly n: number;
	readonly f: number;
	readonly params: Required<ProtocolParams>;
	readonly slots: readonly Slot[];
	/** The local state of a node that has not started. */
	readonly initialLocal: readonly number[];
	/** The node's start action (run on its first delivery). */
	start(node: NodeWork): void;
	/**
	 * A message the node acts on: the engine has already recorded it (it is the first from
	 * `from` in `slot`).
	 */
	receive(node: NodeWork, from: number, slot: number, value: number): void;
	/** A one-line summary of a node's local state for people to read. */
	summary(node: Readonly<NodeView>): string;
	/**
	 * Whether the node is done with a slot for good: it will never again read what it recorded
	 * there, and a message in that slot can change nothing but that record. Must stay true once
	 * true. The analysis treats messages in closed slots as inert and leaves the slot out of its
	 * key (dead-state reduction); it never changes how the game itself plays.
	 */
	closed(node: Readonly<NodeView>, slot: number): boolean;
	/**
	 * Declares that arrival order does not matter at a node: whenever two moves on the same node
	 * (deliveries or injections) can each still be taken after the other, both orders leave the
	 * same state. It holds when a node acts on the set of values it has recorded, and closes a
	 * slot (`closed`) once later values there could no longer change what it did. The analysis
	 * then treats every two moves as commuting when both orders are possible, and reads more
	 * successors through the memo's links. A property test checks it for every built-in protocol.
	 */
	readonly orderFree?: boolean;
	/**
	 * Declares that a node's steps do not depend on who sent what: `receive` ignores `from`, and
	 * `start`, `receive` and `closed` read a slot's records only as how many of each value it holds.
	 * The analysis may then key states by those counts (rule 10 of docs/engine.md): a node's
	 * records and the messages pending to it from honest senders are kept as one sorted list per
	 * slot. Built-in protocols only (a module's declaration is not taken).
	 */
	readonly senderBlind?: boolean;
	/**
	 * Declares that a node reads its slots one at a time, in the order the slots are declared
	 * (rule 12 of docs/engine.md). `reading(local)` is the slot a started node waits on (-1 when
	 * it waits on none). A delivery in that slot that brings the node's records there (its own
	 * included) to `quorum` makes the node act on every record of the slot; it then moves on to
	 * the next slot and acts there at once if its records there (its own included) reach
	 * `quorum` too. Any other delivery only records its value: the local state, the closed slots
	 * and the pool stay as they are. The analysis then lets a stubborn set leave out the nodes
	 * that can send only to slots a node will not read yet. Built-in protocols only.
	 */
	readonly phases?: {reading(local: readonly number[]): number; readonly quorum: number};
	/**
	 * Indices of `local` that carry nothing from one step to the next: a step that reads one has
	 * written it first, and `closed`, `phases.reading` and `role` never read them (only `summary`
	 * may). The analysis blanks them after every step, as it blanks closed slots (rule 4 of
	 * docs/engine.md), so states that differ only there are one. Built-in protocols only.
	 */
	readonly scratch?: readonly number[];
	/**
	 * Declares that a node reads its input only in its start action: `receive` and `closed` never
	 * read `node.input`. Once started, nodes of one role are then interchangeable whatever their
	 * inputs, and the analysis renumbers them together where validity cannot be broken (rule 5
	 * of docs/engine.md). Built-in protocols only (a module's declaration is not taken).
	 */
	readonly inputOnlyAtStart?: boolean;
	/**
	 * Opt in to the symmetry reduction: nodes with the same role and the same input are
	 * interchangeable, renumbering them changing nothing in what the protocol does. Without it
	 * (or when it returns undefined for some node) the analysis never renumbers nodes.
	 */
	role?(self: number): number | undefined;
}

/** A read-only view of a node for summaries. */
export interface NodeView {
	readonly n: number;
	readonly self: number;
	readonly input: Bit;
	readonly started: boolean;
	readonly local: readonly number[];
	readonly output: Bit | null;
	get(from: number, slot: number): number;
}

/** A protocol as registered: its id, a description, and how to bind it. */
export interface Protocol {
	readonly id: string;
	readonly title: string;
	readonly flaw: string;
	/** Whether the protocol takes the `rounds` parameter. */
	readonly hasRounds: boolean;
	instantiate(n: number, f: number, params: ProtocolParams): ProtocolInstance;
}

/**
 * A protocol from a module misbehaved (threw, sent a value its slot does not carry, is not
 * deterministic, ...): the message is one line naming the protocol, node and move, for the user,
 * without a stack. The engine's callers report it; built-in protocols never raise it.
 */
export class ProtocolFault extends Error {
	override readonly name = 'ProtocolFault';
}
