/**
 * Protocol modules named on the command line: loaded (and so trusted) before a command runs.
 * What loads and tries a module (worker threads, the YAML reader) is imported only when a command
 * names one: a command on a built-in protocol starts without it.
 */
import {isModulePath} from '../protocols/module.js';
import {TRIAL_SIZE, allowedSize} from '../protocols/size.js';
import {type Result, ok} from '../engine/types.js';

/**
 * Load the module a `--protocol` value names, if it names one (a value with a / or ending in .js,
 * .mjs or .ts): the value to use instead (its absolute path), or why the module does not load
 * (the user's error: a command says it after `flp: `).
 */
export async function protocolFlag(value: string | undefined, size: {readonly nodes?: number; readonly f?: number; readonly rounds?: number} = {}): Promise<Result<string | undefined>> {
	if (value === undefined || !isModulePath(value)) return ok(value);
	const {loadIsolated} = await import('../protocols/isolate.js');
	// Tried at the size the command asks for, when it is one the game allows (else it says so later).
	const loaded = await loadIsolated(value, [allowedSize(size.nodes, size.f, size.rounds) ?? TRIAL_SIZE]);
	if (!loaded.ok) return loaded;
	return ok(loaded.value.path);
}

/**
 * Load the protocol modules a challenge's level files name, before the challenge is read: with
 * --trust; without it, the failure that says which module and how to allow it (a file's report:
 * a command prints it as it is). Loaded, a note per level file that runs one (what a command
 * tells before its own output).
 */
export async function challengeModules(path: string | undefined, trusted: boolean): Promise<Result<readonly string[]>> {
	if (path === undefined) return ok([]);
	const {challengeLevelFiles, fileModule, loadFileModules, moduleNote} = await import('../scenario/modules.js');
	const {loadIsolated} = await import('../protocols/isolate.js');
	const files = challengeLevelFiles(path);
	if (files.length === 0) return ok([]);
	const loaded = await loadFileModules(files, {trusted}, loadIsolated);
	if (!loaded.ok) return loaded;
	return ok(
		files.flatMap(file => {
			const named = fileModule(file);
			return named ? [`note: ${file}: ${moduleNote(named)}`] : [];
		}),
	);
}
