import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {type GameSpec} from '../../source/engine/game.js';
import {type Session, newSession} from '../../source/engine/session.js';
import {freshPath, saveFile, saveTarget, sessionToFile} from '../../source/scenario/save.js';
import {SANDBOX} from '../../source/ui/level.js';
import {PlayScreen, type Saving} from '../../source/ui/play-screen.js';
import {InlineService} from '../helpers/inline-service.js';
import type {AnalysisService} from '../../source/worker/service.js';
import {failedReport} from '../../source/worker/position.js';
import {analysed, containing, deliver, press, until} from '../helpers/ink.js';
import {readScenario, startLevel} from '../../source/scenario/scenario.js';
import {ARROW_DOWN, ARROW_RIGHT, ENTER, ESCAPE} from '../helpers/keys.js';
import {HeldService} from '../helpers/held-service.js';
import {lookUpProtocol} from '../../source/protocols/registry.js';

function start(spec: GameSpec, extra: Partial<React.ComponentProps<typeof PlayScreen>> = {}) {
	const session = newSession(spec, lookUpProtocol);
	if (!session.ok) throw new Error(session.message);
	const exits: Session[] = [];
	const app = render(
		<PlayScreen
			initial={session.value}
			level={SANDBOX}
			service={new InlineService()}
			colour={false}
			rows={24}
			saving={{suggestion: () => 'game.yaml', check: () => ({kind: 'free', path: '/game.yaml'}), save: () => ({ok: true, value: 'saved'})}}
			onExit={s => exits.push(s)}
			{...extra}
		/>,
	);
	const frame = (): string => app.lastFrame() ?? '';
	return {...app, frame, exits};
}

const made: string[] = [];
afterEach(() => {
	for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true});
});

function temporary(): string {
	const dir = mkdtempSync(join(tmpdir(), 'flp-save-'));
	made.push(dir);
	return dir;
}

/** Saving as the game does it, in a folder that stands for both the current and the home folder. */
const diskSaving = (dir: string): Saving => ({
	suggestion: () => freshPath(join(dir, 'flp-game')),
	check: typed => saveTarget(typed, dir),
	save: (session, path) => saveFile(sessionToFile(session), path),
});

const quorum: GameSpec = {protocol: 'quorum', n: 3, inputs: '011', f: 1, allow: ['crash']};

