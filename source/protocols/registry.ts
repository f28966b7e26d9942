/**
 * The protocols a game can name: the four built-ins by id, the two real protocols the package
 * ships as modules (two-phase-commit, paxos) by id or path, and any module loaded since, by its
 * absolute path. The shipped modules are loaded through the same loader as a user's module.
 */
import {join} from 'node:path';
import type {Protocol} from '../engine/protocol.js';
import {type Result, fail, ok} from '../engine/types.js';
import {benOr} from './ben-or.js';
import {leader} from './leader.js';
import {SHIPPED_FOLDER, isModulePath, loadProtocolModule, loadedModule, loadedModules} from './module.js';
import {quorum} from './quorum.js';
import {waitAll} from './wait-all.js';

/** The built-in protocols, in the order menus list them. */
export const PROTOCOLS: readonly Protocol[] = [waitAll, quorum, leader, benOr];

/** The real protocols shipped as modules in the package's protocols/ folder, by id. */
export const SHIPPED: Readonly<Record<string, string>> = {
	'two-phase-commit': join(SHIPPED_FOLDER, 'two-phase-commit.js'),
	paxos: join(SHIPPED_FOLDER, 'paxos.js'),
};

for (const path of Object.values(SHIPPED)) {
	const loaded = await loadProtocolModule(path, {trial: false});
	if (!loaded.ok) throw new Error(`bug: a shipped protocol module does not load: ${loaded.message}`);
}

/** The ids a game can name without a path, in the order menus list them. */
export const protocolIds = (): string[] => [...PROTOCOLS.map(p => p.id), ...Object.keys(SHIPPED)];

/** Every protocol a menu can offer: built-ins, shipped modules, then modules loaded this run. */
export function knownProtocols(): {readonly key: string; readonly protocol: Protocol}[] {
	const list = PROTOCOLS.map(protocol => ({key: protocol.id, protocol}));
	const shipped = new Set(Object.values(SHIPPED));
	for (const [id, path] of Object.entries(SHIPPED)) list.push({key: id, protocol: loadedModule(path)!.protocol});
	for (const module of loadedModules()) if (!shipped.has(module.path)) list.push({key: module.path, protocol: module.protocol});
	return list;
}

/** A built-in or shipped protocol by id, or a loaded module by its absolute path. */
export function findProtocol(id: string): Protocol | undefined {
	const builtIn = PROTOCOLS.find(p => p.id === id);
	if (builtIn) return builtIn;
	if (Object.hasOwn(SHIPPED, id)) return loadedModule(SHIPPED[id]!)?.protocol;
	return isModulePath(id) ? loadedModule(id)?.protocol : undefined;
}

/**
 * A protocol by id or module path, or the failure that says why there is none: what the
 * engine's `createSetup` is given (the engine imports no protocol).
 */
export function lookUpProtocol(id: string): Result<Protocol> {
	const protocol = findProtocol(id);
	if (protocol) return ok(protocol);
	if (/[/\\]|\.(m?js|m?ts)$/.test(id)) return fail('bad-protocol', `protocol module ${id} is not loaded`);
	return fail('bad-protocol', `unknown protocol "${id}" (choose ${protocolIds().join(', ')}, or a module's path)`);
}

/** How screens name a protocol: its id; a module its id and file name, `my-protocol (mine.js)`. */
export function protocolName(key: string): string {
	if (!isModulePath(key)) return key;
	const file = key.split(/[/\\]/).at(-1) ?? key;
	const id = findProtocol(key)?.id;
	return id ? `${id} (${file})` : file;
}
