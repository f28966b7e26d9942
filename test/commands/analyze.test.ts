import {describe, expect, test} from 'vitest';
import {runAnalyzeCommand} from '../../source/commands/analyze.js';
import {evaluate, outcomesOf} from '../../source/engine/outcomes.js';
import {game} from '../helpers/games.js';
import {runCli} from '../helpers/run-cli.js';

/** A clock that advances 1 ms per reading. */
const ticking = (): (() => number) => {
	let t = 0;
	return () => t++;
};

const sketch = {
	protocol: 'quorum',
	nodes: 3,
	inputs: '011',
	allow: 'crash',
	moves: 'start 2; start 3; 1<2:vote=1',
} as const;

describe('flp analyze, as a function', () => {
	test('prints exactly one JSON object with the label, outcomes, flags, star and witnesses', async () => {
		const result = await runAnalyzeCommand({...sketch, target: '2<3:vote=1', json: true}, ticking());
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		const report = JSON.parse(result.stdout);
		expect(Object.keys(report)).toEqual(['label', 'outcomes', 'flags', 'star', 'witnesses', 'complete', 'states', 'ms']);
		expect(report).toMatchObject({
			label: 'ambiguous',
			outcomes: ['zero', 'one', 'split', 'invalid'],
			flags: {agreement: true, termination: false, validity: true},
			star: 'ambiguous',
			complete: true,
		});
		expect(Object.keys(report.witnesses)).toEqual(['zero', 'one', 'split', 'invalid']);
		// The witness for one really ends quiescent with every honest node at 1.
		const end = game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']}, [sketch.moves, ...report.witnesses.one].join(';'));
		expect(end.pool).toEqual([]);
		expect(outcomesOf(evaluate(end))).toContain('one');
		expect(report.states).toBeGreaterThan(0);
	});

	test('star is null without a target', async () => {
		const report = JSON.parse((await runAnalyzeCommand({...sketch, json: true}, ticking())).stdout);
		expect(report.star).toBeNull();
	});

	test('the human report names label, flags, the starred target and the witnesses', async () => {
		const {stdout} = await runAnalyzeCommand({...sketch, target: '2<1:vote=0'}, ticking());
		expect(stdout).toContain('label        ambiguous\n');
		expect(stdout).toContain('outcomes     zero, one, split, invalid\n');
		expect(stdout).toContain('termination  holds\n');
		expect(stdout).toContain('target       2<1:vote=0  →  0*\n');
		expect(stdout).toMatch(/\n {2}zero {5}\S/);
	});

	test('a cut-short search answers unknown and says it is not complete', async () => {
		const report = JSON.parse(
			(await runAnalyzeCommand({protocol: 'wait-all', nodes: 3, inputs: '001', budgetStates: 5, json: true}, ticking())).stdout,
		);
		expect(report).toMatchObject({label: 'unknown', complete: false, states: 5});
	});

	test('the time budget comes from the clock it is given', async () => {
		let t = 0;
		const clock = (): number => (t += 1000);
		const report = JSON.parse(
			(await runAnalyzeCommand({protocol: 'ben-or', nodes: 3, inputs: '100', allow: 'crash', rounds: 2, budgetMs: 1500, json: true}, clock)).stdout,
		);
		expect(report.complete).toBe(false);
		expect(report.label).toBe('unknown');
	});

	test.each([
		[{...sketch, protocol: 'raft'}, 'flp: unknown protocol "raft" (choose wait-all, quorum, leader, ben-or, two-phase-commit, paxos, or a module\'s path)\n'],
		[{...sketch, inputs: '01'}, 'flp: inputs "01" has 2 bits but n = 3\n'],
		[{...sketch, allow: 'crash,evil'}, 'flp: unknown behaviour "evil" in --allow (use none, or a list of crash, lie, byzantine)\n'],
		[{...sketch, moves: 'start 1; 2<3:vote=1'}, 'flp: --moves: move 2: 2<3:vote=1: no such message is pending\n'],
		[{...sketch, moves: 'start 1; corrupt 1 as byzantine'}, 'flp: --moves: move 2: corrupt 1 as byzantine: byzantine is not allowed here (allowed: crash)\n'],
		[{...sketch, target: 'start 2'}, 'flp: --target: "start 2" is not pending after the moves\n'],
		[{...sketch, target: 'corrupt 1 as crash'}, 'flp: --target: "corrupt 1 as crash" is not a delivery\n'],
		[{...sketch, f: 3}, 'flp: f must be a whole number from 0 to 2, not 3\n'],
		[{...sketch, budgetStates: 0}, 'flp: --budget-states must be a whole number ≥ 1\n'],
		[{protocol: 'quorum', nodes: 3}, 'flp: missing --inputs (one bit per node, like 011)\n'],
	])('bad input %# is one line on stderr, exit 2, nothing on stdout', async (options, message) => {
		expect(await runAnalyzeCommand(options, ticking())).toEqual({code: 2, stdout: '', stderr: message});
	});
});

describe('the real flp command', () => {
	test('flp analyze --json prints one JSON object', () => {
		const run = runCli(['analyze', '--protocol', 'wait-all', '--nodes', '3', '--inputs', '001', '--json']);
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout)).toMatchObject({label: 'ambiguous', outcomes: ['zero', 'one', 'split', 'stuck']});
	});

	test('an unknown flag is refused in one line', () => {
		const run = runCli(['analyze', '--protcol', 'quorum']);
		expect(run).toEqual({code: 2, stdout: '', stderr: 'flp: unknown flag --protcol (see flp analyze --help)\n'});
	});

	test('a flag that needs a number and gets none is refused', () => {
		const run = runCli(['analyze', '--protocol', 'quorum', '--nodes', 'three', '--inputs', '011']);
		expect(run).toEqual({code: 2, stdout: '', stderr: 'flp: --nodes needs a number\n'});
	});

	test('an unknown command is refused', () => {
		expect(runCli(['analyse'])).toEqual({code: 2, stdout: '', stderr: 'flp: unknown command "analyse" (see flp --help)\n'});
	});
});

test('flp --help says what the program is once, then how to use it', () => {
	const run = runCli(['--help']);
	expect(run.code).toBe(0);
	expect(run.stdout.match(/Play the adversary of the FLP impossibility proof/g)).toHaveLength(1);
	expect(run.stdout).toContain('$ flp analyze [options]');
});
