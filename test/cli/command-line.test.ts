import {describe, expect, test} from 'vitest';
import {COMMANDS, parseCommandLine} from '../../source/cli-flags.js';
import {runCommandLine} from '../../source/cli.js';
import {runCli} from '../helpers/run-cli.js';

const run = async (...argv: string[]) => {
	const result = await runCommandLine(argv, false);
	if (!result) throw new Error('opened a screen');
	return result;
};

describe('--help and -h on every command (issue 20 point 5)', () => {
	const named = COMMANDS.filter(c => c.name !== '' && c.name !== 'help').map(c => c.name);
	test.each(named.flatMap(name => [[name, '--help'], [name, '-h']]))('flp %s %s prints its own usage and exits 0', async (name, flag) => {
		const result = await run(...name.split(' '), flag);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toContain(`$ flp ${name}`);
	});

	test('help wins over other arguments and bad flags', async () => {
		expect((await run('challenge', 'lab.yaml', '--seed', 'x', '--help')).stdout).toContain('--player NAME');
		expect((await run('analyze', '--nodes', '--help')).code).toBe(0);
	});

	test('flp --help and flp help list every listed command; flp help CMD is CMD --help', async () => {
		const main = await run('--help');
		for (const c of COMMANDS.filter(c => c.listed !== false && c.name)) expect(main.stdout).toContain(`$ flp ${c.name}`);
		expect(await run('help', 'results', 'verify')).toEqual(await run('results', 'verify', '--help'));
		expect(await run('help', 'nope')).toEqual({code: 2, stdout: '', stderr: 'flp: no command "nope" (see flp --help)\n'});
	});

	test('an unknown command with --help is still an unknown command', async () => {
		expect(await run('analyse', '--help')).toEqual({code: 2, stdout: '', stderr: 'flp: unknown command "analyse" (see flp --help)\n'});
	});
});

describe('flags (issue 26 point 4): every usage error is one line, exit 2', () => {
	test.each([
		[['analyze', '--nodes', '3', '--nodes', '4'], '--nodes is given twice; give it once'],
		[['results', 'verify', 'r.json', '--challenge', 'a', '--challenge', 'b'], '--challenge is given twice; give it once'],
		[['analyze', '--json', '--json'], '--json is given twice; give it once'],
		[['analyze', '--f', ''], '--f needs a number (F)'],
		[['challenge', 'c.yaml', '--seed', ''], '--seed needs a number (N)'],
		[['challenge', 'c.yaml', '--seed', '99999999999999999999'], '--seed must be a whole number from 0 to 4294967295'],
		[['challenge', 'c.yaml', '--seed', '4294967296'], '--seed must be a whole number from 0 to 4294967295'],
		[['challenge', 'c.yaml', '--seed', '-1'], '--seed must be a whole number from 0 to 4294967295'],
		[['analyze', '--nodes', '2.5'], '--nodes must be a whole number from 0 to 1000'],
		[['analyze', '--nodes', '1e3'], '--nodes must be a whole number from 0 to 1000'],
		[['analyze', '--nodes', 'three'], '--nodes needs a number'],
		[['analyze', '--budget-ms', '0'], `--budget-ms must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}`],
		[['analyze', '--protocol', ''], '--protocol needs a value (ID)'],
		[['analyze', '--protocol', '   '], '--protocol needs a value (ID)'],
		[['analyze', '--protocol'], '--protocol needs a value (ID)'],
		[['analyze', '--json=yes'], '--json takes no value'],
		[['analyze', '--protcol', 'quorum'], 'unknown flag --protcol (see flp analyze --help)'],
		[['analyze', '--budgetMs', '5'], 'unknown flag --budgetMs (did you mean --budget-ms?) (see flp analyze --help)'],
		[['analyze', '-x'], 'unknown flag -x (see flp analyze --help)'],
		[['check', 'a.yaml', '--json'], 'check does not take --json (see flp check --help)'],
		[['--seed', '3'], 'the game does not take --seed (see flp --help)'],
		[['analyze', '--\u001b[2Jx'], 'unknown flag --\\x1b[2Jx (see flp analyze --help)'],
	])('%j: %s', async (argv, message) => {
		expect(await run(...argv)).toEqual({code: 2, stdout: '', stderr: `flp: ${message}\n`});
	});

	test('a value may start with -, as a move list in YAML style does', async () => {
		const result = await run('analyze', '--protocol', 'quorum', '--nodes', '3', '--inputs', '011', '--allow', 'crash', '--moves', '- start 1', '--json');
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({label: 'ambiguous'});
	});

	test('--flag=value and --flag value are the same; -- ends the flags', () => {
		expect(parseCommandLine(['analyze', '--nodes=3', '--moves=-x'])).toMatchObject({ok: true, value: {flags: {nodes: 3, moves: '-x'}}});
		expect(parseCommandLine(['check', '--', '--odd.yaml'])).toMatchObject({ok: true, value: {command: 'check', args: ['--odd.yaml']}});
	});

	test('the command is the longest known name: results verify, then results', () => {
		expect(parseCommandLine(['results', 'verify', 'a.json'])).toMatchObject({ok: true, value: {command: 'results verify', args: ['a.json']}});
		expect(parseCommandLine(['results', 'nonsense'])).toMatchObject({ok: true, value: {command: 'results', args: ['nonsense']}});
	});
});

describe('the real command', () => {
	test('a repeated flag is one line and exit 2, not a stack trace', () => {
		expect(runCli(['analyze', '--nodes', '3', '--nodes', '4'])).toEqual({code: 2, stdout: '', stderr: 'flp: --nodes is given twice; give it once\n'});
	});

	test('flp challenge --help prints the challenge usage, exit 0', () => {
		const result = runCli(['challenge', '--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('$ flp challenge FILE [--player NAME] [--seed N] [--out PATH]');
	});
});
