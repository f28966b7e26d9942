/** Protocol modules loaded from files through the command line, as a user would: good, wrong and broken ones. */
import {afterAll, describe, expect, test} from 'vitest';
import {runCli} from '../helpers/run-cli.js';
import type {CommandResult} from '../../source/commands/result.js';
import {runAnalyzeCommand} from '../../source/commands/analyze.js';
import {ModuleFolder, voteModule} from '../helpers/module-files.js';

const folder = new ModuleFolder();
afterAll(() => folder.remove());

/** `flp analyze --protocol P --nodes 3 --inputs I --allow A [--json]`, in this process. */
const run = async (protocol: string, inputs = '011', allow = 'crash', json = true): Promise<CommandResult> =>
	runAnalyzeCommand({protocol, nodes: 3, inputs, allow, json}, () => performance.now());

const analyze = async (protocol: string, inputs = '011', allow = 'crash') => run(protocol, inputs, allow);

const verdict = (stdout: string) => {
	const {label, outcomes, flags, complete} = JSON.parse(stdout) as Record<string, unknown>;
	return {label, outcomes, flags, complete};
};

/** One line on stderr, exit 2, nothing on stdout, and never a stack trace. */
function expectOneLine(run: {code: number | null; stdout: string; stderr: string}, ...parts: string[]): void {
	expect(run.code).toBe(2);
	expect(run.stdout).toBe('');
	expect(run.stderr.trim().split('\n')).toHaveLength(1);
	expect(run.stderr).not.toMatch(/\n\s+at /);
	for (const part of parts) expect(run.stderr).toContain(part);
}

describe('a good module', () => {
	test('analyses like the built-in it copies (quorum), with and without declarations', async () => {
		const plain = folder.write('vote.mjs', voteModule());
		const declared = folder.write('vote-declared.mjs', voteModule('orderFree: true, role: () => 0, closed: node => node.output !== null,'));
		const builtIn = await analyze('quorum');
		expect(builtIn.code).toBe(0);
		for (const path of [plain, declared]) {
			const result = await analyze(path);
			expect(result.stderr).toBe('');
			expect(verdict(result.stdout)).toEqual(verdict(builtIn.stdout));
		}

		expect(JSON.parse((await analyze(declared)).stdout).declarations).toMatchObject({keep: {closed: true, orderFree: true, role: true}, notes: []});
	});

	test('through the real command line, and a CommonJS file loads too', () => {
		const cjs = folder.write('vote.cjs', voteModule().replace('export default', 'module.exports ='));
		const result = runCli(['analyze', '--protocol', cjs, '--nodes', '3', '--inputs', '011', '--allow', 'crash']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^my-vote {2}n=3 f=1 {2}inputs 011 {2}allow: crash\n/);
		expect(result.stdout).toContain('label        ambiguous');
	});
});

describe('wrong declarations are found, reported with a counterexample, and not used', () => {
	const firstWins = (declarations: string) =>
		`export default {id: 'first-wins', title: 'first value heard', instantiate: () => ({
			slots: [{name: 'value', values: ['0', '1']}], initialLocal: [],
			start(node) { node.broadcast(0, node.input); },
			receive(node, from, slot, value) { if (node.output === null) node.decide(value); },
			${declarations}
		})};`;
	const honest = folder.write('first-wins.mjs', firstWins(''));

	test.each([
		['orderFree', 'orderFree: true,', /orderFree does not hold: at inputs \d+ after .*"(\d)<\d:value=\d; \1<\d:value=\d" and "\1<\d:value=\d; \1<\d:value=\d" leave different states/],
		['closed', 'closed: () => true,', /closed does not hold: at inputs \d+ after .*yet ".*" changed its state/],
	])('%s', async (name, declarations, pattern) => {
		const path = folder.write(`first-wins-${name}.mjs`, firstWins(declarations));
		const human = await run(path, '011', 'crash', false);
		expect(human.code).toBe(0);
		expect(human.stdout).toMatch(pattern);
		expect(human.stdout).toContain('the analysis runs without');
		expect(verdict((await analyze(path)).stdout)).toEqual(verdict((await analyze(honest)).stdout));
	});

	test('role: node 1 plays another part than the others', async () => {
		const path = folder.write('leader-role.mjs', `export default {id: 'follow', title: 'follow node 1', instantiate: () => ({
			slots: [{name: 'value', values: ['0', '1']}], initialLocal: [],
			start(node) { if (node.self === 1) { node.decide(node.input); node.broadcast(0, node.input); } },
			receive(node, from, slot, value) { if (from === 1 && node.output === null) node.decide(value); },
			role: () => 0,
		})};`);
		const result = await analyze(path, '111');
		expect(result.code).toBe(0);
		const {declarations} = JSON.parse(result.stdout);
		expect(declarations.keep.role).toBe(false);
		expect(declarations.notes[0]).toMatch(/^role does not hold: at inputs \d+ after .*, nodes 1 and \d share role 0 and input \d/);
		expect(verdict(result.stdout)).toEqual(verdict((await analyze('leader', '111')).stdout));
	});
});