describe('the play screen', () => {
	test('shows the header, the nodes, the pool with previews, the verdict and the goal', async () => {
		const {frame} = start(quorum);
		const text = await until(frame, analysed('ambiguous'));
		expect(text).toContain(' Sandbox');
		expect(text).toContain('quorum  n=3 f=1  inputs 011  allow: crash');
		expect(text).toContain('moves 0');
		expect(text).toContain('1  in 0  —');
		expect(text).toContain('│ ▸◎ start 1 (0)  ambiguous*      ⚠split,invalid');
		expect(text).toContain('│    start 2 (0)  ambiguous amb*  ⚠split,invalid');
		expect(text).toContain(' NOW ambiguous agreement: breakable  validity: breakable  termination: holds');
		expect(text).toContain(' TARGET ◎ start 1 → ambiguous*  (the oldest)');
		expect(text).toContain(' Goal: explore');
	});

	test('a pool row with a long message name and every mark stays whole: the marks go short, not cut or wrapped', async () => {
		// ben-or, two rounds, byzantine: after two starts the pool holds 2<1:p1.1=0 and the like,
		// each marked ⚠split,stuck,invalid, more than the pool's side has room for in words.
		const {frame, stdin} = start({protocol: 'ben-or', n: 3, inputs: '011', f: 1, allow: ['byzantine'], rounds: 2});
		await until(frame, analysed('ambiguous'), 20_000);
		await press(stdin, ENTER);
		await until(frame, t => t.includes('moves 1') && analysed()(t), 20_000);
		await press(stdin, ENTER);
		const text = await until(frame, t => t.includes('moves 2') && analysed()(t) && t.includes('p1.1=0') && !t.includes('…  '), 20_000);
		const lines = text.split('\n');
		expect(lines.filter(line => line.length > 80)).toEqual([]);
		expect(text).toContain(' Sandbox');
		// With the stall column (the sandbox has a target) the words do not fit: the short form does.
		expect(text).toMatch(/│ {4}2<1:p1\.1=0 \(1\) {2}ambiguous .* ⚠spl,stk,inv$/m);
		expect(text).not.toMatch(/⚠\S*…/);
	}, 60_000);

	test('delivers the picked message, and reaches the position of the screen sketch', async () => {
		const {frame, stdin} = start(quorum);
		await until(frame, analysed('ambiguous'));
		await press(stdin, ARROW_DOWN, ENTER); // start 2
		await until(frame, t => t.includes('moves 1') && analysed()(t));
		// The cursor stays on the second row, now start 3.
		await press(stdin, ENTER);
		let text = await until(frame, t => t.includes('moves 2') && analysed()(t));
		expect(text).toContain('│  ◎ start 1    (0)  ambiguous*');
		expect(text).toContain('│ ▸  1<2:vote=1 (1)');
		expect(text).toContain('│    3<2:vote=1 (1)');
		await press(stdin, ENTER); // 1<2:vote=1
		text = await until(frame, t => t.includes('moves 3') && analysed('ambiguous')(t));
		// The example position of docs/model.md, with the same ages.
		expect(text).toContain('1  in 0  decided 0');
		expect(text).toContain('   votes 0 1 ·');
		expect(text).toContain('│  ◎ start 1    (0)  ambiguous*      ⚠split,invalid');
		expect(text).toContain('│ ▸  3<2:vote=1 (1)  ambiguous amb*  ⚠split,invalid');
		expect(text).toContain('│    1<3:vote=1 (2)  ambiguous amb*  ⚠split,invalid');
		expect(text).toContain('│    2<1:vote=0 (3)  0         0*    ⚠split,invalid');
		expect(text).toContain(' Node 1 decided 0, yet 1 is still reachable: if node 1 is the faulty one, nodes\n 2 and 3 can still both decide 1.');
	});

	test('says which move lost ambiguity and what is forced', async () => {
		const {frame, stdin} = start(quorum);
		await until(frame, analysed('ambiguous'));
		await press(stdin, 'c');
		await until(frame, containing('CORRUPT A NODE'));
		await press(stdin, ENTER); // corrupt 1 as crash: nodes 2 and 3 both hold 1
		const text = await until(frame, analysed('1'));
		expect(text).toContain('Move 1 (corrupt 1 as crash) turned ambiguous into 1: only 1 can still be');
		expect(text).toContain('decided (a 1-configuration). [w] shows the runs.');
		expect(text).toContain(' NOW 1         agreement: holds  validity: holds  termination: holds');
	});

	test('corrupts a node through the corrupt menu', async () => {
		const {frame, stdin} = start(quorum);
		await until(frame, analysed('ambiguous'));
		await press(stdin, 'c');
		const menu = await until(frame, containing('CORRUPT A NODE'));
		expect(menu).toContain('▸ corrupt 1 as crash  stops for good; what it sent stays in the pool');
		expect(menu).toContain('  corrupt 3 as crash');
		await press(stdin, ARROW_DOWN);
		await until(frame, containing('▸ corrupt 2 as crash'));
		await press(stdin, ENTER);
		const text = await until(frame, containing('moves 1'));
		expect(text).toContain('2  in 1  ✗crash —');
		await press(stdin, 'c');
		await until(frame, containing('No corruption is possible now: 1 of f = 1 nodes are corrupt.'));
	});

	test('makes a byzantine node send with a ready-made strategy', async () => {
		const {frame, stdin} = start({protocol: 'quorum', n: 3, inputs: '011', allow: ['byzantine']});
		await until(frame, analysed());
		await press(stdin, 'b');
		await until(frame, containing('No node is byzantine yet: corrupt one as byzantine first ([c]).'));
		await press(stdin, 'c');
		await until(frame, containing('CORRUPT A NODE'));
		await press(stdin, ENTER); // corrupt 1 as byzantine
		await until(frame, containing('✗byzantine'));
		await press(stdin, 'b');
		const menu = await until(frame, containing('BYZANTINE SEND'));
		expect(menu).toContain('▸ node 1: pretend input 0  send what an honest node 1 with input 0 sends first\n');
		expect(menu).toContain('  node 1: equivocate in vote  0 to node 2; 1 to node 3');
		expect(menu).toContain('  node 1: stay silent');
		expect(menu).toContain('  1>3:vote=1');
		await press(stdin, ARROW_DOWN);
		await until(frame, containing('▸ node 1: pretend input 1'));
		await press(stdin, ENTER);
		const text = await until(frame, containing('moves 3'));
		expect(text).toContain('2<1:vote=1');
		expect(text).toContain('3<1:vote=1');
	});

	test('undo and redo', async () => {
		const {frame, stdin} = start(quorum);
		await until(frame, analysed('ambiguous'));
		await press(stdin, 'u');
		await until(frame, containing('Nothing to undo.'));
		await press(stdin, ENTER);
		await until(frame, containing('moves 1'));
		await press(stdin, 'u');
		let text = await until(frame, containing('moves 0'));
		expect(text).toContain('1  in 0  —');
		await press(stdin, 'r');
		text = await until(frame, containing('moves 1'));
		expect(text).toContain('2<1:vote=0');
	});

	test('the target follows the cursor with t, and goes back to the oldest with o', async () => {
		const {frame, stdin} = start(quorum);
		await until(frame, analysed('ambiguous'));
		await press(stdin, ARROW_DOWN, ARROW_DOWN, 't');
		let text = await until(frame, containing('Target set: start 3.'));
		expect(text).toContain(' TARGET ◎ start 3 → ambiguous*');
		expect(text).not.toContain('(the oldest)');
		expect(text).toContain('▸◎ start 3');
		await press(stdin, 'o');
		text = await until(frame, containing(' TARGET ◎ start 1'));
		expect(text).toContain('(the oldest)');
	});

	test('shows the witness runs and steps through one', async () => {
		const {frame, stdin} = start({protocol: 'leader', n: 3, inputs: '011', allow: ['crash']});
		await until(frame, analysed('0'));
		await press(stdin, 'w');
		const list = await until(frame, containing('WITNESS RUNS'));
		expect(list).toContain('WITNESS RUNS from here (label 0)');
		expect(list).toContain('▸ zero       5 moves  start 1; start 2; 2<1:value=0; start 3; …');
		expect(list).toContain('  stuck      4 moves  start 2; start 3; corrupt 1 as crash; start 1');
		await press(stdin, ARROW_DOWN);
		await until(frame, containing('▸ stuck'));
		await press(stdin, ENTER);
		let text = await until(frame, containing('WITNESS for stuck: step 0/4'));
		await press(stdin, ARROW_RIGHT, ARROW_RIGHT, ARROW_RIGHT);
		text = await until(frame, containing('step 3/4'));
		expect(text).toContain('corrupt 1 as crash');
		expect(text).toContain('1  in 0  ✗crash —');
		await press(stdin, ARROW_RIGHT);
		text = await until(frame, containing('step 4/4'));
		expect(text).toContain('→ quiescent, outcome stuck');
		await press(stdin, 'p');
		// The run is played at once; its end's label comes when the analysis does.
		text = await until(frame, analysed('none'));
		expect(text).toContain('moves 4');
	});

	test('saves the game to the path typed: typing replaces the suggested name', async () => {
		const dir = temporary();
		const path = join(dir, 'mine.yaml');
		const {frame, stdin} = start(quorum, {saving: diskSaving(dir)});
		await until(frame, analysed('ambiguous'));
		await press(stdin, ENTER);
		await until(frame, containing('moves 1'));
		await press(stdin, 's');
		await until(frame, containing(` Save to: ${join(dir, 'flp-game.yaml')}`));
		await press(stdin, `${dir}/mine.yaml`);
		await until(frame, containing(` Save to: ${path}`));
		expect(frame()).not.toContain('flp-game.yaml');
		await press(stdin, ENTER);
		await until(frame, containing(`Saved to ${path}.`));
		expect(readFileSync(path, 'utf8')).toBe(
			['format: 1', 'protocol: quorum', 'nodes: 3', 'inputs: "011"', 'f: 1', 'allow:', '  - crash', 'moves:', '  - start 1', ''].join('\n'),
		);
	});

	test('the suggested name is saved as it is with Enter, and ~ is the home folder', async () => {
		const dir = temporary();
		const {frame, stdin} = start(quorum, {saving: diskSaving(dir)});
		await until(frame, analysed('ambiguous'));
		await press(stdin, 's');
		await until(frame, containing('Save to: '));
		await press(stdin, ENTER);
		await until(frame, containing(`Saved to ${join(dir, 'flp-game.yaml')}.`));
		await press(stdin, 's');
		await until(frame, containing(` Save to: ${join(dir, 'flp-game-2.yaml')}`));
		await press(stdin, '~/here.yaml\r'); // the name and Enter in one chunk, as a script sends them
		await until(frame, containing(`Saved to ${join(dir, 'here.yaml')}.`));
		expect(readdirSync(dir).sort()).toEqual(['flp-game.yaml', 'here.yaml']);
	});

	test('a missing folder is an error on the prompt, which stays open; no folder is made', async () => {
		const dir = temporary();
		const {frame, stdin} = start(quorum, {saving: diskSaving(dir)});
		await until(frame, analysed('ambiguous'));
		await press(stdin, 's');
		await until(frame, containing('Save to: '));
		await press(stdin, `${dir}/nope/x.yaml`, ENTER);
		const text = await until(frame, containing('does not exist'));
		expect(text).toContain(`The folder ${dir}/nope does not exist. Not saved.`);
		expect(text).toContain(` Save to: ${dir}/nope/x.yaml`);
		expect(existsSync(join(dir, 'nope'))).toBe(false);
		// Backspace as a terminal sends a burst of it: DEL bytes in one chunk, each one deleting.
		await press(stdin, '\u007F'.repeat('nope/x.yaml'.length), 'ok.yaml');
		await until(frame, containing(` Save to: ${dir}/ok.yaml`));
		await press(stdin, ENTER);
		await until(frame, containing(`Saved to ${join(dir, 'ok.yaml')}.`));
		expect(readdirSync(dir)).toEqual(['ok.yaml']);
	});

	test('an existing file is overwritten only after a yes', async () => {
		const dir = temporary();
		const path = join(dir, 'taken.yaml');
		writeFileSync(path, 'mine\n');
		const {frame, stdin} = start(quorum, {saving: diskSaving(dir)});
		await until(frame, analysed('ambiguous'));
		await press(stdin, 's');
		await until(frame, containing('Save to: '));
		await press(stdin, path, ENTER);
		await until(frame, containing('Overwrite it? [y] yes  [n] no'));
		expect(frame()).toContain(` ${path} exists.`);
		await press(stdin, 'n');
		await until(frame, containing('Not overwritten: type another name.'));
		expect(readFileSync(path, 'utf8')).toBe('mine\n');
		await press(stdin, ENTER);
		await until(frame, containing('Overwrite it?'));
		await press(stdin, 'y');
		await until(frame, containing(`Saved to ${path}.`));
		expect(readFileSync(path, 'utf8')).toContain('protocol: quorum');
	});

	test('q leaves with the game as it stands', async () => {
		const {frame, stdin, exits} = start(quorum);
		await until(frame, analysed('ambiguous'));
		await press(stdin, ENTER);
		await until(frame, containing('moves 1'));
		await press(stdin, 'q');
		await until(() => String(exits.length), text => text === '1');
		expect(exits[0]!.moves).toHaveLength(1);
	});

	test('a long analysis shows a spinner and progress; x stops it, giving an honest unknown', async () => {
		const service = new HeldService();
		const {frame, stdin} = start(quorum, {service});
		let text = await until(frame, t => /analysing… 4,096 states.*\[x\] stop/.test(t));
		expect(text).toContain(' TARGET ◎ start 1 → …');
		await press(stdin, 'x');
		text = await until(frame, analysed('unknown'));
		expect(service.cancelled).toEqual([1]);
		expect(text).toContain('(the oldest)   cut short: [a] keep searching');
		expect(text).toMatch(/NOW unknown {3}cut short; found so far: (nothing|zero|split|invalid)/);
		expect(text).toContain('Stopped ([x]): the label is what was found. [a] searches on, twice as long.');
		// Keep searching: the same position again, with twice the budget, its progress shown.
		await press(stdin, 'a');
		await until(() => String(service.requests.length), n => n === '2');
		text = await until(frame, t => /searching longer… 4,096 states.*\[x\] stop/.test(t));
		expect(service.requests.map(r => r.budgetScale ?? 1)).toEqual([1, 2]);
		expect(service.requests[1]!.moves).toEqual(service.requests[0]!.moves);
		await press(stdin, 'x');
		await until(frame, containing('Stopped ([x])'));
		await press(stdin, 'a');
		await until(() => String(service.requests.length), n => n === '3');
		expect(service.requests.map(r => r.budgetScale ?? 1)).toEqual([1, 2, 4]);
	});

	test('the progress line: states, states per second, elapsed time', async () => {
		const {progressText} = await import('../../source/ui/board.js');
		expect(progressText(0, 0)).toBe('');
		expect(progressText(4096, 0)).toBe('4,096 states ');
		expect(progressText(1_250_000, 2500)).toBe('1,250,000 states, 500,000/s, 2.5 s ');
	});

	test('a search that ran out of time says so, and how to go on', async () => {
		const {cutShort} = await import('../../source/ui/position-text.js');
		expect(cutShort({stopped: 'time'})).toBe('Out of time before it was certain: [a] keeps searching, twice as long.');
		expect(cutShort({stopped: 'memory'})).toBe('The search filled its memory (--budget-mb): more time will not help.');
	});

	test('a budget cut short gives unknown, never a guess', async () => {
		const {frame} = start(quorum, {service: new InlineService(3)});
		const text = await until(frame, analysed('unknown'));
		expect(text).not.toMatch(/NOW (0|1|none) /);
	});

	test('a goal message longer than a row wraps whole onto a second row (level 9 at 80x24)', async () => {
		const file = readScenario('scenarios/campaign/09-diamond-commute.yaml');
		if (!file.ok) throw new Error(file.message);
		const level = startLevel(file.value.file);
		if (!level.ok) throw new Error(level.message);
		const {frame, stdin} = start(quorum, {
			initial: level.value.session,
			level: level.value.info,
			goal: {spec: level.value.goal, start: level.value.start},
		});
		await until(frame, analysed());
		await deliver(frame, stdin, '3<2:vote=1');
		await until(frame, analysed());
		await deliver(frame, stdin, '2<3:vote=1');
		const text = await until(frame, containing('GOAL REACHED'));
		const rows = text.split('\n');
		expect(rows.slice(-3)).toEqual([
			' ✓ GOAL REACHED. Nodes 3 and 2 cannot tell the order: both orders reach the',
			' same configuration.',
			' enter deliver  c corrupt  t target  u/r undo/redo  w witness  ? keys',
		]);
		expect(rows.length).toBeLessThanOrEqual(23);
	});

	test('the timeline strip under the board: the start and one cell per move (issue 25)', async () => {
		const {frame, stdin} = start({protocol: 'leader', n: 3, inputs: '011', allow: ['crash']});
		await until(frame, analysed('0'));
		expect(frame().split('\n').filter(line => line.startsWith(' run '))).toEqual([' run   0']);
		await press(stdin, ENTER); // start 1
		await until(frame, containing('moves 1'));
		await until(frame, analysed('0'));
		expect(frame().split('\n').filter(line => line.startsWith(' run '))).toEqual([' run   0 0']);
		expect(frame().split('\n').length).toBeLessThanOrEqual(23);
	});

	test('m on the board draws the run as a space-time diagram, the picked message still on its way; Esc comes back', async () => {
		const {frame, stdin} = start({protocol: 'leader', n: 3, inputs: '011', allow: ['crash']});
		await until(frame, analysed('0'));
		await press(stdin, ENTER); // start 1
		await until(frame, containing('moves 1'));
		await press(stdin, 'm');
		const text = await until(frame, containing('SPACE-TIME'));
		expect(text).toContain(' SPACE-TIME  Sandbox');
		expect(text.split('\n').length).toBeLessThanOrEqual(24);
		await press(stdin, ESCAPE);
		await until(frame, containing('moves 1'));
		expect(frame()).toContain('POOL');
	});

	test('a witness run: m draws the game and the run so far, s saves them as a file that replays (issue 25)', async () => {
		const dir = temporary();
		const path = join(dir, 'witness.yaml');
		const {frame, stdin} = start({protocol: 'leader', n: 3, inputs: '011', allow: ['crash']}, {saving: diskSaving(dir)});
		await until(frame, analysed('0'));
		await press(stdin, 'w');
		await until(frame, containing('WITNESS RUNS'));
		await press(stdin, ARROW_DOWN);
		await until(frame, containing('▸ stuck'));
		await press(stdin, ENTER);
		await until(frame, containing('WITNESS for stuck: step 0/4'));
		await press(stdin, ARROW_RIGHT, ARROW_RIGHT);
		let text = await until(frame, containing('step 2/4'));
		expect(text).toContain('[m] diagram [s] save');
		expect(text.split('\n').filter(line => line.startsWith(' run '))).toHaveLength(1);
		await press(stdin, 'm');
		await until(frame, containing('SPACE-TIME'));
		await press(stdin, ESCAPE);
		await until(frame, containing('WITNESS for stuck: step 2/4'));
		await press(stdin, 's');
		await until(frame, containing(' Save to: '));
		await press(stdin, path, ENTER);
		await until(frame, containing(`Saved to ${path}.`));
		const saved = readFileSync(path, 'utf8');
		expect(saved).toContain(['moves:', '  - start 2', '  - start 3', ''].join('\n'));
		const {runCli} = await import('../helpers/run-cli.js');
		const svg = join(dir, 'witness.svg');
		expect(runCli(['replay', path, '--svg', svg]).code).toBe(0);
		expect(readFileSync(svg, 'utf8')).toContain('<svg');
	});

	test('keys help and back', async () => {
		const {frame, stdin} = start(quorum);
		await until(frame, analysed());
		await press(stdin, '?');
		const text = await until(frame, containing('KEYS'));
		expect(text).toContain('enter    deliver it');
		await press(stdin, ESCAPE);
		await until(frame, containing('POOL'));
	});
});

