import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import {App} from '../../source/app.js';
import {InlineService} from '../helpers/inline-service.js';
import {analysed, containing, press, until} from '../helpers/ink.js';
import {ARROW_DOWN, ARROW_LEFT, ARROW_RIGHT, ENTER, ESCAPE} from '../helpers/keys.js';
import {ModuleFolder, voteModule} from '../helpers/module-files.js';
import {hashFile, loadProtocolModule} from '../../source/protocols/module.js';
import {diskFiles} from '../../source/app-files.js';
import {fail} from '../../source/engine/types.js';

function open() {
	const app = render(<App service={new InlineService()} colour={false} />);
	return {...app, frame: (): string => app.lastFrame() ?? ''};
}

describe('the main menu', () => {
	test('lists the seven choices, the first picked', async () => {
		const {frame} = open();
		const text = await until(frame, containing('FLP ADVERSARY'));
		const choices = ['Campaign', 'Challenge', 'Replay a file', 'Sandbox', 'Watch the proof', 'How to play', 'Quit'];
		expect(text.split('\n').filter(line => /^ [▸ ] /.test(line)).map(line => line.slice(3, 19).trim())).toEqual(choices);
		expect(text).toContain(' ▸ Campaign');
	});

	test('How to play pages forward and back, and Esc returns to the menu', async () => {
		const {frame, stdin} = open();
		await until(frame, containing('FLP ADVERSARY'));
		await press(stdin, ARROW_DOWN, ARROW_DOWN, ARROW_DOWN, ARROW_DOWN, ARROW_DOWN, ENTER);
		await until(frame, containing('HOW TO PLAY  1/6: You are the network'));
		await press(stdin, ARROW_RIGHT);
		await until(frame, containing('HOW TO PLAY  2/6: Reading the board'));
		await press(stdin, ARROW_LEFT);
		await until(frame, containing('HOW TO PLAY  1/6'));
		await press(stdin, ESCAPE);
		await until(frame, containing('FLP ADVERSARY'));
	});

	test('Right on the last How-to-play page stays there; only Esc goes back', async () => {
		const {frame, stdin} = open();
		await until(frame, containing('FLP ADVERSARY'));
		await press(stdin, ARROW_DOWN, ARROW_DOWN, ARROW_DOWN, ARROW_DOWN, ARROW_DOWN, ENTER);
		await until(frame, containing('HOW TO PLAY  1/'));
		await press(stdin, ARROW_RIGHT, ARROW_RIGHT, ARROW_RIGHT, ARROW_RIGHT, ARROW_RIGHT, ARROW_RIGHT, ARROW_RIGHT);
		await until(frame, containing('(the last page)'));
		await press(stdin, ARROW_RIGHT);
		expect(frame()).toContain('(the last page)');
	});

	test('Esc on the main menu asks before quitting; n stays', async () => {
		const {frame, stdin} = open();
		await until(frame, containing('FLP ADVERSARY'));
		await press(stdin, ESCAPE);
		await until(frame, containing('Quit flp? [y] yes  [n] no'));
		await press(stdin, 'n');
		const text = await until(frame, containing('[q] quit'));
		expect(text).toContain(' ▸ Campaign');
	});
});

describe('keys and challenges from the menu', () => {
	test('? shows the keys of the screen, and any key goes back', async () => {
		const {frame, stdin} = open();
		await until(frame, containing('FLP ADVERSARY'));
		await press(stdin, '?');
		const text = await until(frame, containing('KEYS'));
		expect(text).toContain('  q          quit (esc asks first)');
		expect(text).toContain('  ctrl-c     quit (a game in progress is saved first)');
		await press(stdin, ' ');
		await until(frame, containing('FLP ADVERSARY'));
	});

	test('Challenge asks for the file and a name, then opens the challenge', async () => {
		const {frame, stdin} = open();
		await until(frame, containing('FLP ADVERSARY'));
		await press(stdin, ARROW_DOWN, ENTER);
		await until(frame, containing('CHALLENGE: the challenge file'));
		await press(stdin, 'nope.yaml', ENTER);
		await until(frame, containing('nope.yaml: cannot read it (no such file)'));
		for (let i = 0; i < 'nope.yaml'.length; i++) await press(stdin, '\u007F');
		await press(stdin, 'scenarios/challenges/lab-break-and-stall.yaml', ENTER);
		await until(frame, containing('your name'));
		await press(stdin, 'Ada', ENTER);
		const text = await until(frame, containing('CHALLENGE: Lab: break it, then stall it'), 15_000);
		expect(text).toContain('Player Ada, seed');
		await press(stdin, ESCAPE);
		await until(frame, containing('Challenge left before its clock started.'));
	});
});

