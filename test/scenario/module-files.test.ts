/**
 * Protocol modules named inside files (issue 23): a scenario or challenge file's module runs only
 * with --trust, `flp check` says which module a file runs, a saved game records its module and
 * the module's hash, and a replay on a changed module says so.
 */
import {appendFileSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {runCommandLine} from '../../source/cli.js';
import type {CommandResult} from '../../source/commands/result.js';
import {newSession} from '../../source/engine/session.js';
import {hashFile} from '../../source/protocols/module.js';
import {lookUpProtocol} from '../../source/protocols/registry.js';
import {loadFileModules, moduleReference} from '../../source/scenario/modules.js';
import {saveFile} from '../../source/scenario/save.js';
import {readScenario} from '../../source/scenario/scenario.js';
import {sessionToFile} from '../../source/scenario/save.js';
import {ModuleFolder, voteModule} from '../helpers/module-files.js';
import {runCli} from '../helpers/run-cli.js';

const folder = new ModuleFolder();
afterAll(() => folder.remove());

/** A module and a level on it, in a folder of their own. */
function level(name: string, extra = ''): {module: string; file: string} {
	const module = folder.write(`${name}.mjs`, voteModule());
	const file = folder.write(`${name}.yaml`, `format: 1\ntitle: ${name}\nprotocol: ./${name}.mjs\nnodes: 3\ninputs: "011"\nallow: [crash]\n${extra}`);
	return {module, file};
}

const run = async (...argv: string[]): Promise<CommandResult> => (await runCommandLine(argv, false, () => 0)) as CommandResult;

describe('a scenario file that names a module', () => {
	test('flp check names the module and does not run it without --trust', async () => {
		const {module, file} = level('untrusted');
		const result = await run('check', file);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe(`note  ${file}: names protocol module ${module} (sha256 ${hashFile(module)!.slice(0, 12)})\nERROR ${file}: not run: its protocol module runs only with --trust\n`);
		expect(result.stderr).toContain(`${file}: names a protocol module, code that would run on this machine: ${module}`);
		expect(result.stderr).toContain('--trust');
	});

	test('with --trust it runs: moves are checked against the module', async () => {
		const {file} = level('trusted', 'moves:\n  - start 1\n  - 2<1:vote=0\n');
		const result = await run('check', '--trust', file);
		expect(result.stdout.split('\n')[1]).toBe(`ok    ${file}: 2 moves, 0 checkpoints hold`);
		expect(result.code).toBe(0);
		// An illegal move is found too: the module is the game's rules.
		const bad = folder.write('trusted-bad.yaml', readFileSync(file, 'utf8').replace('2<1:vote=0', '2<1:vote=1'));
		const refused = await run('check', '--trust', bad);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/trusted-bad\.yaml:\d+:\d+: moves\[1\]:/);
	});

	test('a module that is not there is reported at its line', async () => {
		const file = folder.write('missing.yaml', 'format: 1\nprotocol: ./nowhere.mjs\nnodes: 3\ninputs: "011"\n');
		const result = await run('check', '--trust', file);
		expect(result.code).toBe(2);
		expect(result.stdout).toContain('names protocol module');
		expect(result.stderr).toBe(`${file}:2:11: protocol: no protocol module at ${join(folder.dir, 'nowhere.mjs')}\n`);
	});

	test('without a loaded module, reading the file says how to allow it', async () => {
		const {file} = level('unread');
		const read = readScenario(file);
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.message).toMatch(/unread\.yaml:3:11: protocol: the protocol module .*unread\.mjs is code that would run on this machine: it runs only with --trust/);
	});

	test('loadFileModules asks, and a no leaves the module unloaded', async () => {
		const {module, file} = level('asked');
		const asked: string[] = [];
		const refused = await loadFileModules([file], {trusted: false, ask: async (path, hash) => (asked.push(`${path} ${hash}`), false)});
		expect(asked).toEqual([`${module} ${hashFile(module)}`]);
		expect(refused.ok).toBe(false);
		expect(readScenario(file).ok).toBe(false);
		const allowed = await loadFileModules([file], {trusted: false, ask: async () => true});
		expect(allowed.ok && allowed.value.map(m => m.path)).toEqual([module]);
		expect(readScenario(file).ok).toBe(true);
	});
});

