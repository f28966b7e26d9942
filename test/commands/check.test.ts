import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {runCheck, runReplayPrint} from '../../source/commands/check.js';
import {runCli} from '../helpers/run-cli.js';
import {tempDirs} from '../helpers/temp.js';

const clock = (): number => 0;
const dir = tempDirs('flp-check-')();
const file = (name: string, lines: string[]): string => {
	const path = join(dir, name);
	writeFileSync(path, `${lines.join('\n')}\n`);
	return path;
};

const base = ['format: 1', 'protocol: leader', 'nodes: 3', 'inputs: "011"', 'allow: [crash]', 'goal: break-termination'];
const good = file('good.yaml', [...base, 'moves: [corrupt 1 as crash, start 1, start 2, start 3]', 'expect:', '  - {after: 0, label: "0"}', '  - {after: 4, goal: reached, label: none}']);
const wrong = file('wrong.yaml', [...base, 'moves: [start 1]', 'expect:', '  - {after: 1, label: ambiguous}']);
const broken = file('broken.yaml', ['format: 1', 'protocol: leader', 'nodes: 3']);

describe('flp check', () => {
	test('one line per file, exit 0 when every check holds', async () => {
		expect(await runCheck([good], clock)).toEqual({
			code: 0,
			stdout: `ok    ${good}: 4 moves, 2 checkpoints hold, goal break-termination reached\n`,
			stderr: '',
		});
	});

	test('exit 1 when a checkpoint fails, naming the move and why', async () => {
		expect(await runCheck([good, wrong], clock)).toEqual({
			code: 1,
			stdout: `ok    ${good}: 4 moves, 2 checkpoints hold, goal break-termination reached\nFAIL  ${wrong}: after move 1 (start 1): label is 0, expected ambiguous\n`,
			stderr: '',
		});
	});

	test('exit 2 when a file cannot be read or parsed, with the problems on stderr', async () => {
		const result = await runCheck([good, broken, join(dir, 'missing.yaml')], clock);
		expect(result.code).toBe(2);
		expect(result.stdout.split('\n')).toEqual([
			`ok    ${good}: 4 moves, 2 checkpoints hold, goal break-termination reached`,
			`ERROR ${broken}: invalid (see above)`,
			`ERROR ${join(dir, 'missing.yaml')}: cannot be read`,
			'',
		]);
		expect(result.stderr).toBe(
			`${broken}:1:1: inputs: missing field "inputs" (one bit per node in quotes, like "011", or choose)\n${join(dir, 'missing.yaml')}: cannot read it (no such file)\n`,
		);
	});
});

describe('flp replay --print', () => {
	test('prints one line per move with label, starred label and what can still break', () => {
		expect(runReplayPrint(good, clock).stdout).toBe(
			[
				'good.yaml: leader  n=3 f=1  inputs 011  allow: crash', // untitled: its file name, never "Level"
				'  k  move                     label       star         can still break',
				'  0  (start)                  0           0*           ⚠stuck,invalid',
				'  1  corrupt 1 as crash       none        none*        ⚠stuck',
				'  2  start 1                  none        none*        ⚠stuck',
				'  3  start 2                  none        none*        ⚠stuck',
				'  4  start 3                  none        -            ⚠stuck',
				'goal break-termination: reached: Broken in 4 moves.',
				'',
			].join('\n'),
		);
	});
});

describe('the real command line', () => {
	test('flp check on the shipped solutions passes', () => {
		const run = runCli(['check', 'scenarios/solutions/08-lemma2-stall.yaml', 'scenarios/solutions/10-diamond-order.yaml']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('goal stall reached');
	});

	test('flp schema prints the JSON Schema', () => {
		const run = runCli(['schema']);
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout).required).toEqual(['format', 'protocol', 'nodes', 'inputs']);
	});

	test('flp play with a bad file says what is wrong and exits 2', () => {
		const run = runCli(['play', broken]);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('missing field "inputs"');
	});
});
