/**
 * `flp attack PROTOCOL --nodes N`: the FLP theorem as a tool. For every input vector (one per
 * class of vectors the protocol's declared symmetry makes equivalent), which of agreement,
 * validity and termination the adversary can break, each with a shortest breaking run (fewest
 * moves, found breadth first over the game's own graph), and which hold on every run.
 *
 * The analysis (analysis.ts) decides which bad outcomes are reachable at all, exactly; the
 * breadth-first search then looks only for those, so a property that holds never costs a search
 * of the whole game graph, and one that breaks gets a run no shorter run can beat.
 */
import {Analyzer} from '../engine/analysis.js';
import {type Configuration, initialConfiguration, nodeView} from '../engine/configuration.js';
import {allowedText, createSetup, factsLine, parseAllow} from '../engine/game.js';
import {applyLegal, legalCorruptions, legalSends} from '../engine/moves.js';
import {flushInert, isInert} from '../engine/reduce.js';
import {formatMoves} from '../engine/notation.js';
import {INVALID, type OutcomeMask, SPLIT, STUCK, evaluate, maskOf} from '../engine/outcomes.js';
import {ProtocolFault} from '../engine/protocol.js';
import type {Move} from '../engine/types.js';
import {declarationCheck} from '../protocols/guard.js';
import {lookUpProtocol} from '../protocols/registry.js';
import {protocolFlag} from './modules.js';
import {type CommandResult, printed, usageError} from './result.js';

export interface AttackOptions {
	readonly protocol?: string;
	readonly nodes?: number;
	readonly f?: number;
	readonly allow?: string;
	readonly rounds?: number;
	readonly json?: boolean;
	readonly budgetStates?: number;
	readonly budgetMs?: number;
}

export const PROPERTIES = ['agreement', 'validity', 'termination'] as const;
export type Property = (typeof PROPERTIES)[number];
/** The outcome that breaks each property. */
const BREAKS: Record<Property, OutcomeMask> = {agreement: SPLIT, validity: INVALID, termination: STUCK};

export interface PropertyVerdict {
	/** broken: a run breaks it; holds: no run does (the search was complete); unknown: the budget ran out first. */
	readonly verdict: 'broken' | 'holds' | 'unknown';
	/** A breaking run in move notation, from the initial configuration. */
	readonly run?: readonly string[];
	/** Whether `run` is a shortest one (false when the budget ran out before the breadth-first search found one). */
	readonly shortest?: boolean;
}

export interface VectorReport {
	readonly inputs: string;
	/** The other vectors the declared symmetry makes equivalent to this one. */
	readonly also: readonly string[];
	readonly agreement: PropertyVerdict;
	readonly validity: PropertyVerdict;
	readonly termination: PropertyVerdict;
	readonly complete: boolean;
	readonly states: number;
}

export interface AttackReport {
	readonly protocol: string;
	readonly n: number;
	readonly f: number;
	readonly rounds: number;
	readonly allow: string;
	readonly vectors: readonly VectorReport[];
	readonly complete: boolean;
	readonly notes: readonly string[];
	readonly ms: number;
}

/** The default budgets of one attack (all vectors together). */
export const ATTACK_BUDGET_MS = 120_000;
export const ATTACK_BUDGET_STATES = 3_000_000;

/** Input vectors, grouped by the classes of nodes the declared roles make interchangeable. */
export function vectorClasses(n: number, role: ((self: number) => number | undefined) | undefined): {inputs: string; also: string[]}[] {
	const all: string[] = [];
	for (let bits = 0; bits < 1 << n; bits++) all.push(bits.toString(2).padStart(n, '0'));
	const roles = Array.from({length: n}, (_, i) => role?.(i + 1));
	const symmetric = role !== undefined && roles.every(r => r !== undefined);
	// A vector's canonical form: within each role, its bits sorted (the smallest arrangement).
	const canonical = (v: string): string => {
		if (!symmetric) return v;
		const out = [...v];
		for (const r of new Set(roles)) {
			const places = roles.flatMap((x, i) => (x === r ? [i] : []));
			const bits = places.map(i => v[i]!).sort();
			places.forEach((place, k) => (out[place] = bits[k]!));
		}

		return out.join('');
	};

	const classes = new Map<string, string[]>();
	for (const v of all) {
		const key = canonical(v);
		classes.set(key, [...(classes.get(key) ?? []), v]);
	}

	return [...classes.entries()].map(([inputs, members]) => ({inputs, also: members.filter(v => v !== inputs)}));
}

interface Search {
	readonly runs: Map<OutcomeMask, Move[]>;
	readonly complete: boolean;
	readonly states: number;
}

/**
 * A state's key for the search: what can still matter. Inert pending messages are left out (they
 * change nothing whenever they are delivered, so a run delivers them last), and so are records in
 * closed slots and the state of crashed and byzantine nodes (the engine's dead-state reduction:
 * docs/engine.md says why they cannot matter).
 */
