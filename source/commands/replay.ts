/**
 * `flp replay FILE --svg OUT.svg` and `flp replay FILE --print --format markdown`: a run as a
 * picture and as a Markdown transcript, for slides and notes. Both replay the file with the
 * engine (labels from the exact analysis, under the same budget as `flp check`).
 */
import {resolve} from 'node:path';
import type {AnalysisLabel, AnalysisOptions} from '../engine/analysis.js';
import {factsLine, setupFacts} from '../engine/game.js';
import {flagMarks} from '../engine/outcomes.js';
import {layoutRun} from '../diagram/layout.js';
import {renderSvg} from '../diagram/svg.js';
import {LEGEND, foreverRoundEnds, stripText, timelineCells} from '../diagram/timeline.js';
import {writeAtomic} from '../scenario/save.js';
import {readScenario} from '../scenario/scenario.js';
import {loadFileModules} from '../scenario/modules.js';
import {type Verification, verifyFile} from '../scenario/verify.js';
import {memoryBudgetBytes} from '../memory-budget.js';
import {CHECK_BUDGET_MS, runReplayPrint} from './check.js';
import {type CommandResult, failed, printed, usageError} from './result.js';

export interface ReplayExport {
	/** Where to write the SVG. */
	readonly svg?: string;
	/** `markdown`, or undefined for the plain transcript (which `runReplayPrint` writes). */
	readonly format?: string;
}

/** `flp replay FILE` with `--svg OUT.svg`, or with `--print [--format text|markdown]`. */
export async function runReplayExport(
	path: string | undefined,
	flags: {readonly print?: boolean; readonly svg?: string; readonly format?: string; readonly trust?: boolean},
	now: () => number,
): Promise<CommandResult> {
	// A module the file names runs only with --trust; a changed one is said on stderr first.
	if (path) {
		const {loadIsolated} = await import('../protocols/isolate.js');
		const modules = await loadFileModules([path], {trusted: flags.trust === true}, loadIsolated);
		if (!modules.ok) return failed(modules);
	}

	const result = exportOf(path, flags, now);
	const read = path ? readScenario(path) : undefined;
	const warnings = read?.ok ? read.value.warnings : [];
	return warnings.length > 0 ? {...result, stderr: `${warnings.map(w => `warning: ${path}: ${w}`).join('\n')}\n${result.stderr}`} : result;
}

function exportOf(path: string | undefined, flags: {readonly svg?: string; readonly format?: string}, now: () => number): CommandResult {
	if (flags.svg !== undefined) return runReplaySvg(path, flags.svg, now);
	if (flags.format === 'markdown') return runReplayMarkdown(path, now);
	if (flags.format !== undefined && flags.format !== 'text') return usageError(`replay --format takes text or markdown, not "${flags.format}"`);
	return runReplayPrint(path, now);
}

const budget = (now: () => number): AnalysisOptions => {
	const deadline = now() + CHECK_BUDGET_MS;
	return {shouldStop: () => now() > deadline, maxBytes: memoryBudgetBytes()};
};

type Loaded = {ok: true; verification: Verification; title: string} | {ok: false; result: CommandResult};

function load(path: string | undefined, now: () => number): Loaded {
	if (!path) return {ok: false, result: usageError('replay needs a file: flp replay FILE [--svg OUT.svg] [--print [--format markdown]]')};
	const loaded = readScenario(path);
	if (!loaded.ok) return {ok: false, result: failed(loaded)};
	const verified = verifyFile(loaded.value.file, budget(now));
	if (!verified.ok) return {ok: false, result: {code: 2, stdout: '', stderr: `flp: ${path}: ${verified.message}\n`}};
	return {ok: true, verification: verified.value, title: verified.value.level.info.title};
}

/** The game's facts for the exports: "quorum · n=3 f=1 · inputs 011 · allow: crash". */
function factsOf(v: Verification): string {
	return factsLine(setupFacts(v.level.session.configs[0]!.setup), {separator: ' · '});
}

const labelOf = (step: Verification['steps'][number]): AnalysisLabel => step.analysis.label;

