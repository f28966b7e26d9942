/** `flp analyze`: apply moves to an initial configuration and report its analysis. */
import {type Analysis, Analyzer} from '../engine/analysis.js';
import {type Configuration, findInPool, initialConfiguration, isQuiescent} from '../engine/configuration.js';
import {createSetup, gameFacts, parseAllow} from '../engine/game.js';
import {applyMoves} from '../engine/moves.js';
import {formatMoves, parseMove, parseMoves} from '../engine/notation.js';
import {OUTCOMES, type Result, fail} from '../engine/types.js';
import {ProtocolFault} from '../engine/protocol.js';
import {declarationCheck} from '../protocols/guard.js';
import {lookUpProtocol, protocolIds} from '../protocols/registry.js';
import {memoryBudgetBytes, memoryBudgetMb} from '../memory-budget.js';
import {type CommandResult, printed, usageError} from './result.js';
import {protocolFlag} from './modules.js';

export interface AnalyzeOptions {
	readonly protocol?: string;
	readonly nodes?: number;
	readonly inputs?: string;
	readonly rounds?: number;
	readonly f?: number;
	readonly allow?: string;
	readonly moves?: string;
	readonly target?: string;
	readonly budgetStates?: number;
	readonly budgetMs?: number;
	readonly json?: boolean;
}

/** The default time budget of one `flp analyze`, so that a huge question ends with `unknown`. */
export const ANALYZE_BUDGET_MS = 60_000;

function wholeNumber(name: string, value: number | undefined, min: number): string | null {
	if (value === undefined) return null;
	if (!Number.isInteger(value) || value < min) return `--${name} must be a whole number ≥ ${min}`;
	return null;
}

/** Build the configuration the options describe, or say what is wrong with them. */
export function configurationFrom(options: AnalyzeOptions): Result<Configuration> {
	if (!options.protocol) return fail('bad-flag', `missing --protocol (one of ${protocolIds().join(', ')}, or a module's path)`);
	if (options.nodes === undefined) return fail('bad-flag', 'missing --nodes (the number of nodes, 2 to 6)');
	if (!options.inputs) return fail('bad-flag', 'missing --inputs (one bit per node, like 011)');
	for (const [name, value] of [
		['nodes', options.nodes],
		['f', options.f],
		['rounds', options.rounds],
	] as const) {
		const problem = wholeNumber(name, value, 0);
		if (problem) return fail('bad-flag', problem);
	}

	const allow = parseAllow(options.allow ?? 'byzantine');
	if (!allow.ok) return allow;
	const setup = createSetup(
		{
			protocol: options.protocol,
			n: options.nodes,
			inputs: String(options.inputs),
			f: options.f,
			allow: allow.value,
			rounds: options.rounds,
		},
		lookUpProtocol,
	);
	if (!setup.ok) return setup;
	const moves = parseMoves(setup.value, options.moves ?? '');
	if (!moves.ok) return fail(moves.code, `--moves: ${moves.message}`);
	const config = applyMoves(initialConfiguration(setup.value), moves.value);
	if (!config.ok) return fail(config.code, `--moves: ${config.message}`);
	return config;
}

/** `flp analyze` as the command line runs it: a module named by --protocol is loaded first. */
export async function runAnalyzeCommand(options: AnalyzeOptions, now: () => number): Promise<CommandResult> {
	const named = await protocolFlag(options.protocol, options);
	if (!named.ok) return usageError(named.message);
	return runAnalyze({...options, protocol: named.value}, now);
}

