import {execFileSync} from 'node:child_process';
import {copyFileSync, existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {App, type Opening} from '../../source/app.js';
import {diskFiles} from '../../source/app-files.js';
import {InlineService} from '../helpers/inline-service.js';
import {analysed, containing, press, until} from '../helpers/ink.js';
import {ENTER} from '../helpers/keys.js';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

function open(opening: Opening, stateDir: string) {
	const farewells: string[] = [];
	const clock = (): number => Date.UTC(2026, 10, 24, 12, 0, 0);
	const app = render(
		<App service={new InlineService()} colour={false} files={diskFiles({stateDir, clock})} clock={clock} opening={opening} onFarewell={m => farewells.push(...m.lines)} />,
	);
	return {...app, frame: (): string => app.lastFrame() ?? '', farewells};
}

const fresh = (): string => {
	const dir = mkdtempSync(join(tmpdir(), 'flp-progress-safety-'));
	dirs.push(dir);
	return dir;
};

/** Solve "2. Follow the leader": corrupt 1 as crash, deliver the three starts. */
async function solveLeader(frame: () => string, stdin: {write: (s: string) => void}): Promise<void> {
	await until(frame, containing('[enter] play'));
	await press(stdin, ENTER);
	await until(frame, analysed('0'));
	await press(stdin, 'c');
	await until(frame, containing('CORRUPT A NODE'));
	await press(stdin, ENTER);
	await until(frame, t => t.includes('moves 1') && analysed()(t));
	await press(stdin, ENTER, ENTER, ENTER);
	await until(frame, containing('✓ GOAL REACHED'));
}

describe('progress is never lost (issue 26 point 8)', () => {
	test('a progress file that cannot be read is not written over when a level is solved, and flp play FILE says so', async () => {
		const stateDir = fresh();
		const path = join(stateDir, 'progress.json');
		// Unreadable for flp: bigger than the read limit (a mode-000 file is readable by root, so
		// the test uses the size limit; both are "could not be read").
		const text = `${JSON.stringify({format: 1, levels: {'wait-all-silent': {solved: true, best: 8}, 'quorum-race': {solved: true, best: 9}}})}${' '.repeat(1024 * 1024)}`;
		writeFileSync(path, text);
		const {frame, stdin, farewells} = open({kind: 'play-file', path: 'scenarios/campaign/02-leader-silent.yaml'}, stateDir);
		await until(frame, t => t.includes('[enter] play') && t.includes('Could not read your progress'));
		await solveLeader(frame, stdin);
		await new Promise(resolve => setTimeout(resolve, 50));
		expect(readFileSync(path, 'utf8')).toBe(text);
		expect(farewells[0]).toMatch(/^Could not read your progress \(bigger than 1\.0 MB, the most flp reads from one file\); it is left as it was/);
	});

	test('a FIFO in place of progress.json is left alone, and nothing blocks', async () => {
		const stateDir = fresh();
		const path = join(stateDir, 'progress.json');
		execFileSync('mkfifo', [path]);
		const {frame, stdin} = open({kind: 'play-file', path: 'scenarios/campaign/02-leader-silent.yaml'}, stateDir);
		await solveLeader(frame, stdin);
		await new Promise(resolve => setTimeout(resolve, 50));
		expect(lstatSync(path).isFIFO()).toBe(true);
	});

	test('a progress file of a newer format is not corrupt: left alone, with a message saying why', async () => {
		const stateDir = fresh();
		const path = join(stateDir, 'progress.json');
		const text = JSON.stringify({format: 2, levels: {}, badges: ['x']});
		writeFileSync(path, text);
		const {frame, stdin} = open({kind: 'play-file', path: 'scenarios/campaign/02-leader-silent.yaml'}, stateDir);
		await until(frame, t => t.replace(/\s+/g, ' ').includes('Your progress file is of a newer format (2) than this flp-adversary understands (1)'));
		await solveLeader(frame, stdin);
		await new Promise(resolve => setTimeout(resolve, 50));
		expect(readFileSync(path, 'utf8')).toBe(text);
		expect(existsSync(`${path}.corrupt-20261124-120000`)).toBe(false);
	});
});

describe('only the campaign\'s own levels record progress (issue 26 point 12)', () => {
	test('a copy of a level with its id, played from another file, records nothing', async () => {
		const stateDir = fresh();
		const copy = join(fresh(), 'mine.yaml');
		copyFileSync('scenarios/campaign/02-leader-silent.yaml', copy);
		const {frame, stdin} = open({kind: 'play-file', path: copy}, stateDir);
		await solveLeader(frame, stdin);
		await new Promise(resolve => setTimeout(resolve, 50));
		expect(existsSync(join(stateDir, 'progress.json'))).toBe(false);
	});

	test('the campaign level itself, opened by its path, records its progress', async () => {
		const stateDir = fresh();
		const {frame, stdin} = open({kind: 'play-file', path: 'scenarios/campaign/02-leader-silent.yaml'}, stateDir);
		await solveLeader(frame, stdin);
		await until(() => String(existsSync(join(stateDir, 'progress.json'))), t => t === 'true');
		expect(JSON.parse(readFileSync(join(stateDir, 'progress.json'), 'utf8'))).toEqual({format: 1, levels: {'leader-silent': {solved: true, best: 4}}});
	});
});
