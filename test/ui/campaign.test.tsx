import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {App, type Farewell, type Opening} from '../../source/app.js';
import {diskFiles} from '../../source/app-files.js';
import {InlineService} from '../helpers/inline-service.js';
import {analysed, containing, press, until} from '../helpers/ink.js';
import {ARROW_DOWN, ARROW_RIGHT, ENTER, ESCAPE} from '../helpers/keys.js';

const made: string[] = [];
const apps: Array<{unmount: () => void}> = [];
afterEach(() => {
	// The apps first: one still mounted could write its progress into a folder removed under it.
	for (const app of apps.splice(0)) app.unmount();
	for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true});
});

function open(opening: Opening = {kind: 'menu'}, stateDir = mkdtempSync(join(tmpdir(), 'flp-ui-'))) {
	made.push(stateDir);
	const clock = (): number => Date.UTC(2026, 10, 24, 12, 0, 0);
	const farewells: Farewell[] = [];
	const app = render(
		<App service={new InlineService()} colour={false} files={diskFiles({stateDir, clock})} clock={clock} opening={opening} onFarewell={m => farewells.push(m)} />,
	);
	apps.push(app);
	return {...app, frame: (): string => app.lastFrame() ?? '', stateDir, farewells};
}

const down = (k: number): string[] => Array.from({length: k}, () => ARROW_DOWN);

describe('the campaign', () => {
	test('lists the levels; a solved level gets its tick and best count, saved as progress', async () => {
		const {frame, stdin, stateDir} = open();
		await until(frame, containing('FLP ADVERSARY'));
		await press(stdin, ENTER);
		let text = await until(frame, containing('CAMPAIGN  0/17 solved'));
		expect(text).toContain('▸   1. The silent node');
		await press(stdin, ...down(1), ENTER); // 2. Follow the leader
		text = await until(frame, containing('2. Follow the leader'));
		expect(text).toContain('leader, n = 3, f = 1, allowed: crash');
		expect(text).toContain('Goal: end the run (empty pool) with an honest node that never decides.');
		expect(text).toContain(' par 4');
		await press(stdin, ENTER);
		await until(frame, analysed('0'));
		await press(stdin, 'c');
		await until(frame, containing('CORRUPT A NODE'));
		await press(stdin, ENTER); // corrupt 1 as crash
		await until(frame, t => t.includes('moves 1') && analysed()(t));
		await press(stdin, ENTER, ENTER, ENTER); // deliver the three starts
		text = await until(frame, containing('✓ GOAL REACHED. Broken in 4 moves.'));
		await until(() => String(existsSync(join(stateDir, 'progress.json'))), t => t === 'true');
		expect(JSON.parse(readFileSync(join(stateDir, 'progress.json'), 'utf8'))).toEqual({
			format: 1,
			levels: {'leader-silent': {solved: true, best: 4}},
		});
		await press(stdin, 'q'); // back to the story, the game autosaved
		await until(frame, containing('[enter] play [esc] back'));
		await press(stdin, ESCAPE);
		text = await until(frame, containing('CAMPAIGN  1/17 solved'));
		// The cursor comes back past the level just solved, on the next unsolved one.
		expect(text).toContain('▸   3.');
		expect(text).toContain('✓ 2. Follow the leader');
		expect(text).toContain('best 4 / par 4');
		expect(readdirSync(join(stateDir, 'saves'))).toEqual(['leader-silent-20261124-120000.yaml']);
	});

	test('a Lemma 1 level lets the player choose X_i, and says whether that start is ambiguous', async () => {
		const {frame, stdin} = open({kind: 'play-file', path: 'scenarios/campaign/07-lemma1-quorum.yaml'});
		let text = await until(frame, containing('Choose the inputs:'));
		expect(text).toContain('▸ X_0 = 000  all zeros');
		await press(stdin, ARROW_DOWN, ENTER); // X_1 = 100
		text = await until(frame, containing('✗ This start is a 0-configuration; try other inputs.'));
		await press(stdin, 'q');
		await until(frame, containing('Choose the inputs:'));
		await press(stdin, ARROW_DOWN, ARROW_DOWN, ENTER); // X_2 = 110
		text = await until(frame, containing('✓ GOAL REACHED. This initial configuration is ambiguous: Lemma 1 found.'));
		expect(text).toContain('inputs 110');
		// Choosing the start is the level's one move: the counter agrees with par and the score.
		expect(text).toContain('moves 1/par 1');
	});
});