describe('saving and replaying a game on a module', () => {
	test('the save names the module relative to it when beside it, with its hash; replay warns once it changed', async () => {
		const {module, file} = level('saved');
		expect((await loadFileModules([file], {trusted: true})).ok).toBe(true);
		const session = newSession({protocol: module, n: 3, inputs: '011', f: 1, allow: ['crash']}, lookUpProtocol);
		expect(session.ok).toBe(true);
		if (!session.ok) return;
		const game = join(folder.dir, 'game.yaml');
		expect(saveFile(sessionToFile(session.value), game).ok).toBe(true);
		const text = readFileSync(game, 'utf8');
		expect(text).toContain('protocol: ./saved.mjs\n');
		expect(text).toContain(`protocolHash: ${hashFile(module)}\n`);
		const read = readScenario(game);
		expect(read.ok && read.value.warnings).toEqual([]);
		expect(read.ok && read.value.file.protocol).toBe(module);

		// This process runs the module as loaded (the saved one); a new process loads the changed file.
		appendFileSync(module, '// changed\n');
		expect(readScenario(game).ok && (readScenario(game) as {value: {warnings: unknown}}).value.warnings).toEqual([]);
		const printed = runCli(['replay', game, '--print', '--trust']);
		expect(printed.code).toBe(0);
		expect(printed.stderr).toBe(`warning: ${game}: the protocol module ${module} has changed since this game was saved (its hash differs): its moves may play differently\n`);
		expect(printed.stdout).toContain('my-vote  n=3 f=1  inputs 011');
	});

	test('a module elsewhere is named by its absolute path', () => {
		expect(moduleReference('/opt/protocols/mine.js', '/home/ada/games/g.yaml')).toBe('/opt/protocols/mine.js');
		expect(moduleReference('/home/ada/games/p/mine.js', '/home/ada/games/g.yaml')).toBe('./p/mine.js');
	});

	test('replay without --trust refuses and names the module', async () => {
		const {module} = level('replayed');
		const game = folder.write('replayed-game.yaml', `format: 1\nprotocol: ./replayed.mjs\nnodes: 3\ninputs: "011"\nmoves: [start 1]\n`);
		const result = await run('replay', game, '--print');
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(module);
	});
});

describe('a challenge whose level names a module', () => {
	test('challenge check and results verify refuse without --trust, and note the module with it', async () => {
		const {module} = level('class');
		const challenge = folder.write('class-challenge.yaml', `format: 1\nid: class\ntitle: Class\ntimeLimit: 60\nlevels:\n  - file: ./class.yaml\n`);
		writeFileSync(join(folder.dir, 'class.yaml'), readFileSync(join(folder.dir, 'class.yaml'), 'utf8').replace('allow: [crash]', 'allow: [crash]\ngoal: break-termination'));
		const refused = await run('challenge', 'check', challenge);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain(`names a protocol module, code that would run on this machine: ${module}`);
		const verify = await run('results', 'verify', '--challenge', challenge, 'none.json');
		expect(verify.code).toBe(2);
		expect(verify.stderr).toContain(module);

		const checked = await run('challenge', 'check', challenge, '--trust');
		expect(checked.stderr).toContain(`note: ${join(folder.dir, 'class.yaml')}: names protocol module ${module}`);
	});
});

describe('the command line', () => {
	test('--protocol opens the sandbox: a file with it is a usage error', async () => {
		const result = await run('play', 'x.yaml', '--protocol', 'quorum');
		expect(result).toEqual({code: 2, stdout: '', stderr: 'flp: --protocol opens the sandbox on a protocol: give it without a file (a file names its own protocol)\n'});
	});

	test('--protocol with a module that does not load is one line, exit 2', async () => {
		const broken = folder.write('broken.mjs', 'export default {id: "broken"};\n');
		const result = await run('play', '--protocol', broken);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(`flp: ${broken}: protocol broken has no instantiate(n, f, params) function\n`);
	});
});