function runAnalyze(options: AnalyzeOptions, now: () => number): CommandResult {
	for (const [name, value] of [
		['budget-states', options.budgetStates],
		['budget-ms', options.budgetMs],
	] as const) {
		const problem = wholeNumber(name, value, 1);
		if (problem) return usageError(problem);
	}

	const built = configurationFrom(options);
	if (!built.ok) return usageError(built.message);
	const config = built.value;
	let target;
	if (options.target !== undefined) {
		const parsed = parseMove(config.setup, options.target);
		if (!parsed.ok) return usageError(`--target: ${parsed.message}`);
		if (parsed.value.kind !== 'deliver') return usageError(`--target: "${options.target}" is not a delivery`);
		target = parsed.value.message;
		if (!findInPool(config, target)) {
			return usageError(`--target: "${options.target}" is not pending after the moves`);
		}
	}

	const started = now();
	const deadline = started + (options.budgetMs ?? ANALYZE_BUDGET_MS);
	const budget = {maxStates: options.budgetStates, maxBytes: memoryBudgetBytes(), shouldStop: () => now() > deadline};
	const analyzer = new Analyzer();
	let result: Analysis;
	let star: Analysis | undefined;
	try {
		result = analyzer.analyze(config, budget);
		star = target ? analyzer.analyzeStar(config, target, {...budget, witnesses: false}) : undefined;
	} catch (error) {
		// A protocol module that throws or breaks its shape mid-analysis: one line, no stack.
		if (error instanceof ProtocolFault) return usageError(error.message);
		throw error;
	}

	const ms = Math.round(now() - started);
	return printed(options.json ? jsonReport(config, result, star, ms) : humanReport(config, result, star, options, ms));
}

function jsonReport(config: Configuration, result: Analysis, star: Analysis | undefined, ms: number): string {
	const witnesses: Record<string, string[]> = {};
	for (const o of OUTCOMES) {
		const run = result.witnesses[o];
		if (run) witnesses[o] = formatMoves(config.setup, run);
	}

	const report = {
		...(declarationCheck(config.setup.protocol) ? {declarations: declarationCheck(config.setup.protocol)} : {}),
		label: result.label,
		outcomes: result.outcomes,
		flags: result.flags,
		star: star ? star.label : null,
		witnesses,
		...(result.witnessesCut ? {witnessesCut: true} : {}),
		complete: result.complete && (star?.complete ?? true),
		states: result.states + (star?.states ?? 0),
		ms,
	};
	return `${JSON.stringify(report)}\n`;
}

const breakable = (found: boolean, complete: boolean): string =>
	found ? 'breakable' : complete ? 'holds' : 'not broken yet (search cut short)';

function humanReport(
	config: Configuration,
	result: Analysis,
	star: Analysis | undefined,
	options: AnalyzeOptions,
	ms: number,
): string {
	const {setup} = config;
	const notes = declarationCheck(setup.protocol)?.notes ?? [];
	const lines = [
		...notes.map(note => `note: ${note}`),
		gameFacts(setup),
		`after ${config.step} move${config.step === 1 ? '' : 's'}${options.moves ? `: ${options.moves.trim()}` : ''}${isQuiescent(config) ? '  (quiescent)' : ''}`,
		'',
		`label        ${result.label}${result.complete ? '' : result.memoryFull || star?.memoryFull ? `   (search cut short by the memory budget, ${memoryBudgetMb()} MB: see --budget-mb)` : '   (search cut short: not every future was explored)'}`,
		`outcomes     ${result.outcomes.length > 0 ? result.outcomes.join(', ') : '(none found)'}`,
		`agreement    ${breakable(result.flags.agreement, result.complete)}`,
		`termination  ${breakable(result.flags.termination, result.complete)}`,
		`validity     ${breakable(result.flags.validity, result.complete)}`,
	];
	if (star && options.target) lines.push(`target       ${options.target.trim()}  →  ${star.label}*`);
	lines.push('', 'witness runs (each ends quiescent with that outcome):');
	for (const o of OUTCOMES) {
		const run = result.witnesses[o];
		if (run) lines.push(`  ${o.padEnd(8)} ${run.length === 0 ? '(here already)' : formatMoves(setup, run).join('; ')}`);
		else if (result.complete && result.outcomes.includes(o)) lines.push(`  ${o.padEnd(8)} (not found: the time budget ran out first, see --budget-ms)`);
	}

	lines.push('', `explored ${result.states + (star?.states ?? 0)} states in ${ms} ms`);
	return `${lines.join('\n')}\n`;
}
