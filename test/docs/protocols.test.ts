/** docs/protocols.md, run as written: its module saved as my-vote.mjs, its commands run beside it. */
import {spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {docBlocks, flpOnPath, root} from '../helpers/docs.js';
import {tempDirs} from '../helpers/temp.js';

const fresh = tempDirs('flp-doc-protocols-');
const blocks = docBlocks('protocols.md');

describe('docs/protocols.md, its example as written', () => {
	test('the module analyses and is attacked as the page says: termination breaks, agreement and validity hold', () => {
		const dir = fresh();
		writeFileSync(join(dir, 'my-vote.mjs'), blocks.find(b => b.kind === 'js')!.text);
		const env = flpOnPath(dir);
		const commands = blocks.filter(b => b.kind === 'sh').flatMap(b => b.text.trim().split('\n'));
		expect(commands.map(c => c.split(' ').slice(0, 2).join(' '))).toEqual(['flp analyze', 'flp attack', 'flp check']);
		const run = (command: string) => spawnSync('sh', ['-c', command], {cwd: dir, env, encoding: 'utf8', timeout: 120_000});

		const analyze = run(commands[0]!);
		expect(analyze.stderr).toBe('');
		expect(analyze.status).toBe(0);
		expect(analyze.stdout).toContain('allow: crash');
		expect(analyze.stdout).toContain('label        1');
		expect(analyze.stdout).toContain('termination  breakable');

		const attack = run(commands[1]!);
		expect(attack.stderr).toBe('');
		expect(attack.status).toBe(0);
		expect(attack.stdout).toContain('011     holds          holds          broken (8)');
		expect(attack.stdout).toContain('agreement and validity hold on every run from every input vector.');
		expect(attack.stdout).toContain('The adversary breaks termination.');

		// The level that names the module: checked with --trust, refused without.
		writeFileSync(join(dir, 'my-level.yaml'), blocks.find(b => b.kind === 'yaml')!.text);
		const check = run(commands[2]!);
		expect(check.stderr).toBe('');
		expect(check.stdout).toMatch(/^note {2}my-level\.yaml: names protocol module .*my-vote\.mjs \(sha256 [0-9a-f]{12}\)\nok {4}my-level\.yaml: 0 moves, 1 checkpoint holds, goal break-termination open\n$/);
		expect(check.status).toBe(0);
		const untrusted = run(commands[2]!.replace(' --trust', ''));
		expect(untrusted.status).toBe(2);
		expect(untrusted.stdout).toContain('ERROR my-level.yaml: not run: its protocol module runs only with --trust');
	}, 120_000);

	test('the TypeScript module type-checks against the package\'s types (strict), and a wrong one does not', () => {
		const dir = fresh();
		const ts = blocks.find(b => b.kind === 'ts')!.text;
		writeFileSync(join(dir, 'my-vote.ts'), ts);
		writeFileSync(join(dir, 'wrong.ts'), ts.replace("slots: [{name: 'vote', values: ['0', '1']}],", ''));
		// The package's name resolves to its types entry, as package.json's exports says.
		const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {exports: {'.': {types: string}}};
		expect(pkg.exports['.'].types).toBe('./dist/index.d.ts');
		const tsc = (file: string) => {
			const config = join(dir, `tsconfig.${file}.json`);
			writeFileSync(
				config,
				JSON.stringify({
					compilerOptions: {strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [], paths: {'flp-adversary': [join(root, 'source/index.ts')]}},
					files: [join(dir, file)],
				}),
			);
			return spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', config], {cwd: dir, encoding: 'utf8', timeout: 120_000});
		};

		const good = tsc('my-vote.ts');
		expect(good.stdout).toBe('');
		expect(good.status).toBe(0);
		const wrong = tsc('wrong.ts');
		expect(wrong.status).not.toBe(0);
		expect(wrong.stdout).toContain("Property 'slots' is missing");
	}, 120_000);
});
