/** Protocol modules named on the command line: loaded (and so trusted) before a command runs. */
import {resolve} from 'node:path';
import {isModulePath, loadProtocolModule} from '../protocols/module.js';
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
