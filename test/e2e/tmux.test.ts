/**
 * End to end: the real `flp` in a real terminal (tmux, 80x24), driven by keys, read off the
 * screen. The verdict on screen is checked against the engine's own answer.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, test} from 'vitest';
import {analyze} from '../../source/engine/analysis.js';
import {game} from '../helpers/games.js';
import {voteModule} from '../helpers/module-files.js';
import {hashFile} from '../../source/protocols/module.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const session = `flp-e2e-${process.pid}`;

const tmux = (...args: string[]): string => execFileSync('tmux', args, {encoding: 'utf8'});
const screen = (): string => tmux('capture-pane', '-p', '-t', session);
/** The screen with its escape sequences (colours). */
const rawScreen = (): string => tmux('capture-pane', '-p', '-e', '-t', session);
/** A colour (foreground or background, 16, 256 or 24-bit); not bold, dim, inverse or a reset (39, 49). */
const COLOUR = /\u001B\[(?:[\d;]*;)?(?:3[0-7]|9[0-7]|4[0-7]|10[0-7]|38;[25]|48;[25])[;m]/;
const state = mkdtempSync(join(tmpdir(), 'flp-e2e-'));

let launches = 0;

/**
 * Start `flp ARGS` in a fresh 80x24 tmux session, with a state folder of its own (the session it
 * replaces may still be autosaving into its own); the shell prints the exit code when flp ends.
 * Answers the folder the autosaves go to.
 */
function launch(env: string, ...args: string[]): string {
	spawnSync('tmux', ['kill-session', '-t', session]);
	const home = join(state, `run-${++launches}`);
	const words = args.map(arg => `'${arg}'`).join(' ');
	tmux(
		'new-session', '-d', '-s', session, '-x', '80', '-y', '24',
		`cd '${root}' && ${env} XDG_STATE_HOME='${home}' '${process.execPath}' --import tsx source/bin.ts ${words}; echo "EXIT=$?"; sleep 60`,
	);
	return join(home, 'flp-adversary', 'saves');
}

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
	rmSync(state, {recursive: true, force: true});
});