describe('a position the analysis could not answer (issue 23)', () => {
	test('the board says why, in place of the explanation, with the protocol, node and move', async () => {
		const failing: AnalysisService = {
			request: (request, listener) => setTimeout(() => listener.report(failedReport(request.id, 'protocol loop: node 2 on 2<3:vote=1 did not return within 10 s, so the analysis was stopped (a loop without end?)')), 0),
			cancel: () => {},
			dispose: () => {},
		};
		const {frame, unmount} = start(quorum, {service: failing});
		const text = await until(frame, containing('The analysis stopped'));
		expect(text.replace(/\s+/g, ' ')).toContain('The analysis stopped: protocol loop: node 2 on 2<3:vote=1 did not return within 10 s, so the analysis was stopped (a loop without end?)');
		unmount();
	});
});

describe('Esc with a hint showing (issue 21, from a student’s play-test)', () => {
	test('the first Esc takes the hint away and stays on the board; the next leaves', async () => {
		const {frame, stdin, exits, unmount} = start(quorum);
		await until(frame, analysed('ambiguous'));
		await press(stdin, 'i');
		await until(frame, t => t.includes('Hint:') && !t.includes('thinking'));
		await press(stdin, ESCAPE);
		const text = await until(frame, t => !t.includes('Hint:'));
		expect(text).toContain('NOW ambiguous');
		expect(exits).toHaveLength(0);
		await press(stdin, ESCAPE);
		await until(() => String(exits.length), containing('1'));
		unmount();
	});
});