function searchKey(c: Configuration): string {
	const slots = c.setup.protocol.slots.length;
	const parts: string[] = [];
	for (let i = 1; i <= c.setup.n; i++) {
		const node = c.nodes[i - 1]!;
		if (node.corrupt === 'crash' || node.corrupt === 'byzantine') {
			parts.push(node.corrupt);
			continue;
		}

		let received = node.received;
		if (node.started) {
			const view = nodeView(c, i);
			const closed = Array.from({length: slots}, (_, s) => c.setup.protocol.closed(view, s));
			if (closed.some(Boolean)) received = received.map((v, r) => (closed[r % slots] ? -2 : v));
		}

		parts.push(`${node.corrupt ?? ''}${node.started ? 's' : ''}${node.output ?? '-'}${node.local.join(',')}/${received.join(',')}`);
	}

	const live = c.pool.filter(e => !isInert(c, e.message)).map(e => e.id);
	return `${parts.join('|')}|${live.sort((a, b) => a - b).join(',')}|${c.sent.join(',')}`;
}

/**
 * Fewest moves from `start` to a quiescent configuration with each wanted outcome. A run's length
 * is its corruptions and sends plus every message that entered the pool (each is delivered once
 * before the pool is empty), so each edge weighs the moves it commits the run to: a corruption 1,
 * a send 2 (itself and its delivery), a delivery the messages it adds. Cheapest first (a queue of
 * buckets by cost), inert deliveries left to the end of the run.
 */
export function shortestRuns(start: Configuration, wanted: OutcomeMask, stop: () => boolean, maxStates: number): Search {
	const runs = new Map<OutcomeMask, Move[]>();
	let left = wanted;
	const parent: number[] = [-1];
	const via: (Move | null)[] = [null];
	const best = new Map<string, number>([[searchKey(start), start.pool.length]]);
	const buckets: {config: Configuration; index: number}[][] = [];
	buckets[start.pool.length] = [{config: start, index: 0}];
	const path = (index: number): Move[] => {
		const moves: Move[] = [];
		for (let i = index; i > 0; i = parent[i]!) moves.push(via[i]!);
		return moves.reverse();
	};

	let processed = 0;
	for (let cost = 0; cost < buckets.length && left !== 0; cost++) {
		const bucket = buckets[cost];
		if (!bucket) continue;
		for (let k = 0; k < bucket.length && left !== 0; k++) {
			const {config, index} = bucket[k]!;
			const key = searchKey(config);
			if (best.get(key)! < cost) continue; // reached more cheaply since
			const live = config.pool.filter(e => !isInert(config, e.message));
			if (live.length === 0) {
				const found = evaluate(config) & left;
				for (const o of [SPLIT, INVALID, STUCK]) {
					if ((found & o) === 0) continue;
					runs.set(o, [...path(index), ...flushInert(config)]);
					left &= ~o;
				}
			}

			const moves: Move[] = [...live.map(e => ({kind: 'deliver', message: e.message}) as Move), ...legalCorruptions(config), ...legalSends(config)];
			for (const move of moves) {
				const after = applyLegal(config, move);
				const weight = move.kind === 'corrupt' ? 1 : move.kind === 'send' ? 2 : after.pool.length - config.pool.length + 1;
				const next = cost + weight;
				const afterKey = searchKey(after);
				const known = best.get(afterKey);
				if (known !== undefined && known <= next) continue;
				best.set(afterKey, next);
				parent.push(index);
				via.push(move);
				(buckets[next] ??= []).push({config: after, index: parent.length - 1});
			}

			if (best.size > maxStates || (++processed % 256 === 0 && stop())) return {runs, complete: false, states: best.size};
		}

		buckets[cost] = [];
	}

	return {runs, complete: true, states: best.size};
}

export async function runAttackCommand(args: readonly string[], options: AttackOptions, now: () => number): Promise<CommandResult> {
	if (args.length > 1) return usageError(`attack takes one protocol (got "${args[1]}")`);
	if (args.length === 1 && options.protocol !== undefined) return usageError('attack: name the protocol once (an argument or --protocol)');
	const named = await protocolFlag(args[0] ?? options.protocol, options);
	if (!named.ok) return usageError(named.message);
	return runAttack({...options, protocol: named.value}, now);
}

