/**
 * docs/classroom.md, run as written: its challenge and roster are the files, and every command in
 * its `sh` blocks runs in a folder holding them, through an `flp` on the PATH that runs the
 * sources. The student's session runs in a real terminal (tmux, 80x24) and is handed in.
 */
import {execFileSync, spawn, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, test} from 'vitest';
import {readChallenge} from '../../source/challenge/challenge.js';
import {hashSeed} from '../../source/challenge/random.js';
import {flpOnPath} from '../helpers/docs.js';
import {resultFor} from '../helpers/results.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const doc = readFileSync(join(root, 'docs/classroom.md'), 'utf8');
const blocks = [...doc.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(m => ({kind: m[1]!, text: m[2]!}));
const commands = blocks.filter(b => b.kind === 'sh').flatMap(b => b.text.trim().split('\n'));

const dir = mkdtempSync(join(tmpdir(), 'flp-doc-classroom-'));
const session = `flp-doc-classroom-${process.pid}`;
afterAll(() => {
	spawnSync('tmux', ['kill-session', '-t', session]);
	rmSync(dir, {recursive: true, force: true});
});

// The folder of the walk-through: lab.yaml and roster.txt from the page, an empty results/.
const lab = join(dir, 'lab.yaml');
writeFileSync(lab, blocks.find(b => b.kind === 'yaml')!.text.replace('../campaign/', `${root}scenarios/campaign/`));
writeFileSync(join(dir, 'roster.txt'), blocks.find(b => b.kind === 'text')!.text);
mkdirSync(join(dir, 'results'));
const env = flpOnPath(dir);
const sh = (command: string) => spawnSync('sh', ['-c', command], {cwd: dir, env, encoding: 'utf8', timeout: 120_000});
const tmux = (...args: string[]): string => execFileSync('tmux', args, {encoding: 'utf8'});

async function waitFor(read: () => string, needle: string, timeoutMs = 60_000): Promise<string> {
	for (let waited = 0; ; waited += 100) {
		const text = read();
		if (text.includes(needle)) return text;
		if (waited > timeoutMs) throw new Error(`waited for ${needle}; got:\n${text}`);
		await new Promise(resolve => setTimeout(resolve, 100));
	}
}

describe.skipIf(!hasTmux)('docs/classroom.md, every command as written', () => {
	test('the page holds the walk-through: check, answers, session, watch, verify, board', () => {
		expect(commands.map(c => c.split(' ').slice(0, 3).join(' '))).toEqual([
			'flp challenge check',
			'flp challenge check',
			'flp challenge lab.yaml',
			'flp results watch',
			'flp results verify',
			'flp results board',
		]);
		const loaded = readChallenge(lab);
		expect(loaded.ok ? loaded.value.roster : loaded.message).toEqual(['ada', 'bob']);
	});

	test('before class: check, then the answer key', () => {
		const check = sh(commands[0]!);
		expect(check.stderr).toBe('');
		expect(check.status).toBe(0);
		expect(check.stdout.split('\n')[0]).toBe('Lab: break it, then stall it: 2 levels, 2 students on the roster, 2 with every level made');
		const answers = sh(commands[1]!);
		expect(answers.status).toBe(0);
		expect(answers.stdout).toContain(`  bob (seed ${hashSeed('bob')})`);
	}, 120_000);

	test('a student plays and hands in; the projector watches; then verify and the CSV board', async () => {
		// Bob's file is already in; Ada plays in a real terminal and hands in at once.
		const loaded = readChallenge(lab);
		if (!loaded.ok) throw new Error(loaded.message);
		const race = ['start 1', 'start 2', 'start 3', '2<1:vote=0', '1<2:vote=1', '3<2:vote=1', '3<1:vote=0', '1<3:vote=1', '2<3:vote=1'];
		writeFileSync(join(dir, 'results', 'bob.json'), JSON.stringify(resultFor(loaded.value, hashSeed('bob'), {0: {moves: race}}, 60_000, 'bob')));

		const watch = spawn('sh', ['-c', `exec ${commands[3]!}`], {cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe']});
		let watched = '';
		watch.stdout.on('data', chunk => (watched += String(chunk)));
		await waitFor(() => watched, `results/bob.json: bob, score 100`);

		const path = env.PATH;
		tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', `cd '${dir}' && PATH='${path}' NO_COLOR=1 XDG_STATE_HOME='${env.XDG_STATE_HOME}' ${commands[2]!}; echo EXIT=$?; sleep 60`);
		const screen = (): string => tmux('capture-pane', '-p', '-t', session);
		await waitFor(screen, '[enter] start the clock');
		tmux('send-keys', '-t', session, 'Enter');
		await waitFor(screen, 'Hand in now');
		for (let i = 0; i < 2; i++) {
			tmux('send-keys', '-t', session, 'Down');
			await new Promise(resolve => setTimeout(resolve, 150));
		}

		tmux('send-keys', '-t', session, 'Enter');
		await waitFor(screen, 'Hand in now, with');
		tmux('send-keys', '-t', session, 'y');
		expect(await waitFor(screen, 'EXIT=')).toContain('EXIT=0');
		expect(JSON.parse(readFileSync(join(dir, 'results', 'ada.json'), 'utf8'))).toMatchObject({player: 'ada', finished: true, total: 0});

		await waitFor(() => watched, 'results/ada.json: ada, score 0');
		const ended = new Promise(resolve => watch.on('exit', code => resolve(code)));
		watch.kill('SIGINT');
		expect(await ended).toBe(130);

		const verify = sh(commands[4]!);
		expect(verify.status).toBe(0);
		expect(verify.stdout.split('\n').filter(Boolean).map(line => line.replace(/, [\d.]+ s$/, ''))).toEqual([
			'ok       results/ada.json: ada, score 0',
			'ok       results/bob.json: bob, score 100',
		]);

		const board = sh(commands[5]!);
		expect(board.status).toBe(0);
		expect(board.stdout).toBe('');
		expect(readFileSync(join(dir, 'rejected.txt'), 'utf8')).toBe('');
		const csv = readFileSync(join(dir, 'grades.csv'), 'utf8').trim().split('\n');
		expect(csv).toHaveLength(3);
		expect(csv[0]).toBe('rank,student,score,solved,unfinished,seconds,attempt,level 1 solved,level 1 score,level 2 solved,level 2 score,seed');
		expect(csv[1]!.startsWith('1,bob,')).toBe(true);
		expect(csv[2]!.startsWith('2,ada,')).toBe(true);
	}, 180_000);
});