describe('saved games', () => {
	test('flp play LEVEL opens on the level’s story', async () => {
		const {frame, stdin} = open({kind: 'play-file', path: 'scenarios/campaign/11-diamond-hide.yaml'});
		const text = await until(frame, containing('11. The diamond: a recipient that hides'));
		expect(text).toContain('Goal: make node 3 byzantine, then deliver 3<1:vote=0 and 3<2:vote=1.');
		await press(stdin, ENTER);
		await until(frame, analysed());
	});

	test('flp play FILE continues a saved game where it stopped', async () => {
		const {frame} = open({kind: 'play-file', path: 'scenarios/solutions/08-lemma2-stall.yaml'});
		const text = await until(frame, containing('✓ GOAL REACHED.'));
		expect(text).toContain('moves 3');
	});

	test('Ctrl-C in a game saves it and says where', async () => {
		const {frame, stdin, farewells, stateDir, ...app} = open();
		await until(frame, containing('FLP ADVERSARY'));
		await press(stdin, ...down(3), ENTER);
		await until(frame, containing('SANDBOX'));
		await press(stdin, ENTER);
		await until(frame, analysed());
		await press(stdin, ENTER);
		await until(frame, containing('moves 1'));
		await press(stdin, '\u0003');
		await until(() => String(farewells.length), t => t === '1');
		const path = join(stateDir, 'saves', 'sandbox-20261124-120000.yaml');
		expect(farewells).toEqual([{lines: [`Your game was saved: ${path}`, `To go on with it: flp play ${path}`], code: 130}]);
		expect(readFileSync(path, 'utf8')).toContain('moves:\n  - start 1\n');
		app.unmount();

		// The next start offers to continue that game, and Continue opens it where it stopped.
		const again = open({kind: 'menu'}, stateDir);
		const text = await until(again.frame, containing('FLP ADVERSARY'));
		expect(text).toMatch(/▸ Continue +the game you left: sandbox-20261124-120000\.yaml/);
		await press(again.stdin, ENTER);
		await until(again.frame, t => t.includes('moves 1') && analysed()(t));
		await press(again.stdin, ENTER);
		await until(again.frame, containing('moves 2'));
		await press(again.stdin, 'q');
		const left = await until(again.frame, containing('Your game was saved'));
		// At 80 columns the path starts a line of its own, so it is never broken after "saved:".
		expect(left).toContain(` Your game was saved:\n ${path}`);
		// Leaving a continued game saves over the autosave it came from.
		expect(readdirSync(join(stateDir, 'saves'))).toEqual(['sandbox-20261124-120000.yaml']);
		expect(readFileSync(path, 'utf8')).toContain('moves:\n  - start 1\n  - start 2\n');
	});

	test('Ctrl-C outside a game exits 130 with nothing to say', async () => {
		const {frame, stdin, farewells} = open();
		await until(frame, containing('FLP ADVERSARY'));
		await press(stdin, '\u0003');
		await until(() => String(farewells.length), t => t === '1');
		expect(farewells).toEqual([{lines: [], code: 130}]);
	});

	test('a failed autosave says so, and its exit code is 1', async () => {
		const blocked = mkdtempSync(join(tmpdir(), 'flp-ui-'));
		made.push(blocked);
		writeFileSync(join(blocked, 'saves'), 'a file where the saves folder should be');
		const {frame, stdin, farewells} = open({kind: 'menu'}, blocked);
		await until(frame, containing('FLP ADVERSARY'));
		await press(stdin, ...down(3), ENTER);
		await until(frame, containing('SANDBOX'));
		await press(stdin, ENTER);
		await until(frame, analysed());
		await press(stdin, ENTER);
		await until(frame, containing('moves 1'));
		await press(stdin, '\u0003');
		await until(() => String(farewells.length), t => t === '1');
		expect(farewells[0]!.code).toBe(1);
		expect(farewells[0]!.lines).toEqual([`Your game could not be saved: ${join(blocked, 'saves')} is not a folder.`]);
	});

	test('the replay screen steps through a saved game', async () => {
		const {frame, stdin} = open({kind: 'replay-file', path: 'scenarios/solutions/02-leader-silent.yaml'});
		let text = await until(frame, containing('step 4/4: start 3'));
		await press(stdin, '\u001B[H'); // Home
		text = await until(frame, containing('step 0/4: (the start)'));
		await until(frame, analysed('0'));
		await press(stdin, ARROW_RIGHT);
		text = await until(frame, t => t.includes('step 1/4: corrupt 1 as crash') && analysed('none')(t));
		expect(text).toContain('1  in 0  ✗crash —');
	});

	test('Replay a file from the menu reports a missing file and lets the player try again', async () => {
		const {frame, stdin} = open();
		await until(frame, containing('FLP ADVERSARY'));
		await press(stdin, ...down(2), ENTER);
		await until(frame, containing('REPLAY A FILE'));
		await press(stdin, 'nope.yaml', ENTER);
		await until(frame, containing('nope.yaml: cannot read it (no such file)'));
	});
});