function runAttack(options: AttackOptions, now: () => number): CommandResult {
	if (!options.protocol) return usageError('attack needs a protocol: flp attack PROTOCOL --nodes N (a built-in id or a module path)');
	if (options.nodes === undefined) return usageError('missing --nodes (the number of nodes, 2 to 6)');
	for (const [name, value, min] of [
		['budget-states', options.budgetStates, 1],
		['budget-ms', options.budgetMs, 1],
	] as const) {
		if (value !== undefined && (!Number.isInteger(value) || value < min)) return usageError(`--${name} must be a whole number ≥ ${min}`);
	}

	const allow = parseAllow(options.allow ?? 'crash');
	if (!allow.ok) return usageError(allow.message);
	const spec = {protocol: options.protocol, n: options.nodes, f: options.f, allow: allow.value, rounds: options.rounds};
	const first = createSetup({...spec, inputs: '0'.repeat(Math.max(0, Math.min(options.nodes, 6)))}, lookUpProtocol);
	if (!first.ok) return usageError(first.message);
	const instance = first.value.protocol;
	const started = now();
	const deadline = started + (options.budgetMs ?? ATTACK_BUDGET_MS);
	const stop = (): boolean => now() > deadline;
	let statesLeft = options.budgetStates ?? ATTACK_BUDGET_STATES;
	const vectors: VectorReport[] = [];
	try {
		for (const {inputs, also} of vectorClasses(instance.n, instance.role?.bind(instance))) {
			const setup = createSetup({...spec, inputs}, lookUpProtocol);
			if (!setup.ok) return usageError(setup.message);
			const start = initialConfiguration(setup.value);
			const analysis = new Analyzer().analyze(start, {shouldStop: stop, maxStates: Math.max(1, statesLeft)});
			const reachable = maskOf(analysis.outcomes);
			const wanted = (SPLIT | INVALID | STUCK) & (analysis.complete ? reachable : ~0);
			const search = shortestRuns(start, wanted, stop, Math.max(1, statesLeft - analysis.states));
			statesLeft -= analysis.states + search.states;
			const verdict = (property: Property): PropertyVerdict => {
				const o = BREAKS[property];
				const run = search.runs.get(o);
				if (run) return {verdict: 'broken', run: formatMoves(setup.value, run), shortest: true};
				const witness = analysis.witnesses[property === 'agreement' ? 'split' : property === 'validity' ? 'invalid' : 'stuck'];
				if ((reachable & o) !== 0 && witness) return {verdict: 'broken', run: formatMoves(setup.value, witness), shortest: false};
				return {verdict: analysis.complete && (reachable & o) === 0 ? 'holds' : 'unknown'};
			};
			const report = {
				inputs,
				also,
				agreement: verdict('agreement'),
				validity: verdict('validity'),
				termination: verdict('termination'),
				states: analysis.states + search.states,
			};
			const complete = PROPERTIES.every(p => report[p].verdict === 'holds' || (report[p].verdict === 'broken' && report[p].shortest === true));
			vectors.push({...report, complete});
		}
	} catch (error) {
		if (error instanceof ProtocolFault) return usageError(error.message);
		throw error;
	}

	const report: AttackReport = {
		protocol: instance.id,
		n: instance.n,
		f: instance.f,
		rounds: instance.params.rounds,
		allow: allowedText(first.value),
		vectors,
		complete: vectors.every(v => v.complete),
		notes: declarationCheck(instance)?.notes ?? [],
		ms: Math.round(now() - started),
	};
	return printed(options.json ? `${JSON.stringify(report)}\n` : humanAttack(report));
}

const cell = (v: PropertyVerdict): string =>
	v.verdict === 'broken' ? `broken (${v.run!.length}${v.shortest ? '' : '+'})` : v.verdict === 'holds' ? 'holds' : 'unknown';

function humanAttack(report: AttackReport): string {
	const width = Math.max(8, report.n + 2);
	const lines = [
		...report.notes.map(note => `note: ${note}`),
		`attack on ${factsLine({protocol: report.protocol, n: report.n, f: report.f, rounds: report.rounds > 1 ? report.rounds : undefined, allow: report.allow})}`,
		'',
		`${'inputs'.padEnd(width)}${'agreement'.padEnd(15)}${'validity'.padEnd(15)}termination`,
	];
	for (const v of report.vectors) {
		lines.push(`${v.inputs.padEnd(width)}${cell(v.agreement).padEnd(15)}${cell(v.validity).padEnd(15)}${cell(v.termination)}${v.also.length > 0 ? `   (also ${v.also.join(', ')})` : ''}`);
	}

	lines.push('', '(n): broken by a shortest run of n moves; n+: a run of n moves, the search for a shorter one cut short');
	const runs = report.vectors.flatMap(v =>
		PROPERTIES.filter(p => v[p].verdict === 'broken').map(p => `  ${v.inputs} ${p.padEnd(12)} ${v[p].run!.length === 0 ? '(at the start)' : v[p].run!.join('; ')}`),
	);
	if (runs.length > 0) lines.push('', 'breaking runs (each ends quiescent):', ...runs);
	const holds = PROPERTIES.filter(p => report.vectors.every(v => v[p].verdict === 'holds'));
	const broken = PROPERTIES.filter(p => report.vectors.some(v => v[p].verdict === 'broken'));
	lines.push('');
	if (holds.length > 0) lines.push(`${holds.join(' and ')} hold${holds.length === 1 ? 's' : ''} on every run from every input vector.`);
	if (broken.length > 0) lines.push(`The adversary breaks ${broken.join(', ')}.`);
	if (!report.complete) lines.push('Some answers are not final: the budget ran out (raise --budget-ms or --budget-states).');
	lines.push(`${report.ms} ms`);
	return `${lines.join('\n')}\n`;
}
