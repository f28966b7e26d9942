/**
 * End to end: `flp challenge` in real terminals (tmux, 80x24). Every way out ends the process on
 * its own, with the exit code shells expect, and leaves the result file.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, test} from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'flp-e2e-challenge-'));
const sessions: string[] = [];

const tmux = (...args: string[]): string => execFileSync('tmux', args, {encoding: 'utf8'});

afterAll(() => {
	for (const s of sessions) spawnSync('tmux', ['kill-session', '-t', s]);
	rmSync(dir, {recursive: true, force: true});
});

/** Start `flp challenge` in its own tmux session; the shell prints EXIT=<code> when it ends. */
function start(name: string, timeLimit: number) {
	const session = `flp-e2e-ch-${name}-${process.pid}`;
	sessions.push(session);
	const file = join(dir, `${name}.yaml`);
	writeFileSync(file, `format: 1\nid: ${name}\ntitle: "E2E ${name}"\ntimeLimit: ${timeLimit}\nhints: false\nlevels:\n  - file: ${join(root, 'scenarios/campaign/04-quorum-race.yaml')}\n`);
	const out = join(dir, `${name}.json`);
	tmux(
		'new-session', '-d', '-s', session, '-x', '80', '-y', '24',
		`cd '${root}' && NO_COLOR=1 XDG_STATE_HOME='${dir}/state' '${process.execPath}' --import tsx source/bin.ts challenge '${file}' --player ${name} --out '${out}'; echo EXIT=$?; sleep 60`,
	);
	const screen = (): string => tmux('capture-pane', '-p', '-t', session);
	return {
		out,
		screen,
		async waitFor(needle: string, timeoutMs = 60_000): Promise<string> {
			const started = Date.now();
			for (;;) {
				const text = screen();
				if (text.includes(needle)) return text;
				if (Date.now() - started > timeoutMs) throw new Error(`waited for ${needle}; the screen:\n${text}`);
				await new Promise(resolve => setTimeout(resolve, 100));
			}
		},
		async keys(...names: string[]): Promise<void> {
			for (const key of names) {
				tmux('send-keys', '-t', session, key);
				await new Promise(resolve => setTimeout(resolve, 150));
			}
		},
	};
}

describe.skipIf(!hasTmux)('flp challenge in a real terminal (tmux)', () => {
	test('Esc on the intro, Ctrl-C, hand-in and time-up each end the process: exit 0, 130, 0, 0 (issue 20, defect 2)', async () => {
		const runs = {esc: start('esc', 600), ctrlc: start('ctrlc', 600), handin: start('handin', 600), timeup: start('timeup', 3)};
		await Promise.all(Object.values(runs).map(async run => run.waitFor('[enter] start the clock')));

		await runs.esc.keys('Escape');
		await runs.ctrlc.keys('Enter');
		await runs.ctrlc.waitFor('Hand in now');
		await runs.ctrlc.keys('C-c');
		await runs.handin.keys('Enter');
		await runs.handin.waitFor('Hand in now');
		await runs.handin.keys('Down', 'Enter');
		await runs.handin.waitFor('Hand in now, with');
		await runs.handin.keys('y');
		await runs.timeup.keys('Enter');

		expect(await runs.esc.waitFor('EXIT=', 20_000)).toContain('EXIT=0');
		expect(existsSync(runs.esc.out)).toBe(false);
		const ctrlc = await runs.ctrlc.waitFor('EXIT=', 20_000);
		expect(ctrlc).toContain('EXIT=130');
		expect(ctrlc).toContain(`Result written to ${runs.ctrlc.out}.`);
		expect(JSON.parse(readFileSync(runs.ctrlc.out, 'utf8'))).toMatchObject({player: 'ctrlc', finished: false});
		const handin = await runs.handin.waitFor('EXIT=', 20_000);
		expect(handin).toContain('Handed in. Final score 0.');
		expect(handin).toContain('EXIT=0');
		expect(JSON.parse(readFileSync(runs.handin.out, 'utf8'))).toMatchObject({player: 'handin', finished: true});
		const timeup = await runs.timeup.waitFor('EXIT=', 20_000);
		expect(timeup).toContain('Time is up. Final score 0.');
		expect(timeup).toContain('EXIT=0');
		expect(JSON.parse(readFileSync(runs.timeup.out, 'utf8'))).toMatchObject({player: 'timeup', finished: true, timeMs: 3000});
	}, 120_000);
});
