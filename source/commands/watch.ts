/**
 * `flp watch --protocol ID --nodes N [--rounds R] [--f F] [--allow LIST] [--print]`: the engine
 * plays the FLP adversary's strategy against a protocol (Lemma 1 picks C_0; each round the target
 * is the oldest pending message; stall, then deliver it) and narrates each move in one line.
 * This file holds the flag checks and `--print` (plain text, no Ink); the screen is in
 * watch-app.tsx.
 */
import {type GameSpec, createSetup, factsLine, lemmaInputs, parseAllow, setupFacts} from '../engine/game.js';
import {Oracle} from '../engine/oracle.js';
import {type Result, fail, ok} from '../engine/types.js';
import {watchAnswer} from '../worker/proof.js';
import {lookUpProtocol} from '../protocols/registry.js';
import {type CommandResult, printed, usageError} from './result.js';

export interface WatchOptions {
	readonly protocol?: string;
	readonly nodes?: number;
	readonly rounds?: number;
	readonly f?: number;
	readonly allow?: string;
	readonly budgetMs?: number;
	readonly budgetStates?: number;
}

/** The default time budget of `flp watch --print`. */
export const DEFAULT_WATCH_BUDGET_MS = 60_000;

/** The game `flp watch` plays: its inputs are Lemma 1's to choose. */
export type WatchSpec = Omit<GameSpec, 'inputs'> & {readonly allow: readonly string[]};

/** The game to watch, or what is wrong with the flags. */
export function watchSpec(options: WatchOptions): Result<WatchSpec> {
	if (!options.protocol) return fail('bad-flag', 'watch needs --protocol (wait-all, quorum, leader, ben-or, two-phase-commit, paxos, or a module\'s path)');
	if (options.nodes === undefined) return fail('bad-flag', 'watch needs --nodes (the number of nodes, 2 to 6)');
	for (const [name, value, min] of [
		['budget-ms', options.budgetMs, 1],
		['budget-states', options.budgetStates, 1],
	] as const) {
		if (value !== undefined && (!Number.isInteger(value) || value < min)) return fail('bad-flag', `--${name} must be a whole number ≥ ${min}`);
	}

	const allow = parseAllow(options.allow ?? 'crash');
	if (!allow.ok) return allow;
	const spec = {protocol: options.protocol, n: options.nodes, f: options.f ?? 1, rounds: options.rounds ?? 1, allow: allow.value};
	const setup = createSetup({...spec, inputs: lemmaInputs(options.nodes, 0)}, lookUpProtocol);
	if (!setup.ok) return setup;
	return ok(spec);
}

/** `flp watch --print`: the narration as plain text. */
export function runWatchPrint(options: WatchOptions, now: () => number): CommandResult {
	const built = watchSpec(options);
	if (!built.ok) return usageError(built.message);
	const setup = createSetup({...built.value, inputs: lemmaInputs(built.value.n, 0)}, lookUpProtocol);
	if (!setup.ok) return usageError(setup.message);
	const deadline = now() + (options.budgetMs ?? DEFAULT_WATCH_BUDGET_MS);
	const oracle = new Oracle({shouldStop: () => now() > deadline, ...(options.budgetStates ? {maxStates: options.budgetStates} : {})});
	const answer = watchAnswer(oracle, setup.value);
	const lines = [
		`watch the proof: ${factsLine({...setupFacts(setup.value), inputs: undefined}, {rounds: 'after-protocol'})}`,
		'',
		...answer.intro,
		'',
		...answer.moves.map(m => m.text),
		...(answer.moves.length > 0 ? [''] : []),
		...answer.end.sentences,
		...(answer.end.breach ? [`  a run from C_${answer.rounds} that breaks it: ${answer.end.breach.run.join('; ')}`] : []),
		'',
		`${answer.rounds} round${answer.rounds === 1 ? '' : 's'} kept ambiguous${answer.moves.length > 0 ? (answer.maximal ? ', the most the analysis allows' : ' (the round count was too costly: shortest stalls)') : ''}.`,
	];
	return printed(`${lines.join('\n')}\n`);
}