describe('broken modules: one clear line, exit 2', () => {
	test.each([
		['no default export', 'export const x = 1;', 'no default export that is a protocol'],
		['no instantiate', "export default {id: 'x', title: 'x'};", 'has no instantiate'],
		['no start', voteModule().replace('start(node)', 'begin(node)'), 'has no start(node) function'],
		['a slot with no values', voteModule().replace("values: ['0', '1']", 'values: []'), 'slot vote has no values'],
		['decide(2)', voteModule().replace('node.decide(2 * ones > count ? 1 : 0)', 'node.decide(2)'), 'decide(2): an output is 0 or 1'],
		['a value out of range', voteModule().replace('node.broadcast(0, node.input)', 'node.broadcast(0, 5)'), 'broadcast value 5 in slot vote, which carries 0..1'],
		['local state that does not fit', voteModule().replace('initialLocal: [],', 'initialLocal: [0],').replace('receive(node) {', 'receive(node) { node.local[0] = 300;'), 'local[0] = 300'],
		['a step that throws', voteModule().replace('receive(node) {', 'receive(node) { null.x;'), 'threw TypeError'],
		['not deterministic', voteModule('', 'let calls = 0;').replace('receive(node) {', 'receive(node) { if (++calls % 3 === 0) node.broadcast(0, 1 - node.input);'), 'not deterministic: at inputs'],
		['a syntax error', 'export default {', 'cannot load it'],
	])('%s', async (name, text, part) => {
		const path = folder.write(`${name.replace(/\W+/g, '-')}.mjs`, text);
		expectOneLine(await analyze(path), path, part);
	});

	test('a step that throws names the protocol, the node and the move', async () => {
		const path = folder.write('throws.mjs', voteModule().replace('receive(node) {', "receive(node) { if (node.self === 2) throw new Error('boom');"));
		expectOneLine(await analyze(path), 'protocol my-vote', 'node 2 on 2<', 'threw Error: boom');
	});

	test('a missing file', async () => {
		expectOneLine(await analyze(`${folder.dir}/nothing.mjs`), `protocol module ${folder.dir}/nothing.mjs: cannot read it (no such file)`);
	});

	test('a module bigger than the file limit, or a FIFO, is refused before it is imported (issue 26)', async () => {
		const big = folder.write('big.mjs', `${voteModule()}\n//${'x'.repeat(1024 * 1024)}\n`);
		expectOneLine(await analyze(big), `protocol module ${big}: cannot read it (bigger than 1.0 MB, the most flp reads from one file)`);
		const fifo = `${folder.dir}/fifo.mjs`;
		const {spawnSync} = await import('node:child_process');
		if (spawnSync('mkfifo', [fifo]).status !== 0) return;
		expectOneLine(await analyze(fifo), `protocol module ${fifo}: cannot read it (a FIFO (named pipe), not a regular file)`);
	});

	test('through the real command line: one line, exit 2', () => {
		const path = folder.write('cli-broken.mjs', voteModule().replace('node.broadcast(0, node.input)', 'node.broadcast(3, 0)'));
		const result = runCli(['analyze', '--protocol', path, '--nodes', '3', '--inputs', '011']);
		expectOneLine(result, 'flp: ', 'broadcast to slot 3, but the slots are 0..0');
	});
});
