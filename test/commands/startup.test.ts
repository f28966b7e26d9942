/**
 * Start-up: a command that draws no screen must not load Ink, React or the layout engine, and
 * the command line loads nothing before a command needs it. Checked on the static imports
 * (`import ... from`, not `import type`) reachable from each command's entry in cli.tsx.
 */
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cliPath = join(root, 'source/cli.tsx');

/** The static imports of a source file: relative ones as files, packages by name. */
function importsOf(file: string): {files: string[]; packages: string[]} {
	const text = readFileSync(file, 'utf8');
	const files: string[] = [];
	const packages: string[] = [];
	const pattern = /^\s*(?:import|export)\s+(?!type\b)(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
	for (const [, spec] of text.matchAll(pattern)) {
		if (spec!.startsWith('.')) {
			const base = join(dirname(file), spec!).replace(/\.js$/, '');
			const found = ['.ts', '.tsx'].map(ext => base + ext).find(path => existsSync(path));
			if (!found) throw new Error(`${relative(root, file)}: cannot resolve ${spec}`);
			files.push(found);
		} else if (!spec!.startsWith('node:')) {
			packages.push(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
		}
	}

	return {files, packages};
}

/** Every source file and package reachable by static imports from `starts`. */
function closure(starts: readonly string[]): {files: Set<string>; packages: Set<string>} {
	const files = new Set<string>();
	const packages = new Set<string>();
	const todo = [...starts];
	while (todo.length > 0) {
		const file = todo.pop()!;
		if (files.has(file)) continue;
		files.add(file);
		const found = importsOf(file);
		for (const p of found.packages) packages.add(p);
		todo.push(...found.files);
	}

	return {files, packages};
}

/** The modules a command's entry in cli.tsx loads by `import()`. */
function entryModules(command: string): string[] {
	const text = readFileSync(cliPath, 'utf8');
	const start = text.indexOf(`\n\t${command}: async`);
	if (start < 0) throw new Error(`cli.tsx has no entry for ${command}`);
	const end = text.slice(start + 1).search(/\n\t(?:[\w]+|'[\w-]*'): async|\n};/);
	const entry = text.slice(start, start + 1 + end);
	const specs = [...entry.matchAll(/import\('([^']+)'\)/g)].map(m => m[1]!);
	return specs.map(spec => join(root, 'source', spec.replace(/\.js$/, '')) + (existsSync(join(root, 'source', spec.replace(/\.js$/, '.ts'))) ? '.ts' : '.tsx'));
}

const SCREEN_PACKAGES = ['ink', 'react', 'yoga-layout'];

describe('start-up', () => {
	test('cli.tsx itself loads only the flag parser: every command is imported when it runs', () => {
		const {files, packages} = closure([cliPath]);
		expect([...packages]).toEqual([]);
		expect([...files].map(f => relative(root, f)).sort()).toEqual(['source/cli-flags.ts', 'source/cli.tsx', 'source/files/escape.ts']);
	});

	for (const command of ['analyze', 'check', 'schema', 'results']) {
		test(`${command} loads no Ink, React or screen`, () => {
			const modules = entryModules(command);
			expect(modules.length).toBeGreaterThan(0);
			const {files, packages} = closure(modules);
			expect([...packages].filter(p => SCREEN_PACKAGES.includes(p))).toEqual([]);
			const screens = [...files].map(f => relative(root, f)).filter(f => f.endsWith('.tsx') || (f.startsWith('source/ui/') && f !== 'source/ui/theme.ts'));
			expect(screens).toEqual([]);
		});
	}

	test('the game and the challenge do load Ink (the check above would see it)', () => {
		for (const command of ['play', 'challenge']) {
			expect(closure(entryModules(command)).packages).toContain('ink');
		}
	});
});
