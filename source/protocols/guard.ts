/**
 * A protocol from a module, made safe to run: its shape checked (one clear line when broken), its
 * optional fields given safe defaults (never closed, arrival order matters, no symmetry), every
 * step guarded (a throw, an out-of-range send or output, local state that does not fit a byte, all
 * reported with the protocol, node and move), and its declarations checked on sampled positions
 * before the analysis relies on them (verify.ts).
 */
import {excerpt} from '../files/escape.js';
import {type NodeView, type NodeWork, type Protocol, type ProtocolInstance, type ProtocolParams, ProtocolFault} from '../engine/protocol.js';
import {type Result, type Slot, fail, ok} from '../engine/types.js';
import {type DeclarationCheck, verifyDeclarations} from './verify.js';


/**
 * Where the step running now is, for a watchdog in another thread (watchdog.ts): word 0 counts
 * step entries and exits (odd while a step runs), then the node, the sender (0 for a start), the
 * slot and the value of the step.
 */
let heartbeat: Int32Array | undefined;
export function shareHeartbeat(words: Int32Array | undefined): void {
	heartbeat = words;
}

/** A step in move notation: `start 2`, or `2<1:vote=0` (node 2 receives node 1's vote 0). */
export const stepName = (slots: readonly Slot[], self: number, from: number, slot: number, value: number): string =>
	from === 0 ? `start ${self}` : `${self}<${from}:${slots[slot]?.name ?? `#${slot}`}=${slots[slot]?.values[value] ?? `#${value}`}`;

const describe = (value: unknown): string => {
	if (value instanceof Error) return `${value.name}: ${value.message.split('\n')[0]}`;
	return String(value).split('\n')[0]!;
};

const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function checkSlots(slots: unknown): string | null {
	if (!Array.isArray(slots)) return 'slots must be a list of {name, values}';
	for (const [k, slot] of slots.entries()) {
		const s = slot as Partial<Slot> | null;
		if (typeof s !== 'object' || s === null || typeof s.name !== 'string' || s.name === '') return `slot #${k} needs a name`;
		if (!/^[A-Za-z0-9_.-]+$/.test(s.name)) return `slot "${s.name}": a name is letters, digits, _ . or -`;
		if (!Array.isArray(s.values) || s.values.length === 0) return `slot ${s.name} has no values`;
		if (s.values.length > 250) return `slot ${s.name} has ${s.values.length} values (250 at most)`;
		for (const v of s.values) if (typeof v !== 'string' || !/^[A-Za-z0-9_.?/+-]{1,12}$/.test(v)) return `slot ${s.name}: value ${JSON.stringify(v)} must be short text (up to 12 letters, digits, _ . ? / + -)`;
		if (new Set(s.values).size !== s.values.length) return `slot ${s.name} names a value twice`;
	}

	if (new Set(slots.map(s => (s as Slot).name)).size !== slots.length) return 'two slots have the same name';
	return null;
}

/** Check the exported protocol and wrap it; a failure is one line saying what is wrong. */
export function guardProtocol(raw: unknown, where: string): Result<Protocol> {
	if (typeof raw !== 'object' || raw === null) return fail('bad-shape', 'the module has no default export that is a protocol (export default {id, title, instantiate})');
	const p = raw as Partial<Protocol> & Record<string, unknown>;
	if (typeof p.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(p.id)) return fail('bad-shape', 'the protocol needs an id: lower-case letters, digits and dashes, like "my-protocol"');
	if (typeof p.instantiate !== 'function') return fail('bad-shape', `protocol ${p.id} has no instantiate(n, f, params) function`);
	for (const name of ['title', 'flaw'] as const) if (p[name] !== undefined && typeof p[name] !== 'string') return fail('bad-shape', `protocol ${p.id}: ${name} must be text`);
	const id = p.id;
	const instantiate = p.instantiate.bind(p);
	const cache = new Map<string, ProtocolInstance>();
	const protocol: Protocol = {
		id,
		// Text from the module is data: one line each, control characters escaped.
		title: p.title === undefined ? id : excerpt(p.title, 80),
		flaw: p.flaw === undefined ? '' : excerpt(p.flaw, 200),
		hasRounds: p.hasRounds === true,
		instantiate(n: number, f: number, params: ProtocolParams): ProtocolInstance {
			const rounds = params.rounds ?? 1;
			const key = `${n}/${f}/${rounds}`;
			const known = cache.get(key);
			if (known) return known;
			const made = guardInstance(id, where, () => instantiate(n, f, {rounds}), n, f, rounds);
			cache.set(key, made);
			return made;
		},
	};
	rawInstantiate.set(protocol, instantiate);
	return ok(protocol);
}

