/**
 * The package's public interface for protocol authors: `import type {Protocol} from
 * 'flp-adversary'` (or `defineProtocol`, which checks a module's default export against it).
 * The types describe what a module exports; the loader (protocols/module.ts, guard.ts) fills the
 * optional fields with safe defaults and checks every declaration before the analysis uses it.
 * Nothing here runs the game: importing the package loads no screen and no engine.
 */
import type {NodeView, NodeWork, ProtocolInstance, ProtocolParams} from './engine/protocol.js';
import type {Bit, Slot} from './engine/types.js';

export type {Bit, NodeView, NodeWork, ProtocolParams, Slot};

/**
 * What `instantiate(n, f, params)` returns: slots, the initial local state, `start` and
 * `receive`; the rest is optional (no summary: the node's decision; never closed; arrival order
 * matters; no symmetry).
 */
export type Instance = Pick<ProtocolInstance, 'slots' | 'initialLocal' | 'start' | 'receive'> &
	Partial<Pick<ProtocolInstance, 'id' | 'n' | 'f' | 'params' | 'summary' | 'closed' | 'orderFree' | 'role'>>;

/** A protocol module's default export. */
export interface Protocol {
	/** Lower-case letters, digits and dashes: how screens and saved games name it. */
	readonly id: string;
	/** One line for menus (default: the id). */
	readonly title?: string;
	/** What the adversary exploits, in a line (shown in the sandbox). */
	readonly flaw?: string;
	/** Whether it takes the `--rounds` parameter (`params.rounds`). */
	readonly hasRounds?: boolean;
	instantiate(n: number, f: number, params: ProtocolParams): Instance;
}

/** `export default defineProtocol({...})`: the protocol as given, type-checked. */
export const defineProtocol = <P extends Protocol>(protocol: P): P => protocol;
