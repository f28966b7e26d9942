import {describe, expect, test} from 'vitest';
import {runCommandLine} from '../../source/cli.js';
import {runWatchPrint} from '../../source/commands/watch.js';

const clock = (): (() => number) => {
	let t = 0;
	return () => t++;
};

describe('flp watch --print', () => {
	test('quorum, n = 3, crash: Lemma 1 picks X_2, five rounds, then what the protocol gives up', () => {
		const result = runWatchPrint({protocol: 'quorum', nodes: 3}, clock());
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout.split('\n')).toEqual([
			'watch the proof: quorum  n=3 f=1  allow: crash',
			'',
			'Lemma 1: X_0 000 0 · X_1 100 0 · X_2 110 ambiguous · X_3 111 1.',
			'C_0 = X_2 = 110: the first X_i that is not a 0-configuration, and it is ambiguous.',
			'The analysis says 5 rounds can be kept ambiguous from C_0.',
			'',
			'Round 1: e = start 1, the oldest message, is ambiguous*: deliver it. C_1 is ambiguous.',
			'Round 2: e = start 2, the oldest message, is ambiguous*: deliver it. C_2 is ambiguous.',
			'Round 3: e = start 3, the oldest message, is ambiguous*: deliver it. C_3 is ambiguous.',
			'Round 4: e = 2<1:vote=1, the oldest message, is ambiguous*: deliver it. C_4 is ambiguous.',
			'Round 5: e = 3<1:vote=1, the oldest message, is ambiguous*: deliver it. C_5 is ambiguous.',
			'',
			'Round 6: e = 1<2:vote=1 is the oldest message and 1* here, and no stall keeps the run ambiguous: every way to deliver it loses ambiguity.',
			'Lemma 2 holds for a protocol with agreement and validity upon termination, and this one does not guarantee agreement: agreement breaks: two honest nodes decide differently. A protocol that terminates must pay with safety.',
			'The run stayed ambiguous for 5 rounds; for a correct protocol it could go on forever, which is the contradiction FLP draws.',
			'  a run from C_5 that breaks it: 1<2:vote=1; 3<2:vote=1; 1<3:vote=0; 2<3:vote=0',
			'',
			'5 rounds kept ambiguous, the most the analysis allows.',
			'',
		]);
	});

	test('leader, crash: no X_i is ambiguous, and the ladder says why', () => {
		const result = runWatchPrint({protocol: 'leader', nodes: 3}, clock());
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('No initial configuration X_i is ambiguous, so the proof cannot start.');
		expect(result.stdout).toContain('so the protocol gives up termination there instead');
		expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('0 rounds kept ambiguous.');
	});

	test('bad input is one line on stderr and exit 2', async () => {
		expect(runWatchPrint({nodes: 3}, clock())).toEqual({code: 2, stdout: '', stderr: 'flp: watch needs --protocol (wait-all, quorum, leader, ben-or, two-phase-commit, paxos, or a module\'s path)\n'});
		expect(runWatchPrint({protocol: 'quorum', nodes: 9}, clock()).stderr).toBe('flp: n must be a whole number from 2 to 6, not 9\n');
		expect(runWatchPrint({protocol: 'quorum', nodes: 3, allow: 'sneaky'}, clock()).code).toBe(2);
		expect(await runCommandLine(['watch', 'extra', '--protocol', 'quorum', '--nodes', '3', '--print'])).toEqual({
			code: 2,
			stdout: '',
			stderr: 'flp: watch takes no arguments (got "extra")\n',
		});
		expect(await runCommandLine(['watch', '--protocol', 'quorum', '--nodes', '3', '--inputs', '011', '--print'])).toMatchObject({code: 2});
	});

	test('through the command line, the same narration', async () => {
		const result = await runCommandLine(['watch', '--protocol', 'wait-all', '--nodes', '3', '--allow', 'lie', '--print']);
		expect(result?.code).toBe(0);
		expect(result?.stdout).toContain('C_0 = X_1 = 100: the first X_i that is not a 0-configuration, and it is ambiguous.');
	});
});