const rawInstantiate = new WeakMap<Protocol, (n: number, f: number, params: ProtocolParams) => ProtocolInstance>();

/**
 * The slots of a module's instance as the module gives them, unchecked: none of its steps run
 * (for naming a step in move notation when the checked instance never came back).
 */
export function slotsOf(protocol: Protocol, n: number, f: number, rounds: number): readonly Slot[] | undefined {
	try {
		const slots = (rawInstantiate.get(protocol) ?? protocol.instantiate)(n, f, {rounds}).slots;
		return checkSlots(slots) === null ? slots : undefined;
	} catch {
		return undefined;
	}
}

/** What the loader found about each instance's declarations (verify.ts), by instance. */
const checks = new WeakMap<ProtocolInstance, DeclarationCheck>();

/** The declaration check of an instance made from a module (undefined for a built-in). */
export const declarationCheck = (instance: ProtocolInstance): DeclarationCheck | undefined => checks.get(instance);

function guardInstance(id: string, file: string, make: () => ProtocolInstance, n: number, f: number, rounds: number): ProtocolInstance {
	const name = `protocol ${id} (${file})`;
	let raw: ProtocolInstance;
	try {
		raw = make();
	} catch (error) {
		throw new ProtocolFault(`${name}: instantiate(${n}, ${f}, {rounds: ${rounds}}) threw ${describe(error)}`);
	}

	const broken = (what: string): ProtocolFault => new ProtocolFault(`${name}: ${what}`);
	if (typeof raw !== 'object' || raw === null) throw broken('instantiate must return an object with slots, initialLocal, start and receive');
	const problem = checkSlots(raw.slots);
	if (problem) throw broken(problem);
	if (typeof raw.start !== 'function') throw broken('the instance has no start(node) function');
	if (typeof raw.receive !== 'function') throw broken('the instance has no receive(node, from, slot, value) function');
	const initial = raw.initialLocal ?? [];
	if (!Array.isArray(initial) || initial.some(v => !isWhole(v) || v < 0 || v > 255)) throw broken('initialLocal must be a list of whole numbers from 0 to 255');
	for (const fn of ['summary', 'closed', 'role'] as const) {
		if (raw[fn] !== undefined && typeof raw[fn] !== 'function') throw broken(`${fn} must be a function`);
	}

	const slots: Slot[] = raw.slots.map(s => ({name: s.name, values: [...s.values]}));
	const locals = initial.length;
	const moveName = (self: number, from: number, slot: number, value: number): string => stepName(slots, self, from, slot, value);

	/** Run one step of the module with a checking work copy. */
	const step = (work: NodeWork, from: number, slot: number, value: number, run: (node: NodeWork) => void): void => {
		const self = work.self;
		const where = (): string => `${name}: node ${self} on ${moveName(self, from, slot, value)}`;
		const guarded: NodeWork = {
			n: work.n,
			f: work.f,
			self,
			input: work.input,
			local: work.local,
			get(sender, s) {
				if (!isWhole(sender) || sender < 1 || sender > n || !isWhole(s) || s < 0 || s >= slots.length) {
					throw new ProtocolFault(`${where()}: get(${String(sender)}, ${String(s)}) is out of range (nodes 1..${n}, slots 0..${slots.length - 1})`);
				}

				return work.get(sender, s);
			},
			broadcast(s, v) {
				const declared = isWhole(s) ? slots[s] : undefined;
				if (!declared) throw new ProtocolFault(`${where()}: broadcast to slot ${String(s)}, but the slots are 0..${slots.length - 1}`);
				if (!isWhole(v) || v < 0 || v >= declared.values.length) {
					throw new ProtocolFault(`${where()}: broadcast value ${String(v)} in slot ${declared.name}, which carries 0..${declared.values.length - 1}`);
				}

				work.broadcast(s, v);
			},
			decide(v) {
				if (v !== 0 && v !== 1) throw new ProtocolFault(`${where()}: decide(${String(v)}): an output is 0 or 1`);
				work.decide(v);
			},
			get output() {
				return work.output;
			},
		};
		if (heartbeat) {
			heartbeat[1] = self;
			heartbeat[2] = from;
			heartbeat[3] = slot;
			heartbeat[4] = value;
			Atomics.add(heartbeat, 0, 1);
		}

		try {
			run(guarded);
		} catch (error) {
			if (error instanceof ProtocolFault) throw error;
			throw new ProtocolFault(`${where()} threw ${describe(error)}`);
		} finally {
			if (heartbeat) Atomics.add(heartbeat, 0, 1);
		}

		const local = work.local;
		if (local.length !== locals) throw new ProtocolFault(`${where()}: local state changed length (${locals} to ${local.length})`);
		for (let j = 0; j < locals; j++) {
			const v = local[j];
			if (!isWhole(v) || v < 0 || v > 255) throw new ProtocolFault(`${where()}: local[${j}] = ${String(v)}; local state holds whole numbers 0 to 255`);
		}
	};

	const rawSummary = raw.summary?.bind(raw);
	const rawClosed = raw.closed?.bind(raw);
	const rawRole = raw.role?.bind(raw);
	const full: ProtocolInstance = {
		id,
		n,
		f,
		params: {rounds},
		slots,
		initialLocal: [...initial],
		start: work => step(work, 0, -1, -1, node => raw.start(node)),
		receive: (work, from, slot, value) => step(work, from, slot, value, node => raw.receive(node, from, slot, value)),
		summary(node: Readonly<NodeView>): string {
			if (!rawSummary) return defaultSummary(node);
			try {
				return String(rawSummary(node)).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').slice(0, 60);
			} catch (error) {
				return `(summary threw ${describe(error)})`.slice(0, 60);
			}
		},
		closed(node, slot) {
			if (!rawClosed) return false;
			try {
				return rawClosed(node, slot) === true;
			} catch (error) {
				throw new ProtocolFault(`${name}: closed(node ${node.self}, slot ${slots[slot]?.name ?? slot}) threw ${describe(error)}`);
			}
		},
		...(raw.orderFree === true ? {orderFree: true} : {}),
		...(rawRole
			? {
					role(self: number) {
						try {
							const r = rawRole(self);
							return isWhole(r) ? r : undefined;
						} catch (error) {
							throw new ProtocolFault(`${name}: role(${self}) threw ${describe(error)}`);
						}
					},
				}
			: {}),
	};

	// Trust but verify: keep only the declarations that held on the sampled positions.
	const check = verifyDeclarations(full, {declaredClosed: rawClosed !== undefined});
	if (check.broken) throw broken(check.broken);
	const instance: ProtocolInstance = {
		...full,
		closed: check.keep.closed ? full.closed : () => false,
		...(check.keep.orderFree ? {} : {orderFree: undefined}),
		...(check.keep.role ? {} : {role: undefined}),
	};
	checks.set(instance, check);
	return instance;
}

/** What a node shows when its protocol has no summary: its local state and output. */
function defaultSummary(node: Readonly<NodeView>): string {
	if (!node.started) return 'not started';
	const local = node.local.length > 0 ? `local ${node.local.join(' ')}` : 'started';
	return node.output === null ? local : `${local}, said ${node.output}`;
}
