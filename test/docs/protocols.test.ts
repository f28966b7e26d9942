/** docs/protocols.md, run as written: its module saved as my-vote.mjs, its commands run beside it. */
import {spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {docBlocks, flpOnPath} from '../helpers/docs.js';
import {tempDirs} from '../helpers/temp.js';

const fresh = tempDirs('flp-doc-protocols-');
const blocks = docBlocks('protocols.md');

describe('docs/protocols.md, its example as written', () => {
	test('the module analyses and is attacked as the page says: termination breaks, agreement and validity hold', () => {
		const dir = fresh();
		writeFileSync(join(dir, 'my-vote.mjs'), blocks.find(b => b.kind === 'js')!.text);
		const env = flpOnPath(dir);
		const commands = blocks.filter(b => b.kind === 'sh').flatMap(b => b.text.trim().split('\n'));
		expect(commands.map(c => c.split(' ').slice(0, 2).join(' '))).toEqual(['flp analyze', 'flp attack']);
		const run = (command: string) => spawnSync('sh', ['-c', command], {cwd: dir, env, encoding: 'utf8', timeout: 120_000});

		const analyze = run(commands[0]!);
		expect(analyze.stderr).toBe('');
		expect(analyze.status).toBe(0);
		expect(analyze.stdout).toContain('label        ambiguous');

		const attack = run(commands[1]!);
		expect(attack.stderr).toBe('');
		expect(attack.status).toBe(0);
		expect(attack.stdout).toContain('011     holds          holds          broken (8)');
		expect(attack.stdout).toContain('agreement and validity hold on every run from every input vector.');
		expect(attack.stdout).toContain('The adversary breaks termination.');
	}, 120_000);
});