describe('a challenge from the menu counts attempts as flp challenge does', () => {
	test('the second start under the same name is attempt 2 in the result file', async () => {
		const {mkdtempSync, readFileSync, rmSync} = await import('node:fs');
		const {join} = await import('node:path');
		const {tmpdir} = await import('node:os');
		const {diskFiles} = await import('../../source/app-files.js');
		const {attemptsPath} = await import('../../source/challenge/attempts.js');
		const dir = mkdtempSync(join(tmpdir(), 'flp-menu-attempts-'));
		try {
			const files = diskFiles({stateDir: join(dir, 'state')});
			const written: unknown[] = [];
			const saving = {...files, saveResult: (_out: string, result: unknown) => (written.push(result), 'written')};
			for (const attempt of [1, 2]) {
				const app = render(<App service={new InlineService()} colour={false} files={saving} />);
				const frame = (): string => app.lastFrame() ?? '';
				await until(frame, containing('FLP ADVERSARY'));
				await press(app.stdin, ARROW_DOWN, ENTER);
				await until(frame, containing('CHALLENGE: the challenge file'));
				await press(app.stdin, 'scenarios/challenges/lab-break-and-stall.yaml', ENTER);
				await until(frame, containing('your name'));
				await press(app.stdin, 'Ada', ENTER);
				await until(frame, containing('[enter] start the clock'), 15_000);
				await press(app.stdin, ENTER);
				await until(frame, containing('Hand in now'));
				expect(written.at(-1)).toMatchObject({player: 'Ada', attempt});
				app.unmount();
			}

			expect(JSON.parse(readFileSync(attemptsPath(join(dir, 'state')), 'utf8'))).toEqual({'lab-break-and-stall\u0000Ada': 2});
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	}, 60_000);
});

describe('the sandbox', () => {
	test('sets up a game and plays it', async () => {
		const {frame, stdin} = open();
		await until(frame, containing('FLP ADVERSARY'));
		await press(stdin, ARROW_DOWN, ARROW_DOWN, ARROW_DOWN, ENTER);
		let text = await until(frame, containing('SANDBOX: choose a game'));
		expect(text).toContain('▸ Protocol  quorum');
		expect(text).toContain('  Inputs    011');
		await press(stdin, ARROW_RIGHT); // leader
		await until(frame, containing('▸ Protocol  leader'));
		await press(stdin, ARROW_DOWN, ARROW_DOWN, ARROW_LEFT); // inputs: 011 -> X_n = 111
		text = await until(frame, containing('Inputs    111  (X_3 of Lemma 1)'));
		await press(stdin, '3'); // flip node 3
		text = await until(frame, containing('Inputs    110  (X_2 of Lemma 1)'));
		await press(stdin, ENTER);
		text = await until(frame, analysed());
		expect(text).toContain('leader  n=3 f=1  inputs 110  allow: crash');
		expect(text).toContain(' NOW 1 ');
	});

	test('ben-or gets a rounds field, and Esc goes back to the menu', async () => {
		const {frame, stdin} = open();
		await until(frame, containing('FLP ADVERSARY'));
		await press(stdin, ARROW_DOWN, ARROW_DOWN, ARROW_DOWN, ENTER);
		await until(frame, containing('SANDBOX'));
		await press(stdin, ARROW_RIGHT, ARROW_RIGHT); // quorum -> leader -> ben-or
		const text = await until(frame, containing('▸ Protocol  ben-or'));
		expect(text).toContain('  Rounds    1');
		// Then the real protocols the package ships; paxos has rounds (ballots), two-phase commit not.
		await press(stdin, ARROW_RIGHT);
		expect(await until(frame, containing('▸ Protocol  two-phase-commit'))).not.toContain('Rounds');
		await press(stdin, ARROW_RIGHT);
		expect(await until(frame, containing('▸ Protocol  paxos'))).toContain('  Rounds    1');
		await press(stdin, ARROW_RIGHT);
		await until(frame, containing('▸ Protocol  wait-all'));
		await press(stdin, ESCAPE);
		await until(frame, containing('FLP ADVERSARY'));
	});

	test('q in a game goes back to the sandbox setup with the same choices', async () => {
		const {frame, stdin} = open();
		await until(frame, containing('FLP ADVERSARY'));
		await press(stdin, ARROW_DOWN, ARROW_DOWN, ARROW_DOWN, ENTER);
		await until(frame, containing('SANDBOX'));
		await press(stdin, ARROW_RIGHT, ENTER);
		await until(frame, analysed());
		await press(stdin, 'q');
		await until(frame, containing('▸ Protocol  leader'));
	});
});

describe('a terminal that is too small', () => {
	test('gets a message saying what size is needed, and the game comes back when it grows', async () => {
		const app = open();
		await until(app.frame, containing('FLP ADVERSARY'));
		Object.defineProperty(app.stdout, 'columns', {value: 70, configurable: true});
		Object.defineProperty(app.stdout, 'rows', {value: 20, configurable: true});
		app.stdout.emit('resize');
		const text = await until(app.frame, containing('too small'));
		expect(text).toContain('flp needs at least 80x24; this one is 70x20.');
		Object.defineProperty(app.stdout, 'columns', {value: 100, configurable: true});
		Object.defineProperty(app.stdout, 'rows', {value: 30, configurable: true});
		app.stdout.emit('resize');
		await until(app.frame, containing('FLP ADVERSARY'));
	});
});

describe('a protocol module the player brought (issue 23)', () => {
	test('flp play --protocol PATH opens the sandbox on it: its id and file, its title, and a game on it', async () => {
		const folder = new ModuleFolder();
		try {
			const module = folder.write('mine.mjs', voteModule());
			const loaded = await loadProtocolModule(module);
			expect(loaded.ok).toBe(true);
			const app = render(<App service={new InlineService()} colour={false} opening={{kind: 'sandbox', protocol: module}} />);
			const frame = (): string => app.lastFrame() ?? '';
			const text = await until(frame, containing('SANDBOX'));
			expect(text).toContain('▸ Protocol  my-vote (mine.mjs)');
			expect(text).toContain(`wait for n - f votes; module ${module}`);
			await press(app.stdin, ENTER);
			const board = await until(frame, analysed());
			expect(board).toContain('my-vote  n=3 f=1  inputs 011  allow: crash');
			expect(board).toContain(' NOW ambiguous ');
			app.unmount();
		} finally {
			folder.remove();
		}
	});

	test('a file from the menus that names a module: the game shows its path and hash and asks; n goes back, y plays it', async () => {
		const folder = new ModuleFolder();
		try {
			const module = folder.write('asked.mjs', voteModule());
			const level = folder.write('asked.yaml', 'format: 1\ntitle: Asked\nprotocol: ./asked.mjs\nnodes: 3\ninputs: "011"\nallow: [crash]\n');
			const files = diskFiles();
			const open = (): ReturnType<typeof render> & {frame: () => string} => {
				const app = render(<App service={new InlineService()} colour={false} files={files} opening={{kind: 'play-file', path: level}} />);
				return {...app, frame: () => app.lastFrame() ?? ''};
			};

			const first = open();
			let text = await until(first.frame, containing('RUN A PROTOCOL MODULE?'));
			expect(text).toContain(module);
			expect(text).toContain(`sha256 ${hashFile(module)}`);
			await press(first.stdin, 'n');
			await until(first.frame, containing('FLP ADVERSARY'));
			first.unmount();

			const second = open();
			await until(second.frame, containing('RUN A PROTOCOL MODULE?'));
			await press(second.stdin, 'y');
			text = await until(second.frame, containing('[enter] play'), 60_000);
			expect(text).toContain('my-vote (asked.mjs), n = 3, f = 1, allowed: crash');
			second.unmount();
		} finally {
			folder.remove();
		}
	}, 90_000);

	test('a sandbox game whose protocol does not start: the setup says why and keeps the choices', async () => {
		const files = {...diskFiles(), tryProtocol: async () => fail('bad-module', 'protocol boom (/tmp/boom.mjs): node 2 on 2<3:vote=0 threw Error: boom')};
		const app = render(<App service={new InlineService()} colour={false} files={files} opening={{kind: 'sandbox', protocol: 'leader'}} />);
		const frame = (): string => app.lastFrame() ?? '';
		await until(frame, containing('▸ Protocol  leader'));
		await press(app.stdin, ENTER);
		const text = await until(frame, containing('threw Error: boom'));
		expect(text).toContain('SANDBOX: choose a game');
		expect(text).toContain('Protocol  leader');
		app.unmount();
	});
});
