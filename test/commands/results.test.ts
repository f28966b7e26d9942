/** `flp results verify|board`: hardening (issue 26 points 1, 2, 11, 12) and integrity (issue 20). */
import {mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {readChallenge} from '../../source/challenge/challenge.js';
import {hashSeed} from '../../source/challenge/random.js';
import type {ChallengeResult} from '../../source/challenge/result.js';
import {verifyResult} from '../../source/challenge/result.js';
import {csvCell, runBoard, runVerify} from '../../source/commands/results.js';
import {resultFor} from '../helpers/results.js';
import {generate} from '../../source/challenge/generate.js';
import {seeded} from '../../source/challenge/random.js';

const PATH = 'scenarios/challenges/lab-break-and-stall.yaml';
const loaded = readChallenge(PATH);
if (!loaded.ok) throw new Error(loaded.message);
const challenge = loaded.value;
const race = ['start 1', 'start 2', 'start 3', '2<1:vote=0', '1<2:vote=1', '3<2:vote=1', '3<1:vote=0', '1<3:vote=1', '2<3:vote=1'];
const honest = (player: string, timeMs = 60_000): ChallengeResult => resultFor(challenge, hashSeed(player), {0: {moves: race}}, timeMs, player);

const dir = mkdtempSync(join(tmpdir(), 'flp-results-hard-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
let files = 0;
const write = (value: unknown, name = `r${++files}.json`): string => {
	const path = join(dir, name);
	writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
	return path;
};

const level0 = (r: ChallengeResult, change: Record<string, unknown>): ChallengeResult => ({...r, levels: r.levels.map((l, i) => (i === 0 ? {...l, ...change} : l))});

describe('issue 26, point 1: one list entry is one move', () => {
	test('moves joined by ; in one entry are rejected, so they cannot be counted as one', () => {
		const ada = honest('ada');
		// The inflation: 9 moves counted as 1, 8 under par at 10 points each.
		const inflated = {...level0(ada, {moves: [race.join('; ')], score: 180}), total: 180};
		expect(verifyResult(inflated, challenge)).toEqual({ok: false, code: 'bad-result', message: 'level 1: move 1: start 1; start 2; start 3; 2<1:vote=0; 1…: one entry is one move (no ; or line breaks)'});
		const broken = {...level0(ada, {moves: ['start\n1', ...race.slice(1)]})};
		expect(verifyResult(broken, challenge)).toEqual({ok: false, code: 'bad-result', message: 'level 1: move 1: start\\n1: one entry is one move (no ; or line breaks)'});
	});
});

describe('issue 26, point 2: a malformed file is one REJECTED line, and the batch goes on', () => {
	const good = write(honest('ada'), 'ada.json');
	test.each([
		['levels: [null]', {...honest('ada'), levels: [null]}, 'levels[0] is not a level result'],
		['levels: [1]', {...honest('ada'), levels: [1]}, 'levels[0] is not a level result'],
		['levels: null', {...honest('ada'), levels: null}, 'levels must be a list'],
		['a level without moves', level0(honest('ada'), {moves: undefined}), 'level 1: moves must be a list of moves'],
		['a level with index "0"', level0(honest('ada'), {index: '0'}), 'levels[0]: index "0" is not a level number'],
		['challenge: null', {...honest('ada'), challenge: null}, 'the challenge field is missing'],
		['null', null, 'not a challenge result file'],
		['a list', [], 'not a challenge result file'],
	])('%s', (_name, value, reason) => {
		const bad = write(value);
		expect(runVerify([bad, good], PATH)).toEqual({code: 1, stdout: `ok       ${good}: ada, score 100, 60.0 s\nREJECTED ${bad}: ${reason}\n`, stderr: ''});
		const board = runBoard([bad, good], PATH, 'table');
		expect(board.code).toBe(0);
		expect(board.stdout).toContain('   1  ada       100     1/4      60.0');
		expect(board.stdout).toContain(`  ${bad}: ${reason}`);
	});
});

describe('issue 26, point 12: result fields are all checked; a file given twice is ranked once', () => {
	test.each([
		['hintsUsed is not a number', level0(honest('ada'), {hintsUsed: 'many'}), 'level 1: hintsUsed is not a whole number'],
		['negative hintsUsed', level0(honest('ada'), {hintsUsed: -1}), 'level 1: hintsUsed is not a whole number'],
		['another timeLimit', {...honest('ada'), timeLimit: 99_999}, "timeLimit 99999 is not the challenge's 1200 s"],
		['finished is not a boolean', {...honest('ada'), finished: 'yes'}, 'finished must be true or false'],
		['finished left out', {...honest('ada'), finished: undefined}, 'finished must be true or false'],
		['a blank player', {...honest('ada'), player: '  '}, 'the player name is missing or blank'],
		['attempt 0', {...honest('ada'), attempt: 0}, 'attempt 0 is not a whole number ≥ 1'],
		['a fractional seed', {...honest('ada'), seed: 1.5}, 'seed 1.5 is not a whole number from 0 to 4294967295'],
	])('rejects %s', (_name, value, reason) => {
		expect(verifyResult(value, challenge)).toEqual({ok: false, code: 'bad-result', message: reason});
	});

	test('the same file twice (or through a link) is verified and ranked once', () => {
		const ada = write(honest('ada'), 'ada-once.json');
		const link = join(dir, 'ada-link.json');
		symlinkSync(ada, link);
		expect(runVerify([ada, ada, link], PATH).stdout).toBe(`ok       ${ada}: ada, score 100, 60.0 s\n`);
		expect(runBoard([ada, ada, link], PATH, 'csv').stdout.trim().split('\n')).toHaveLength(2);
	});
});

describe('issue 26, point 11: names are data on the board', () => {
	test('a newline or ANSI escape in a name cannot forge a row; control characters are shown escaped', () => {
		const names = ['mallory\n   1  mallory2  999     4/4       1.0', 'eve\u001b[2J\u001b]0;owned\u0007'];
		const paths = names.map(name => write(honest(name)));
		const table = runBoard(paths, PATH, 'table');
		expect(table.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
		const rows = table.stdout.split('\n').filter(line => /^\s+\d+ {2}/.test(line));
		expect(rows).toHaveLength(2);
		expect(table.stdout).toContain('mallory\\n   1  mallory2  999     4/4       1.0');
		expect(table.stdout).toContain('eve\\e[2J\\e]0;owned\\u0007');
		const verify = runVerify(paths, PATH);
		expect(verify.stdout.split('\n').filter(Boolean)).toHaveLength(2);
		expect(verify.stdout).not.toContain('\u001b');
		const csv = runBoard(paths, PATH, 'csv').stdout;
		expect(csv.trim().split('\n')).toHaveLength(1 + 2); // the header and two rows
		expect(csv).not.toContain('\u001b[2J');
		const markdown = runBoard(paths, PATH, 'markdown').stdout;
		expect(markdown.split('\n').filter(line => line.startsWith('| '))).toHaveLength(4);
	});

	test.each(['=HYPERLINK("http://x","click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])('a CSV cell for %j is no formula', name => {
		const cell = csvCell(name);
		expect(cell.replace(/^"/, '')).toMatch(/^'/);
		const csv = runBoard([write(honest(name))], PATH, 'csv').stdout;
		expect(csv.split('\n')[1]!.split(',')[1]!.replace(/^"/, '')).toMatch(/^'/);
	});
});

describe('issue 20: honest integrity', () => {
	test('times: the levels cannot add up to more than the total, and moves take time', () => {
		const ada = honest('ada');
		expect(verifyResult(level0(ada, {timeMs: 61_000}), challenge)).toEqual({ok: false, code: 'bad-result', message: 'the levels\u2019 times add up to 61000 ms, more than the 60000 ms used in all'.replace('\u2019', "'")});
		expect(verifyResult({...level0(ada, {timeMs: 1}), timeMs: 1}, challenge)).toEqual({ok: false, code: 'bad-result', message: 'level 1: 9 moves in 1 ms is not credible (at least 50 ms a move)'});
	});

	test('no hints in a challenge that shows none', () => {
		const copy = join(dir, 'no-hints.yaml');
		writeFileSync(copy, readFileSync(PATH, 'utf8').replace('hints: true', 'hints: none').replace('../campaign/', `${process.cwd()}/scenarios/campaign/`));
		const c = readChallenge(copy);
		if (!c.ok) throw new Error(c.message);
		const ada = resultFor(c.value, hashSeed('ada'), {0: {moves: race}});
		expect(verifyResult(ada, c.value)).toEqual({ok: true, value: ada});
		expect(verifyResult(level0(ada, {hintsUsed: 2}), c.value)).toEqual({ok: false, code: 'bad-result', message: 'level 1: 2 hints used, but this challenge shows none'});
	});

	test('the challenge hash does not change with line endings', () => {
		const copy = join(dir, 'crlf.yaml');
		writeFileSync(copy, readFileSync(PATH, 'utf8').replace(/\n/g, '\r\n').replace('../campaign/', `${process.cwd()}/scenarios/campaign/`.replace(/\n/g, '')));
		const lf = join(dir, 'lf.yaml');
		writeFileSync(lf, readFileSync(copy, 'utf8').replace(/\r\n/g, '\n'));
		const a = readChallenge(copy);
		const b = readChallenge(lf);
		expect(a.ok && b.ok && a.value.hash === b.value.hash).toBe(true);
	});

	test('two files for one player: the second is rejected; two players with the same moves: a warning', () => {
		const first = write(honest('ada'), 'ada-1.json');
		const second = write(honest('ada', 50_000), 'ada-2.json');
		const verify = runVerify([first, second], PATH);
		expect(verify.stdout).toBe(`ok       ${first}: ada, score 100, 60.0 s\nREJECTED ${second}: a second file for player ada (the first is ${first})\n`);
		// The same moves on the fixed level alone are no sign of copying: everyone has that puzzle.
		expect(runVerify([first, write(honest('bob'), 'bob.json')], PATH).stdout).not.toContain('WARNING');
		// The same moves on a generated level too (seeds: free, one seed handed to two players) are.
		const copy = join(dir, 'free.yaml');
		writeFileSync(copy, `${readFileSync(PATH, 'utf8').replace('../campaign/', `${process.cwd()}/scenarios/campaign/`)}seeds: free\n`);
		const free = readChallenge(copy);
		if (!free.ok) throw new Error(free.message);
		const level = free.value.file.levels[1]!;
		if (!('generate' in level)) throw new Error('level 2 should be generated');
		const [made] = generate(level.generate, seeded(7), 'lab-break-and-stall-2', 'Level 2: break-agreement');
		const play = {0: {moves: race}, 1: {moves: [...made!.solution]}};
		const ada = write(resultFor(free.value, 7, play, 60_000, 'ada'), 'free-ada.json');
		const bob = write(resultFor(free.value, 7, play, 60_000, 'bob'), 'free-bob.json');
		const both = runVerify([ada, bob], copy);
		expect(both.code).toBe(0);
		expect(both.stdout).toContain(`WARNING  ${bob} (bob) has the same moves on every level as ${ada} (ada)`);
	});

	test('board: equal score and time share a rank', () => {
		const paths = [write(honest('ada', 30_000)), write(honest('bob', 30_000)), write(honest('carol', 40_000))];
		const csv = runBoard(paths, PATH, 'csv').stdout.trim().split('\n').slice(1);
		expect(csv.map(row => row.split(',').slice(0, 2).join(','))).toEqual(['1,ada', '1,bob', '3,carol']);
		expect(runBoard(paths, PATH, 'csv').stderr).toBe('');
	});
});
