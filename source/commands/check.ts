/** `flp check FILE...` and `flp replay FILE --print`: scenario files verified without a terminal. */
import {basename} from 'node:path';
import type {AnalysisOptions} from '../engine/analysis.js';
import {gameFacts} from '../engine/game.js';
import {goalOf, readScenario} from '../scenario/scenario.js';
import {fileModule, loadFileModules, moduleNote} from '../scenario/modules.js';
import {type Step, verifyFile} from '../scenario/verify.js';
import {flagMarks} from '../engine/outcomes.js';
import {memoryBudgetBytes} from '../memory-budget.js';
import {type CommandResult, failed, printed, usageError} from './result.js';

/** Each file's analysis budget in `flp check` and `flp replay --print`. */
export const CHECK_BUDGET_MS = 60_000;

const budget = (now: () => number): AnalysisOptions => {
	const deadline = now() + CHECK_BUDGET_MS;
	return {shouldStop: () => now() > deadline, maxBytes: memoryBudgetBytes()};
};

export async function runCheck(paths: readonly string[], now: () => number, trust = false): Promise<CommandResult> {
	if (paths.length === 0) return usageError('check needs at least one file: flp check FILE...');
	const lines: string[] = [];
	const errors: string[] = [];
	let failed = false;
	let unreadable = false;
	for (const path of paths) {
		// A file's protocol module is named before anything runs; it runs only with --trust.
		const named = fileModule(path);
		if (named) {
			lines.push(`note  ${path}: ${moduleNote(named)}`);
			const {loadIsolated} = await import('../protocols/isolate.js');
			const modules = named.hash === undefined ? undefined : await loadFileModules([path], {trusted: trust}, loadIsolated);
			if (modules && !modules.ok) {
				unreadable = true;
				errors.push(modules.message);
				lines.push(`ERROR ${path}: ${modules.code === 'untrusted' ? 'not run: its protocol module runs only with --trust' : 'its protocol module does not load (see above)'}`);
				continue;
			}
		}

		const loaded = readScenario(path);
		if (!loaded.ok) {
			unreadable = true;
			errors.push(loaded.message);
			lines.push(`ERROR ${path}: ${loaded.code === 'unreadable' ? 'cannot be read' : 'invalid (see above)'}`);
			continue;
		}

		if (loaded.value.file.inputs === 'choose') {
			lines.push(`ok    ${path}: a level whose inputs the player chooses (X_0..X_${loaded.value.file.nodes})`);
			continue;
		}

		const verified = verifyFile(loaded.value.file, budget(now));
		if (!verified.ok) {
			failed = true;
			lines.push(`FAIL  ${path}: ${verified.message}`);
			continue;
		}

		const {steps, goal, failures} = verified.value;
		const moves = steps.length - 1;
		const kind = goalOf(loaded.value.file).kind;
		const goalText = kind === 'explore' ? '' : `, goal ${kind} ${goal.state}`;
		const checks = loaded.value.file.expect?.length ?? 0;
		if (failures.length > 0) {
			failed = true;
			lines.push(`FAIL  ${path}: ${failures[0]}${failures.length > 1 ? ` (and ${failures.length - 1} more)` : ''}`);
		} else {
			lines.push(`ok    ${path}: ${moves} move${moves === 1 ? '' : 's'}, ${checks} checkpoint${checks === 1 ? ' holds' : 's hold'}${goalText}`);
		}
	}

	const code = unreadable ? 2 : failed ? 1 : 0;
	return {code, stdout: `${lines.join('\n')}\n`, stderr: errors.length > 0 ? `${errors.join('\n')}\n` : ''};
}

function transcriptLine(step: Step): string {
	const {analysis, star} = step;
	const label = `${analysis.label}${analysis.complete ? '' : ' (cut short)'}`;
	const starText = star ? `${star.label}*` : '-';
	return `${String(step.k).padStart(3)}  ${(step.move ?? '(start)').padEnd(24)} ${label.padEnd(11)} ${starText.padEnd(12)} ${flagMarks(analysis.flags)}`;
}

export function runReplayPrint(path: string | undefined, now: () => number): CommandResult {
	if (!path) return usageError('replay needs a file: flp replay FILE [--print]');
	const loaded = readScenario(path);
	if (!loaded.ok) return failed(loaded);
	const verified = verifyFile(loaded.value.file, budget(now));
	if (!verified.ok) return {code: 1, stdout: '', stderr: `flp: ${path}: ${verified.message}\n`};
	const {level, steps, goal} = verified.value;
	const setup = level.session.configs[0]!.setup;
	// An untitled file (a saved sandbox game) goes by its file name: the facts follow anyway.
	const {title, id} = loaded.value.file;
	const lines = [
		`${title ?? id ?? basename(path)}: ${gameFacts(setup)}`,
		`  k  move                     label       star         can still break`,
		...steps.map(transcriptLine),
	];
	const kind = goalOf(loaded.value.file).kind;
	if (kind !== 'explore') lines.push(`goal ${kind}: ${goal.state}${goal.message ? `: ${goal.message}` : ''}`);
	return printed(`${lines.join('\n')}\n`);
}
