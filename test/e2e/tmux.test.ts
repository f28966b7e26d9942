/**
 * End to end: the real `flp` in a real terminal (tmux, 80x24), driven by keys, read off the
 * screen. The verdict on screen is checked against the engine's own answer.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, test} from 'vitest';
import {analyze} from '../../source/engine/analysis.js';
import {game} from '../helpers/games.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const session = `flp-e2e-${process.pid}`;

const tmux = (...args: string[]): string => execFileSync('tmux', args, {encoding: 'utf8'});
const screen = (): string => tmux('capture-pane', '-p', '-t', session);

async function waitFor(predicate: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
	const started = Date.now();
	for (;;) {
		const text = screen();
		if (predicate(text)) return text;
		if (Date.now() - started > timeoutMs) throw new Error(`waited ${timeoutMs} ms for ${what}; the screen:\n${text}`);
		await new Promise(resolve => setTimeout(resolve, 50));
	}
}

async function keys(...names: string[]): Promise<void> {
	for (const name of names) {
		tmux('send-keys', '-t', session, name);
		await new Promise(resolve => setTimeout(resolve, 60));
	}
}

afterAll(() => {
	if (hasTmux) spawnSync('tmux', ['kill-session', '-t', session]);
});

describe.skipIf(!hasTmux)('flp in a real terminal (tmux)', () => {
	test('opens the menu, sets up a sandbox game, plays moves and shows the engine’s verdict', async () => {
		tmux(
			'new-session', '-d', '-s', session, '-x', '80', '-y', '24',
			`cd '${root}' && NO_COLOR=1 '${process.execPath}' --import tsx source/bin.ts`,
		);
		// The first screen may be slow on a cold start (tsx compiles every source while other test
		// files compete for the cores); what is tested here comes after it.
		await waitFor(t => t.includes('FLP ADVERSARY'), 'the main menu', 60_000);
		await keys('Down', 'Down', 'Down', 'Enter');
		await waitFor(t => t.includes('SANDBOX: choose a game'), 'the sandbox setup');
		await keys('Enter'); // quorum, n = 3, inputs 011, f = 1, crash
		let text = await waitFor(t => t.includes('NOW ambiguous'), 'the first verdict');
		expect(text).toContain('quorum  n=3 f=1  inputs 011  allow: crash');

		await keys('Down', 'Enter'); // start 2
		await waitFor(t => t.includes('moves 1') && /NOW \S/.test(t) && !t.includes('analysing'), 'move 1');
		await keys('Enter'); // start 3
		await waitFor(t => t.includes('moves 2') && !t.includes('analysing'), 'move 2');
		await keys('Enter'); // 1<2:vote=1: the example position of docs/model.md
		text = await waitFor(t => t.includes('moves 3') && !t.includes('analysing'), 'move 3');

		const expected = analyze(game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']}, 'start 2; start 3; 1<2:vote=1'));
		expect(text).toContain(`NOW ${expected.label.padEnd(10)}`);
		expect(text).toContain('1  in 0  decided 0');
		expect(text).toContain('Node 1 decided 0, yet 1 is still reachable');

		await keys('c');
		await waitFor(t => t.includes('CORRUPT A NODE'), 'the corrupt menu');
		await keys('Enter'); // corrupt 1 as crash: nodes 2 and 3 hold 1
		text = await waitFor(t => t.includes('moves 4') && !t.includes('analysing'), 'move 4');
		const after = analyze(game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']}, 'start 2; start 3; 1<2:vote=1; corrupt 1 as crash'));
		expect(text).toContain(`NOW ${after.label.padEnd(10)}`);

		await keys('q');
		await waitFor(t => t.includes('SANDBOX: choose a game'), 'back to the setup');
		await keys('Escape');
		await waitFor(t => t.includes('FLP ADVERSARY'), 'back to the menu');
		await keys('q');
		const alive = (): boolean => spawnSync('tmux', ['has-session', '-t', session]).status === 0;
		for (let waited = 0; alive() && waited < 5000; waited += 50) await new Promise(resolve => setTimeout(resolve, 50));
		expect(alive()).toBe(false); // Quit ends the program, and with it the tmux session
	}, 120_000);
});
