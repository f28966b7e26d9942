/** Protocol modules named on the command line: loaded (and so trusted) before a command runs. */
import {resolve} from 'node:path';
import {isModulePath, loadProtocolModule} from '../protocols/module.js';
import {challengeLevelFiles, fileModule, loadFileModules, moduleNote} from '../scenario/modules.js';
import {type CommandResult, usageError} from './result.js';

/**
 * Load the module a `--protocol` value names, if it names one (a value with a / or ending in .js,
 * .mjs or .ts): the value to use instead (its absolute path), or the command's failure.
 */
export async function protocolFlag(value: string | undefined): Promise<{protocol: string | undefined} | CommandResult> {
	if (value === undefined || !isModulePath(value)) return {protocol: value};
	const loaded = await loadProtocolModule(resolve(value));
	if (!loaded.ok) return usageError(loaded.message);
	return {protocol: loaded.value.path};
}

/**
 * Load the protocol modules a challenge's level files name, before the challenge is read: with
 * --trust; without it, the command's failure that says which module and how to allow it. Loaded,
 * a note per level file that runs one (what a command tells before its own output).
 */
export async function challengeModules(path: string | undefined, trusted: boolean): Promise<CommandResult | {readonly notes: readonly string[]}> {
	if (path === undefined) return {notes: []};
	const files = challengeLevelFiles(path);
	const loaded = await loadFileModules(files, {trusted});
	if (!loaded.ok) return {code: 2, stdout: '', stderr: `${loaded.message}\n`};
	return {notes: files.flatMap(file => {
		const named = fileModule(file);
		return named ? [`note: ${file}: ${moduleNote(named)}`] : [];
	})};
}
