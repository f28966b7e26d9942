/**
 * The fuzz suite (issue 26): mutated scenario, challenge and result files through every command
 * that reads them, and random command lines for every command, run in-process. For every input:
 * exit code 0, 1 or 2; on failure, lines naming the file (with line:col when the file was read
 * and is not valid); never a stack trace or an exception. `npm test` runs a few cases of each;
 * `npm run fuzz` runs many (FLP_FUZZ_RUNS, default here 12).
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import fc from 'fast-check';
import {parse} from 'yaml';
import {afterAll, describe, expect, test} from 'vitest';
import {runCommandLine} from '../../source/cli.js';
import type {CommandResult} from '../../source/commands/result.js';
import {CHALLENGE, SCENARIOS, commandLine, mutatedText, readTexts, shippedResult} from './inputs.js';

const RUNS = Number(process.env['FLP_FUZZ_RUNS'] ?? 12);
const LONG = process.env['FLP_FUZZ_RUNS'] !== undefined;
const dir = mkdtempSync(join(tmpdir(), 'flp-fuzz-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** A clock that jumps 5 s at every reading: every analysis budget (60 s) runs out within a dozen polls. */
const jumpy = (): (() => number) => {
	let t = 0;
	return () => (t += 5000);
};

const run = async (argv: string[]): Promise<CommandResult> => {
	const result = await runCommandLine(argv, false, jumpy());
	if (!result) throw new Error(`flp ${argv.join(' ')} opened a screen`);
	return result;
};

const STACK = /^\s+at \S|^(?:TypeError|RangeError|ReferenceError|SyntaxError|Error)\b|\bat .*\.[jt]sx?:\d+:\d+/m;

function sane(result: CommandResult, label: string): void {
	expect([0, 1, 2], `${label}: exit ${result.code}`).toContain(result.code);
	expect(result.stderr, label).not.toMatch(STACK);
	expect(result.stdout, label).not.toMatch(STACK);
}

/** Every problem line names the file, and line:col when the file was read. */
function namesFile(stderr: string, path: string, label: string): void {
	for (const line of stderr.split('\n').filter(Boolean)) {
		expect(line.startsWith(`${path}:`) || line.startsWith('flp: '), `${label}: ${line}`).toBe(true);
		if (line.startsWith(`${path}:`)) expect(line.slice(path.length), `${label}: ${line}`).toMatch(/^:\d+:\d+: \S|^: cannot read it \(/);
	}
}

const scenarioTexts = readTexts(SCENARIOS);
const challengeText = readTexts([CHALLENGE]);
const resultText = shippedResult();
let counter = 0;
const write = (text: string, extension: string): string => {
	const path = join(dir, `input-${counter++}${extension}`);
	writeFileSync(path, text, 'latin1');
	return path;
};

// A challenge's `file:` entries are relative to the challenge: the copies name the shipped levels.
const absoluteLevels = (text: string): string => text.replace(/file: (\S+)/g, (_, file: string) => `file: ${resolve('scenarios/challenges', file)}`);
const parseJson = (text: string): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>;
const parseYaml = (text: string): Record<string, unknown> => parse(text) as Record<string, unknown>;

describe('fuzz: files', () => {
	test('mutated scenario files through check, replay --print, play', async () => {
		await fc.assert(
			fc.asyncProperty(mutatedText(scenarioTexts, parseYaml), fc.constantFrom('check', 'replay', 'play'), async (text, command) => {
				const path = write(text, '.yaml');
				const argv = command === 'replay' ? ['replay', path, '--print'] : [command, path];
				const result = await run(argv);
				sane(result, `flp ${argv.join(' ')}`);
				if (result.code === 2) namesFile(result.stderr, path, `flp ${argv.join(' ')}`);
				if (command === 'check') expect(result.stdout).toMatch(/^(ok|FAIL|ERROR) /);
			}),
			{numRuns: RUNS},
		);
	}, LONG ? 0 : 120_000);

	test('mutated challenge files through challenge and results verify', async () => {
		const result = write(resultText, '.json');
		await fc.assert(
			fc.asyncProperty(mutatedText(challengeText.map(absoluteLevels), parseYaml), fc.boolean(), async (text, verify) => {
				const path = write(text, '.yaml');
				const argv = verify ? ['results', 'verify', result, '--challenge', path] : ['challenge', path, '--player', 'ada'];
				const outcome = await run(argv);
				sane(outcome, `flp ${argv.join(' ')}`);
				expect(outcome.code, `flp ${argv.join(' ')}: ${outcome.stderr}`).not.toBe(0); // no terminal: a challenge cannot start
				if (outcome.stderr.startsWith(path)) namesFile(outcome.stderr, path, `flp ${argv.join(' ')}`);
			}),
			{numRuns: RUNS},
		);
	}, LONG ? 0 : 120_000);

	test('mutated result files through results verify and board: one line per file, the good one still verified', async () => {
		const good = write(resultText, '.json');
		await fc.assert(
			fc.asyncProperty(mutatedText([resultText], parseJson), fc.constantFrom('verify', 'board'), async (text, verb) => {
				const path = write(text, '.json');
				const argv = ['results', verb, path, good, '--challenge', resolve(CHALLENGE)];
				const outcome = await run(argv);
				sane(outcome, `flp ${argv.join(' ')}`);
				if (verb === 'verify') {
					// One line per file, whatever the other file holds.
					const lines = outcome.stdout.split('\n').filter(Boolean);
					for (const file of [path, good]) expect(lines.filter(l => l.startsWith(`ok       ${file}:`) || l.startsWith(`REJECTED ${file}:`)), outcome.stdout).toHaveLength(1);
				}
			}),
			{numRuns: RUNS},
		);
	}, LONG ? 0 : 120_000);
});

describe('fuzz: command lines', () => {
	test('random flags and arguments for every command', async () => {
		const paths = {
			scenario: write(scenarioTexts[1]!, '.yaml'),
			challenge: write(absoluteLevels(challengeText[0]!), '.yaml'),
			result: write(resultText, '.json'),
			out: join(dir, 'out.svg'),
		};
		const cwd = process.cwd();
		process.chdir(dir); // anything a command writes lands here
		try {
			await fc.assert(
				fc.asyncProperty(commandLine(paths), async argv => {
					const outcome = await run(argv);
					sane(outcome, `flp ${argv.join(' ')}`);
					if (outcome.code === 2 && outcome.stderr.startsWith('flp: ')) expect(outcome.stderr.trimEnd().split('\n'), `flp ${argv.join(' ')}`).toHaveLength(1);
				}),
				{numRuns: RUNS * 4},
			);
		} finally {
			process.chdir(cwd);
		}
	}, LONG ? 0 : 120_000);
});
