/**
 * Protocol modules: a user's `.js`/`.mjs` (or, run through tsx, `.ts`) file whose default export
 * is a `Protocol`. Loading imports the file, checks its shape, fills the optional fields with safe
 * defaults and guards every step (guard.ts); the registry then knows it by its absolute path.
 * The two shipped real protocols (two-phase-commit, paxos) are loaded the same way.
 */
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {isAbsolute, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {type Protocol, ProtocolFault} from '../engine/protocol.js';
import {readText} from '../files/read.js';
import {type Result, fail, ok} from '../engine/types.js';
import {guardProtocol} from './guard.js';

/** A value of `--protocol` or of a file's `protocol:` field that names a file, not a built-in. */
export const isModulePath = (value: string): boolean => value.includes('/') || value.includes('\\') || /\.(m?js|ts|mts)$/.test(value);

/** The package's folder of shipped protocol modules (beside source/ and dist/). */
export const SHIPPED_FOLDER = fileURLToPath(new URL('../../protocols/', import.meta.url));

export interface LoadedModule {
	/** The absolute path: the registry's key and what a game's spec names. */
	readonly path: string;
	/** sha256 of the module's source file, hex (its own file only, not what it imports). */
	readonly hash: string;
	readonly protocol: Protocol;
}

/** The hash a saved game records for its module. */
export function hashFile(path: string): string | undefined {
	try {
		return createHash('sha256').update(readFileSync(path)).digest('hex');
	} catch {
		return undefined;
	}
}

/** Where a module named relative to `base` (a folder) lies. */
export const resolveModule = (value: string, base: string): string => (isAbsolute(value) ? value : resolve(base, value));

/** Whether a module is one the package ships (trusted like the rest of the package). */
export const isShipped = (path: string): boolean => resolve(path).startsWith(SHIPPED_FOLDER);

const loaded = new Map<string, LoadedModule>();

/** A module loaded before, by absolute path. */
export const loadedModule = (path: string): LoadedModule | undefined => loaded.get(path);

export const loadedModules = (): readonly LoadedModule[] => [...loaded.values()];

/**
 * Import a protocol module and check its shape. A failure is one line naming the file and what is
 * wrong with it. Loading the same path twice gives the module loaded first.
 */
export async function loadProtocolModule(path: string, options: {trial?: boolean} = {}): Promise<Result<LoadedModule>> {
	const full = resolve(path);
	const known = loaded.get(full);
	if (known) return ok(known);
	// Read through the shared reader first: a regular file within the size limit, so a FIFO, a
	// device or a huge file is refused before Node's loader would wait on it or read it all.
	const readable = readText(full);
	if (!readable.ok) return fail('bad-module', `protocol module ${readable.message}`);

	const hash = hashFile(full) ?? '';
	let exports: Record<string, unknown>;
	try {
		exports = (await import(pathToFileURL(full).href)) as Record<string, unknown>;
	} catch (error) {
		const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
		const hint = /Unknown file extension/.test(String(message))
			? ' (a .ts module needs tsx: see docs/protocols.md)'
			: /Unexpected token 'export'|Cannot use import statement/.test(String(message))
				? ' (name the file .mjs, or put it beside a package.json with "type": "module")'
				: '';
		return fail('bad-module', `${full}: cannot load it: ${message}${hint}`);
	}

	const shaped = guardProtocol(exports['default'], full);
	if (!shaped.ok) return fail('bad-module', `${full}: ${shaped.message}`);
	// Try it once at a small size, so a broken instance is named now rather than mid-game (the
	// shipped modules skip this: their tests try them, and every command would pay for it).
	try {
		if (options.trial !== false) shaped.value.instantiate(3, 1, {rounds: 1});
	} catch (error) {
		if (error instanceof ProtocolFault) return fail('bad-module', error.message.includes(full) ? error.message : `${full}: ${error.message}`);
		throw error;
	}

	const module: LoadedModule = {path: full, hash, protocol: shaped.value};
	loaded.set(full, module);
	return ok(module);
}
