import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {type Challenge, instances, readChallenge, scoreLevel} from '../../source/challenge/challenge.js';
import {DEFAULT_SCORING} from '../../source/challenge/format.js';
import {generate} from '../../source/challenge/generate.js';
import {hashSeed, seeded} from '../../source/challenge/random.js';
import {type ChallengeResult, judgeLevel, verifyResult} from '../../source/challenge/result.js';
import {runBoard, runVerify} from '../../source/commands/results.js';
import {resultFor} from '../helpers/results.js';
import {tempDirs} from '../helpers/temp.js';

const newDir = tempDirs('flp-challenge-');

const PATH = 'scenarios/challenges/lab-break-and-stall.yaml';

function load(path = PATH): Challenge {
	const c = readChallenge(path);
	if (!c.ok) throw new Error(c.message);
	return c.value;
}

const challenge = load();
const resultWith = (seed: number, moves: Record<number, {moves: string[]; inputs?: string}>, timeMs = 60_000, player = 'ada'): ChallengeResult =>
	resultFor(challenge, seed, moves, timeMs, player);

const ADA = hashSeed('ada');
const BOB = hashSeed('bob');
const EVE = hashSeed('eve');
const race = ['start 1', 'start 2', 'start 3', '2<1:vote=0', '1<2:vote=1', '3<2:vote=1', '3<1:vote=0', '1<3:vote=1', '2<3:vote=1'];

describe('challenge levels', () => {
	test('the same seed always gives the same levels; other seeds give others', () => {
		const a = instances(challenge, 7);
		const b = instances(challenge, 7);
		expect(a).toEqual(b);
		const others = [8, 9, 10].map(seed => JSON.stringify(instances(challenge, seed)));
		expect(others.some(o => o !== JSON.stringify(a))).toBe(true);
	});

	test('every generated level is checked solvable: the engine’s own solution reaches its goal', () => {
		for (const [i, level] of challenge.file.levels.entries()) {
			if (!('generate' in level)) continue;
			for (const seed of [1, 2, 3]) {
				const [made] = generate(level.generate, seeded(seed), `x-${i}`, 'x');
				expect(made).toBeDefined();
				const instance = {index: i, file: made!.file};
				const choose = made!.file.inputs === 'choose';
				const judged = judgeLevel(instance, choose ? [] : made!.solution, choose ? made!.solution[0] : undefined);
				expect(judged).toEqual({ok: true, value: true});
			}
		}
	});
});

describe('scoring', () => {
	test.each([
		[false, 9, 0],
		[true, 9, 100],
		[true, 7, 120],
		[true, 12, 85],
		[true, 40, 20],
	])('solved %s in %i moves against par 9: %i points', (solved, moves, points) => {
		expect(scoreLevel(DEFAULT_SCORING, 9, solved, moves)).toBe(points);
	});
});

describe('verifying results', () => {
	const honest = resultWith(ADA, {0: {moves: race}});

	test('an honest result is accepted, its score recomputed', () => {
		expect(honest.total).toBe(100);
		expect(verifyResult(honest, challenge)).toEqual({ok: true, value: honest});
	});

	test.each([
		['a doctored level score', (r: ChallengeResult) => ({...r, levels: r.levels.map((l, i) => (i === 0 ? {...l, score: 130} : l))}), 'level 1: score 130 claimed, 100 by the rules'],
		['a doctored total', (r: ChallengeResult) => ({...r, total: 400}), 'total 400 claimed, 100 by the rules'],
		['a solved claim the moves do not back', (r: ChallengeResult) => ({...r, levels: r.levels.map((l, i) => (i === 0 ? {...l, moves: race.slice(0, 5)} : l))}), 'level 1 claims solved, but its moves do not reach the goal'],
		['an illegal move', (r: ChallengeResult) => ({...r, levels: r.levels.map((l, i) => (i === 0 ? {...l, moves: ['2<1:vote=0']} : l))}), 'level 1: move 1: 2<1:vote=0: no such message is pending'],
		['a mismatched challenge hash', (r: ChallengeResult) => ({...r, challenge: {...r.challenge, sha256: 'f'.repeat(64)}}), 'challenge hash mismatch: made with a different version of the challenge file'],
		['another challenge', (r: ChallengeResult) => ({...r, challenge: {...r.challenge, id: 'other'}}), 'made for challenge "other", not "lab-break-and-stall"'],
		['a time beyond the limit', (r: ChallengeResult) => ({...r, timeMs: 1_300_000}), 'time used 1300000 ms is not within the limit of 1200 s'],
		['chosen inputs that are no X_i', (r: ChallengeResult) => ({...r, levels: r.levels.map((l, i) => (i === 2 ? {...l, inputs: '101'} : l))}), 'level 3: inputs 101 are not one of X_0..X_4'],
		['a level listed twice', (r: ChallengeResult) => ({...r, levels: [r.levels[0]!, r.levels[0]!]}), 'level 1 appears twice'],
	])('rejects %s', (_name, tamper, reason) => {
		expect(verifyResult(tamper(honest), challenge)).toEqual({ok: false, code: 'bad-result', message: reason});
	});

	test('rejects a seed that is not the player’s own (seeds: player)', () => {
		expect(verifyResult({...honest, seed: 6}, challenge)).toEqual({ok: false, code: 'bad-result', message: `seed 6 is not the one this challenge gives ada (${ADA})`});
	});

	test('with seeds: free, moves must still fit the claimed seed’s puzzle', () => {
		const dir = newDir();
		const copy = join(dir, 'free.yaml');
		writeFileSync(copy, `${readFileSync(PATH, 'utf8').replace('../campaign/', `${process.cwd()}/scenarios/campaign/`)}seeds: free\n`);
		const free = load(copy);
		const level = free.file.levels[1]!;
		if (!('generate' in level)) throw new Error('level 2 should be generated');
		// Level 2 is the first generated level, so it comes from the seed's first numbers.
		const levelFile = (seed: number) => {
			const made = instances(free, seed);
			if (!made.ok) throw new Error(made.message);
			return {index: 1, file: made.value[1]!.file};
		};

		let found = false;
		for (const [mine, other] of [[5, 6], [7, 8], [9, 10], [11, 12]] as const) {
			const [made] = generate(level.generate, seeded(mine), 'lab-break-and-stall-2', 'Level 2: break-agreement');
			const onOther = judgeLevel(levelFile(other), made!.solution);
			if (onOther.ok && onOther.value) continue; // these moves happen to solve both puzzles
			expect(judgeLevel(levelFile(mine), made!.solution)).toEqual({ok: true, value: true});
			found = true;
			break;
		}

		expect(found).toBe(true);
	});

	test('a changed challenge file changes the hash, so old results are rejected', () => {
		const dir = newDir();
		const copy = join(dir, 'c.yaml');
		writeFileSync(copy, readFileSync(PATH, 'utf8').replace('timeLimit: 1200', 'timeLimit: 1500').replace('../campaign/', `${process.cwd()}/scenarios/campaign/`));
		const changed = load(copy);
		expect(changed.hash).not.toBe(challenge.hash);
		expect(verifyResult(honest, changed)).toMatchObject({ok: false, message: 'challenge hash mismatch: made with a different version of the challenge file'});
	});
});

