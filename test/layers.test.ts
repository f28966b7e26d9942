import {readFileSync, readdirSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';

// Layers point one way: the engine is pure (it imports no protocol, no screen, no command, no
// file or process access, no React), and the scenario code imports no screen.
const SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), '../source');

/** What each layer (a folder under source/) may not import: folders of source/, or packages. */
const FORBIDDEN: Record<string, {readonly folders: readonly string[]; readonly packages: RegExp}> = {
	engine: {folders: ['protocols', 'ui', 'commands', 'scenario', 'worker', 'challenge', 'bench'], packages: /^(node:|react$|ink$|ink-|yaml$|meow$)/},
	scenario: {folders: ['ui', 'commands'], packages: /^(react$|ink$|ink-)/},
};

/** The modules a source file imports or re-exports (static and dynamic). */
function importsOf(text: string): string[] {
	const found: string[] = [];
	for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) {
		found.push(match[1] ?? match[2] ?? match[3]!);
	}

	return found;
}

/** Every way `file` (a path under source/) breaks its layer's rule, as "file imports module". */
function violations(file: string, text: string): string[] {
	const layer = relative(SOURCE, file).split(/[\\/]/)[0]!;
	const rule = FORBIDDEN[layer];
	if (!rule) return [];
	return importsOf(text)
		.filter(module => {
			if (!module.startsWith('.')) return rule.packages.test(module);
			const target = relative(SOURCE, resolve(dirname(file), module)).split(/[\\/]/)[0]!;
			return rule.folders.includes(target);
		})
		.map(module => `${relative(SOURCE, file)} imports ${module}`);
}

function sourceFiles(folder: string): string[] {
	return readdirSync(folder, {withFileTypes: true}).flatMap(entry => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.tsx?$/.test(entry.name) ? [path] : [];
	});
}

describe('layers point one way', () => {
	test('no file under engine/ imports protocols/, ui/, commands/ or node:fs, and none under scenario/ imports ui/', () => {
		const files = Object.keys(FORBIDDEN).flatMap(layer => sourceFiles(join(SOURCE, layer)));
		expect(files.length).toBeGreaterThan(20);
		expect(files.flatMap(file => violations(file, readFileSync(file, 'utf8')))).toEqual([]);
	});

	test('the check sees each kind of forbidden import', () => {
		// The rule above must be able to fail: each of these lines breaks it.
		const engineFile = join(SOURCE, 'engine', 'packed', 'example.ts');
		expect(violations(engineFile, "import {lookUpProtocol} from '../../protocols/registry.js';")).toEqual(['engine/packed/example.ts imports ../../protocols/registry.js']);
		expect(violations(join(SOURCE, 'engine', 'x.ts'), "import type {Colour} from '../ui/theme.js';")).toHaveLength(1);
		expect(violations(join(SOURCE, 'engine', 'x.ts'), "export {run} from '../commands/check.js';")).toHaveLength(1);
		expect(violations(join(SOURCE, 'engine', 'x.ts'), "import {readFileSync} from 'node:fs';")).toHaveLength(1);
		expect(violations(join(SOURCE, 'engine', 'x.ts'), "const m = await import('../protocols/leader.js');")).toHaveLength(1);
		expect(violations(join(SOURCE, 'scenario', 'x.ts'), "import type {\n\tSANDBOX,\n} from '../ui/level.js';")).toHaveLength(1);
		// And these do not.
		expect(violations(join(SOURCE, 'engine', 'x.ts'), "import {ok} from './types.js';\nimport type {Protocol} from './protocol.js';")).toEqual([]);
		expect(violations(join(SOURCE, 'scenario', 'x.ts'), "import {readFileSync} from 'node:fs';\nimport {newSession} from '../engine/session.js';")).toEqual([]);
	});
});
