/** Building a game's setup from what a person types: validated once, every problem named. */
import {type Configuration, type Setup, initialConfiguration, makeSetup} from './configuration.js';
import {type Protocol, ProtocolFault} from './protocol.js';
import {BEHAVIOURS, type Behaviour, type Bit, type Result, fail, ok} from './types.js';

export interface GameSpec {
	readonly protocol: string;
	readonly n: number;
	/** A bit string like "011": node i's input is the i-th character. */
	readonly inputs: string;
	readonly f?: number;
	/** Allowed behaviours; an empty list means none. */
	readonly allow?: readonly string[];
	readonly rounds?: number;
}

export const MIN_NODES = 2;
export const MAX_NODES = 6;
export const MAX_ROUNDS = 5;

/** Parse "none" or a comma list like "crash,lie". */
export function parseAllow(text: string): Result<Behaviour[]> {
	const t = text.trim();
	if (t === 'none' || t === '') return ok([]);
	const parts = t.split(',').map(s => s.trim());
	const bad = parts.filter(p => !(BEHAVIOURS as readonly string[]).includes(p));
	if (bad.length > 0) {
		return fail('bad-allow', `unknown behaviour "${bad[0]}" in --allow (use none, or a list of crash, lie, byzantine)`);
	}

	return ok(parts as Behaviour[]);
}

/**
 * How a game finds its protocol by name, or says why there is none. The engine imports no
 * protocol: its callers pass the registry's (`lookUpProtocol` in protocols/registry.ts).
 */
export type ProtocolLookup = (id: string) => Result<Protocol>;

export function createSetup(spec: GameSpec, lookUp: ProtocolLookup): Result<Setup> {
	const found = lookUp(spec.protocol);
	if (!found.ok) return found;
	const protocol = found.value;

	const {n} = spec;
	if (!Number.isInteger(n) || n < MIN_NODES || n > MAX_NODES) {
		return fail('bad-nodes', `n must be a whole number from ${MIN_NODES} to ${MAX_NODES}, not ${n}`);
	}

	if (!/^[01]+$/.test(spec.inputs)) return fail('bad-inputs', `inputs must be a string of 0s and 1s, not "${spec.inputs}"`);
	if (spec.inputs.length !== n) {
		return fail('bad-inputs', `inputs "${spec.inputs}" has ${spec.inputs.length} bits but n = ${n}`);
	}

	const f = spec.f ?? 1;
	if (!Number.isInteger(f) || f < 0 || f >= n) return fail('bad-f', `f must be a whole number from 0 to ${n - 1}, not ${f}`);
	const rounds = spec.rounds ?? 1;
	if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS) {
		return fail('bad-rounds', `rounds must be a whole number from 1 to ${MAX_ROUNDS}, not ${rounds}`);
	}

	const allow: Behaviour[] = [];
	for (const b of spec.allow ?? ['byzantine']) {
		if (!(BEHAVIOURS as readonly string[]).includes(b)) {
			return fail('bad-allow', `unknown behaviour "${b}" (use crash, lie or byzantine)`);
		}

		allow.push(b as Behaviour);
	}

	const inputs = [...spec.inputs].map(ch => (ch === '1' ? 1 : 0) as Bit);
	let instance;
	try {
		instance = protocol.instantiate(n, f, {rounds});
	} catch (error) {
		if (error instanceof ProtocolFault) return fail('bad-protocol', error.message);
		throw error;
	}

	return ok(makeSetup({protocol: instance, inputs, allowed: allow, ...(protocol.hasRounds ? {rounds} : {})}));
}

/** The inputs X_i of Lemma 1: the first i nodes hold 1, the rest 0. */
export const lemmaInputs = (n: number, i: number): string => '1'.repeat(i) + '0'.repeat(n - i);

export const inputsOf = (setup: Setup): string => setup.inputs.join('');

/** The allowed behaviours as people read them, or "none" when no corruption is possible. */
export const allowedText = (setup: Setup): string => (setup.f === 0 || setup.allowed.length === 0 ? 'none' : setup.allowed.join(', '));

/** What a one-line facts header can show; rounds and inputs only when given. */
export interface Facts {
	readonly protocol: string;
	readonly n: number;
	readonly f: number;
	readonly rounds?: number | undefined;
	readonly inputs?: string | undefined;
	/** The allowed behaviours as people read them (`allowedText`). */
	readonly allow: string;
}

export interface FactsLayout {
	/** Where rounds go: after f as "rounds=2" (the default), or after the protocol as "r=2" (the watch headers). */
	readonly rounds?: 'after-f' | 'after-protocol';
	/** Between the parts: two spaces (the default), or " · " (the SVG and markdown exports). */
	readonly separator?: string;
}

/**
 * A game's facts on one line, as every header shows them: "quorum  n=3 f=1  inputs 011  allow:
 * crash"; rounds and inputs only when given.
 */
export function factsLine(facts: Facts, {rounds = 'after-f', separator = '  '}: FactsLayout = {}): string {
	const hasRounds = facts.rounds !== undefined;
	return [
		hasRounds && rounds === 'after-protocol' ? `${facts.protocol} r=${facts.rounds}` : facts.protocol,
		`n=${facts.n} f=${facts.f}`,
		...(hasRounds && rounds === 'after-f' ? [`rounds=${facts.rounds}`] : []),
		...(facts.inputs === undefined ? [] : [`inputs ${facts.inputs}`]),
		`allow: ${facts.allow}`,
	].join(separator);
}

/** A setup's facts: its protocol, n, f, rounds (for a protocol that takes them), inputs, and allowed behaviours. */
export const setupFacts = (setup: Setup): Facts => ({
	protocol: setup.protocol.id,
	n: setup.n,
	f: setup.f,
	rounds: setup.rounds,
	inputs: inputsOf(setup),
	allow: allowedText(setup),
});

/** A game's facts line, all of them: "quorum  n=3 f=1  inputs 011  allow: crash". */
export const gameFacts = (setup: Setup): string => factsLine(setupFacts(setup));

export function newGame(spec: GameSpec, lookUp: ProtocolLookup): Result<Configuration> {
	const setup = createSetup(spec, lookUp);
	return setup.ok ? ok(initialConfiguration(setup.value)) : setup;
}