describe.skipIf(!hasTmux)('flp in a real terminal (tmux)', () => {
	test('opens the menu, sets up a sandbox game, plays moves and shows the engine’s verdict', async () => {
		launch('NO_COLOR=1');
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
		await waitFor(t => t.includes('EXIT=0'), 'the program to end'); // Quit ends the program
	}, 120_000);

	test('colour in a terminal, even when the shell sets CI; none with NO_COLOR', async () => {
		launch('CI=true', 'play', 'scenarios/solutions/02-leader-silent.yaml');
		await waitFor(t => t.includes('GOAL REACHED') && !t.includes('analysing'), 'the saved game', 60_000);
		expect(rawScreen()).toMatch(COLOUR);
		launch('CI=true NO_COLOR=1', 'play', 'scenarios/solutions/02-leader-silent.yaml');
		await waitFor(t => t.includes('GOAL REACHED') && !t.includes('analysing'), 'the saved game', 60_000);
		expect(rawScreen()).not.toMatch(COLOUR);
		expect(rawScreen()).toContain('\u001B['); // bold and dim stay: they are not colour
	}, 150_000);

	test('saving with a typed name, then Ctrl-C: autosaved, exit 130, and flp play FILE resumes it', async () => {
		const typed = join(state, 'typed.yaml');
		const savesDir = launch('NO_COLOR=1');
		await waitFor(t => t.includes('FLP ADVERSARY'), 'the main menu', 60_000);
		await keys('Down', 'Down', 'Down', 'Enter');
		await waitFor(t => t.includes('SANDBOX: choose a game'), 'the sandbox setup');
		await keys('Enter');
		await waitFor(t => t.includes('NOW ambiguous'), 'the first verdict');
		await keys('Enter');
		await waitFor(t => t.includes('moves 1') && !t.includes('analysing'), 'move 1');
		await keys('s');
		await waitFor(t => t.includes('Save to: flp-game'), 'the save prompt with its suggestion');
		await keys(typed, 'Enter');
		await waitFor(t => t.includes(`Saved to ${typed}.`), 'saved');
		expect(readFileSync(typed, 'utf8')).toContain('moves:\n  - start 1\n');
		expect(existsSync(join(root, 'flp-game.yaml'))).toBe(false);

		await keys('Enter');
		await waitFor(t => t.includes('moves 2'), 'move 2');
		await keys('C-c');
		const text = await waitFor(t => t.includes('EXIT='), 'the exit');
		expect(text).toContain('EXIT=130');
		const saves = readdirSync(savesDir);
		expect(saves).toHaveLength(1);
		const autosave = join(savesDir, saves[0]!);
		expect(text.replace(/\n/g, '')).toContain(`To go on with it: flp play ${autosave}`);

		launch('NO_COLOR=1', 'play', autosave);
		const resumed = await waitFor(t => t.includes('moves 2') && t.includes('NOW '), 'the resumed game', 60_000);
		expect(resumed).toContain('quorum  n=3 f=1  inputs 011');
	}, 150_000);

	test('SIGTERM, SIGHUP, SIGQUIT and SIGINT: the game is autosaved, said where, and the exit code is 128 + the signal', async () => {
		const game = join(state, 'game.yaml');
		writeFileSync(game, 'format: 1\nprotocol: quorum\nnodes: 3\ninputs: "011"\nf: 1\nallow: [crash]\nmoves: [start 1]\n');
		for (const [signal, code] of [['TERM', 143], ['HUP', 129], ['QUIT', 131], ['INT', 130]] as const) {
			const savesDir = launch('NO_COLOR=1', 'play', game);
			await waitFor(t => t.includes('moves 1') && t.includes('NOW '), 'the game', 60_000);
			const shell = tmux('display', '-p', '-t', session, '#{pane_pid}').trim();
			const flp = execFileSync('ps', ['-o', 'pid=', '--ppid', shell], {encoding: 'utf8'}).trim().split('\n')[0]!.trim();
			process.kill(Number(flp), `SIG${signal}`);
			const text = await waitFor(t => t.includes('EXIT='), `the exit after SIG${signal}`);
			expect(text, signal).toContain(`EXIT=${code}`);
			const saves = readdirSync(savesDir);
			expect(saves, signal).toHaveLength(1);
			expect(text.replace(/\n/g, ''), signal).toContain(`Your game was saved: ${join(savesDir, saves[0]!)}`);
			// The terminal is back to normal: the shell's output after the game starts on its own line.
			expect(text.split('\n').some(line => line.startsWith('EXIT=')), signal).toBe(true);
		}
	}, 300_000);

	test('a file that names a protocol module: the game shows its path and hash and asks; no ends, y plays it (issue 23)', async () => {
		const module = join(state, 'mine.mjs');
		writeFileSync(module, voteModule());
		const level = join(state, 'mine.yaml');
		writeFileSync(level, 'format: 1\ntitle: Mine\nprotocol: ./mine.mjs\nnodes: 3\ninputs: "011"\nallow: [crash]\n');
		launch('NO_COLOR=1', 'play', level);
		let text = await waitFor(t => t.includes('Run it? [y/N]'), 'the question', 60_000);
		expect(text).toContain(`${module}\n  sha256 ${hashFile(module)}`);
		await keys('n', 'Enter');
		text = await waitFor(t => t.includes('EXIT='), 'the refusal');
		expect(text).toContain('EXIT=2');
		expect(text).toContain('Not run: the game did not start.');

		launch('NO_COLOR=1', 'play', level);
		await waitFor(t => t.includes('Run it? [y/N]'), 'the question', 60_000);
		await keys('y', 'Enter');
		text = await waitFor(t => t.includes('[enter] play'), 'the level intro');
		expect(text).toContain('my-vote (mine.mjs), n = 3, f = 1, allowed: crash');
		await keys('Enter');
		text = await waitFor(t => t.includes('NOW ambiguous'), 'the analysis, by the worker, of the module');
		expect(text).toContain('my-vote  n=3 f=1  inputs 011  allow: crash');
	}, 150_000);
});
