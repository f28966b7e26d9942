/**
 * Protocol modules named inside files (`protocol: ./my-protocol.js` in a scenario file, relative
 * to that file). A module is code: one named on the command line is trusted, but one named
 * inside a file runs only when the user passes --trust or confirms it (the game shows its path
 * and hash first). The modules the package ships are trusted like the rest of the package.
 *
 * Loading is asynchronous (an `import()`), reading a scenario file is not: a command loads the
 * modules its files name with `loadFileModules` first, then reads the files, whose validation
 * finds the module loaded (or says why it is not).
 */
import {dirname, relative, isAbsolute, sep} from 'node:path';
import {type YAMLMap, isMap, isScalar} from 'yaml';
import {excerpt} from '../files/escape.js';
import {readText} from '../files/read.js';
import {loadYaml} from '../files/yaml.js';
import {type LoadedModule, hashFile, isModulePath, isShipped, loadProtocolModule, loadedModule, resolveModule} from '../protocols/module.js';
import {type Result, fail, ok} from '../engine/types.js';
import {type TrialSize, allowedSize} from '../protocols/size.js';

/** A path inside a message: escaped, and long enough for any real path. */
const shown = (path: string): string => excerpt(path, 300);

/** The file's top-level mapping, parsed, or none (a file that is not one is the reader's to report). */
function topOf(text: string): YAMLMap | undefined {
	const loaded = loadYaml(text);
	return loaded.ok && isMap(loaded.doc.contents) ? loaded.doc.contents : undefined;
}

/** The module a file's mapping names, by absolute path (resolved against the file's folder), if any. */
function moduleIn(top: YAMLMap | undefined, path: string): string | undefined {
	const value = top?.get('protocol', true);
	if (!isScalar(value) || typeof value.value !== 'string' || !isModulePath(value.value)) return undefined;
	return resolveModule(value.value, dirname(path));
}

/** The module a file's text names, by absolute path (resolved against the file's folder), if any. */
export const moduleNamedIn = (text: string, path: string): string | undefined => moduleIn(topOf(text), path);

/**
 * When the file records its module's hash (a saved game) and the module loaded has another: the
 * sentence that says so. A game saved with one version of a module may not replay on another.
 */
export function changedModule(text: string, path: string): string | undefined {
	if (!text.includes('protocolHash')) return undefined;
	const top = topOf(text);
	const recorded = top?.get('protocolHash');
	const named = moduleIn(top, path);
	const module = named === undefined ? undefined : loadedModule(named);
	if (!module || typeof recorded !== 'string' || recorded === module.hash) return undefined;
	return `the protocol module ${shown(module.path)} has changed since this game was saved (its hash differs): its moves may play differently`;
}

/** The module a file names, if any and not one the package ships: its path and hash (none: missing). */
export function fileModule(path: string): {readonly module: string; readonly hash: string | undefined} | undefined {
	const text = readText(path);
	const module = text.ok ? moduleNamedIn(text.value, path) : undefined;
	if (module === undefined || isShipped(module)) return undefined;
	return {module, hash: loadedModule(module)?.hash ?? hashFile(module)};
}

/** "runs protocol module /x/my.js (sha256 1a2b3c4d5e6f)": what a command says of a file's module. */
export const moduleNote = ({module, hash}: {readonly module: string; readonly hash: string | undefined}): string =>
	hash === undefined ? `names protocol module ${shown(module)}, which is missing` : `names protocol module ${shown(module)} (sha256 ${hash.slice(0, 12)})`;

/**
 * Whether a module named inside a file may run: `trusted` (--trust), or the user's answer to
 * `ask` (the game's confirmation, shown with the path and the source's hash). Neither: it does not.
 */
export interface Trust {
	readonly trusted: boolean;
	readonly ask?: (module: string, hash: string) => Promise<boolean>;
}

/** Why a module named in a file did not run: what a command prints, one line per file. */
export const untrustedMessage = (file: string, module: string): string =>
	`${shown(file)}: names a protocol module, code that would run on this machine: ${shown(module)}\n  read it, then run the command again with --trust to run it`;

/**
 * Load the modules the files name (a file that cannot be read or names none is left to the
 * reader to report), with `load` (the commands try a module in a worker first). Returns the modules loaded, in file order, or the first refusal or failure.
 */
export async function loadFileModules(
	paths: readonly string[],
	trust: Trust,
	load: (path: string, sizes: readonly TrialSize[]) => Promise<Result<LoadedModule>> = path => loadProtocolModule(path),
): Promise<Result<readonly LoadedModule[]>> {
	const modules: LoadedModule[] = [];
	for (const path of paths) {
		const text = readText(path);
		if (!text.ok) continue;
		const module = moduleNamedIn(text.value, path);
		if (module === undefined) continue;
		// The package's own modules are loaded with it, and tried by its tests.
		const shipped = isShipped(module) ? loadedModule(module) : undefined;
		if (shipped) {
			modules.push(shipped);
			continue;
		}

		if (!loadedModule(module) && !trust.trusted) {
			const hash = hashFile(module);
			// A missing module is the validation's to report, at its line.
			if (hash === undefined) continue;
			if (!(await trust.ask?.(module, hash))) return fail('untrusted', untrustedMessage(path, module));
		}

		const loaded = await load(module, sizeIn(text.value));
		if (!loaded.ok) return fail('bad-module', `${shown(path)}: ${loaded.message}`);
		modules.push(loaded.value);
	}

	return ok(modules);
}

/** The size the file's game is played at, when the file says one the game allows (else none). */
function sizeIn(text: string): TrialSize[] {
	const loaded = loadYaml(text);
	const data = (loaded.ok ? loaded.data : undefined) as {nodes?: unknown; f?: unknown; rounds?: unknown} | undefined;
	const size = data ? allowedSize(data.nodes, data.f, data.rounds) : undefined;
	return size ? [size] : [];
}

/** The level files a challenge file names (`levels: - file: PATH`, relative to it), absolute. */
export function challengeLevelFiles(path: string): string[] {
	const text = readText(path);
	if (!text.ok) return [];
	const loaded = loadYaml(text.value);
	if (!loaded.ok) return [];
	const levels = (loaded.data as {levels?: unknown} | null)?.levels;
	if (!Array.isArray(levels)) return [];
	return levels.flatMap(level => {
		const file = (level as {file?: unknown} | null)?.file;
		return typeof file === 'string' ? [resolveModule(file, dirname(path))] : [];
	});
}

/**
 * How a saved file names its module: relative to the saved file's folder when the module lies
 * in or under it (so the two can be shared together), else by its absolute path.
 */
export function moduleReference(module: string, savedFile: string): string {
	const rel = relative(dirname(savedFile), module);
	if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return module;
	return `.${sep}${rel}`.split(sep).join('/');
}