describe('flp results', () => {
	const dir = mkdtempSync(join(tmpdir(), 'flp-results-'));
	afterAll(() => rmSync(dir, {recursive: true, force: true}));
	const write = (name: string, result: unknown): string => {
		const path = join(dir, name);
		writeFileSync(path, JSON.stringify(result));
		return path;
	};

	const ada = write('ada.json', resultWith(ADA, {0: {moves: race}}, 60_000));
	const bob = write('bob.json', resultWith(BOB, {0: {moves: race}}, 30_000, 'bob'));
	const eve = write('eve.json', {...resultWith(EVE, {0: {moves: race}}, 60_000, 'eve'), total: 999});

	test('verify: ok lines for good files, a reason for each rejected one, exit 1', () => {
		expect(runVerify([ada, eve, join(dir, 'none.json')], PATH)).toEqual({
			code: 1,
			stdout: [
				`ok       ${ada}: ada, score 100, 60.0 s`,
				`REJECTED ${eve}: total 999 claimed, 100 by the rules`,
				`REJECTED ${join(dir, 'none.json')}: cannot read it (no such file)`,
				'',
			].join('\n'),
			stderr: '',
		});
	});

	test('board: ranks by score, then time, and lists the rejected apart', () => {
		expect(runBoard([ada, bob, eve], PATH, 'table').stdout).toBe(
			[
				'Lab: break it, then stall it',
				'rank  player  score  solved  time (s)',
				'   1  bob       100     1/4      30.0',
				'   2  ada       100     1/4      60.0',
				'',
				'rejected:',
				`  ${eve}: total 999 claimed, 100 by the rules`,
				'',
			].join('\n'),
		);
		expect(runBoard([ada, bob], PATH, 'csv').stdout).toBe(
			[
				'rank,student,score,solved,unfinished,seconds,attempt,level 1 solved,level 1 score,level 2 solved,level 2 score,level 3 solved,level 3 score,level 4 solved,level 4 score,seed',
				`1,bob,100,1,0,30,1,1,100,0,0,0,0,0,0,${BOB}`,
				`2,ada,100,1,0,60,1,1,100,0,0,0,0,0,0,${ADA}`,
				'',
			].join('\n'),
		);
		expect(runBoard([ada], PATH, 'markdown').stdout).toBe('| rank | player | score | solved | time (s) |\n| ---: | --- | ---: | ---: | ---: |\n| 1 | ada | 100 | 1/4 | 60 |\n');
		expect(JSON.parse(runBoard([ada, eve], PATH, 'json').stdout)).toEqual({
			challenge: 'lab-break-and-stall',
			ranking: [{rank: 1, player: 'ada', score: 100, solved: 1, unfinished: false, seconds: 60, attempt: 1, seed: ADA, levels: [{solved: true, score: 100}, {solved: false, score: 0}, {solved: false, score: 0}, {solved: false, score: 0}]}],
			rejected: [{path: eve, reason: 'total 999 claimed, 100 by the rules'}],
			warnings: [],
		});
		expect(runBoard([ada], PATH, 'xml')).toEqual({code: 2, stdout: '', stderr: 'flp: --format must be one of table, csv, markdown, json\n'});
		expect(runBoard([ada], undefined, 'table').code).toBe(2);
	});

});