/** The timeline of the player's part: labels, stars, rounds of a forever goal. */
function cellsOf(v: Verification) {
	const {session, start, goal} = v.level;
	const rounds = goal.kind === 'forever' ? foreverRoundEnds(session.configs, session.moves, start) : new Set<number>();
	return timelineCells(
		v.steps.map(labelOf),
		v.steps.map(step => step.star?.label),
		rounds,
	);
}

/** Write the run's space-time diagram as an SVG file. */
function runReplaySvg(path: string | undefined, out: string, now: () => number): CommandResult {
	if (!/\.svg$/i.test(out)) return usageError(`--svg writes an SVG file: give a name ending in .svg, not "${out}"`);
	if (path && resolve(out) === resolve(path)) return usageError(`--svg ${out} would overwrite the file being replayed`);
	const loaded = load(path, now);
	if (!loaded.ok) return loaded.result;
	const v = loaded.verification;
	const {session, start} = v.level;
	const layout = layoutRun(session.configs[0]!, session.moves);
	if (!layout.ok) return {code: 2, stdout: '', stderr: `flp: ${path}: ${layout.message}\n`};
	const labels: (AnalysisLabel | undefined)[] = [];
	const stars: (AnalysisLabel | undefined)[] = [];
	for (const step of v.steps) {
		labels[start + step.k] = step.analysis.label;
		stars[start + step.k] = step.star?.label;
	}

	const kind = v.level.goal.kind;
	const svg = renderSvg(layout.value, {
		title: loaded.title,
		facts: factsOf(v),
		...(kind === 'explore' ? {} : {goal: v.level.info.goal}),
		labels,
		stars,
		start,
	});
	try {
		writeAtomic(resolve(out), svg);
	} catch (error) {
		return usageError(`cannot write ${out}: ${(error as Error).message}`);
	}

	const moves = session.moves.length;
	return printed(`Wrote ${resolve(out)}: ${moves} move${moves === 1 ? '' : 's'}, ${layout.value.arrows.length} arrow${layout.value.arrows.length === 1 ? '' : 's'}.\n`);
}

/** Markdown text: control characters dropped, newlines flattened, markup characters escaped. */
export function markdown(text: string): string {
	return text
		.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ')
		.replace(/[\\`*_[\]<>#|~&]/g, ch => `\\${ch}`)
		.trim();
}

/** The transcript as Markdown: a heading, the facts, the timeline, a table of the steps. */
function runReplayMarkdown(path: string | undefined, now: () => number): CommandResult {
	const loaded = load(path, now);
	if (!loaded.ok) return loaded.result;
	const v = loaded.verification;
	const strip = stripText(cellsOf(v));
	const hasStars = v.steps.some(step => step.star !== undefined);
	const lines = [
		`# ${markdown(loaded.title)}`,
		'',
		`${markdown(factsOf(v))}${v.level.goal.kind === 'explore' ? '' : `  \nGoal: ${markdown(v.level.info.goal)}`}`,
		'',
		`Timeline: the label after each move, from the start${hasStars ? '; below it, the target’s starred label' : ''}.`,
		'',
		'```text',
		strip.labels.trimStart(),
		...(hasStars ? [strip.stars.slice(1)] : []),
		'```',
		'',
		`${LEGEND}.`,
		'',
		'| k | move | label | target | star | can still break |',
		'|--:|---|---|---|---|---|',
	];
	for (const step of v.steps) {
		const {analysis, star} = step;
		const label = `${analysis.label}${analysis.complete ? '' : ' (cut short)'}`;
		const marks = flagMarks(analysis.flags).replace('⚠', '').replace(/,/g, ', ');
		lines.push(
			`| ${step.k} | ${step.move ? `\`${step.move}\`` : '(start)'} | ${label} | ${step.target ? `\`${step.target}\`` : '-'} | ${star ? `${star.label}*` : '-'} | ${marks || '-'} |`,
		);
	}

	if (v.level.goal.kind !== 'explore') {
		lines.push('', `**Goal ${v.level.goal.kind}: ${v.goal.state}.**${v.goal.message ? ` ${markdown(v.goal.message)}` : ''}`);
	}

	return printed(`${lines.join('\n')}\n`);
}
