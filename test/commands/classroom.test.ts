/** The instructor's commands: challenge check, rosters, board --rejected, results watch, schema challenge. */
import {spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, test} from 'vitest';
import {GENERATOR_FIELDS, TOP_FIELDS, readChallenge} from '../../source/challenge/challenge.js';
import {hashSeed} from '../../source/challenge/random.js';
import {CHALLENGE_SCHEMA} from '../../source/challenge/schema.js';
import {runChallengeCheck} from '../../source/commands/challenge-check.js';
import {newWatch, scan} from '../../source/commands/results-watch.js';
import {runBoard, runVerify} from '../../source/commands/results.js';
import {resultFor} from '../helpers/results.js';
import {runCli} from '../helpers/run-cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PATH = 'scenarios/challenges/lab-break-and-stall.yaml';
const loaded = readChallenge(PATH);
if (!loaded.ok) throw new Error(loaded.message);
const challenge = loaded.value;
const race = ['start 1', 'start 2', 'start 3', '2<1:vote=0', '1<2:vote=1', '3<2:vote=1', '3<1:vote=0', '1<3:vote=1', '2<3:vote=1'];
const dir = mkdtempSync(join(tmpdir(), 'flp-classroom-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const write = (name: string, text: string): string => {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
};

const honest = (player: string) => resultFor(challenge, hashSeed(player), {0: {moves: race}}, 60_000, player);

describe('flp challenge check', () => {
	test('makes every rostered student’s levels, shows the spread per level, and prints an answer key', () => {
		const roster = write('roster.txt', '# lab group A\nada\n\nbob  \n');
		const result = runChallengeCheck([PATH], {roster, answers: true});
		expect(result.code).toBe(0);
		const lines = result.stdout.split('\n');
		expect(lines[0]).toBe('Lab: break it, then stall it: 4 levels, 2 students on the roster, 2 with every level made');
		expect(lines[1]).toBe('  level 1  fixed ../campaign/04-quorum-race.yaml: quorum, n = 3, par 9');
		expect(lines[2]).toMatch(/^ {2}level 2 {2}break-agreement: protocol /);
		expect(result.stdout).toContain('Answer key');
		expect(result.stdout).toContain(`  ada (seed ${hashSeed('ada')})`);
		expect(result.stdout).toContain('    level 1: a fixed level: the same for everyone (see its own file)');
		expect(result.stdout).toMatch(/ {4}level 3: choose [01]{3,4}/);
	}, 60_000);

	test('fails when par varies more than parSpread allows', () => {
		const copy = write('spread.yaml', readFileSync(PATH, 'utf8').replace('../campaign/', `${root}scenarios/campaign/`).replace('      nodes: [3]\n      allow: [[crash]]', '      nodes: [3]\n      allow: [[crash]]\n      parSpread: 0'));
		const result = runChallengeCheck([copy], {});
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/^flp: level 4: par varies from 3 to 5, more than parSpread 0 allows/);
	}, 60_000);

	test('a typo’d key gets “did you mean”', () => {
		const copy = write('typo.yaml', readFileSync(PATH, 'utf8').replace('timeLimit:', 'timelimit:').replace('../campaign/', `${root}scenarios/campaign/`));
		const result = readChallenge(copy);
		expect(result.ok ? '' : result.message).toContain(`${copy}:4:1: timelimit: unknown field "timelimit" (did you mean "timeLimit"?)`);
	});
});

describe('rosters', () => {
	test('verify rejects a name not on the roster (--roster, or roster: in the challenge)', () => {
		const roster = write('roster2.txt', 'ada\n');
		const ada = write('ada.json', JSON.stringify(honest('ada')));
		const bob = write('bob.json', JSON.stringify(honest('bob')));
		expect(runVerify([ada, bob], {challenge: PATH, roster}).stdout).toBe(`ok       ${ada}: ada, score 100, 60.0 s\nREJECTED ${bob}: player bob is not on the roster\n`);
		const copy = write('with-roster.yaml', `${readFileSync(PATH, 'utf8').replace('../campaign/', `${root}scenarios/campaign/`)}roster: roster2.txt\n`);
		const c = readChallenge(copy);
		if (!c.ok) throw new Error(c.message);
		expect(c.value.roster).toEqual(['ada']);
	});

	test('board --rejected FILE: stdout is the table alone', () => {
		const ada = write('ada-b.json', JSON.stringify(honest('ada')));
		const bad = write('bad.json', '{"levels": [null]}');
		const side = join(dir, 'rejected.txt');
		const result = runBoard([ada, bad], {challenge: PATH, format: 'csv', rejected: side});
		expect(result.stderr).toBe('');
		expect(result.stdout.trim().split('\n')).toHaveLength(2);
		expect(readFileSync(side, 'utf8')).toBe(`REJECTED ${bad}: not a challenge result file\n`);
	});
});

describe('flp results watch', () => {
	test('verifies each new or changed file once, and ranks them all', () => {
		const watched = join(dir, 'watched');
		mkdirSync(watched);
		const state = newWatch();
		expect(scan(watched, challenge, state).lines).toEqual([]);
		writeFileSync(join(watched, 'ada.json'), JSON.stringify(honest('ada')));
		let result = scan(watched, challenge, state);
		expect(result.lines).toEqual([`ok       ${join(watched, 'ada.json')}: ada, score 100, 60.0 s`]);
		expect(scan(watched, challenge, state).lines).toEqual([]);
		writeFileSync(join(watched, 'bob.json'), JSON.stringify({...honest('bob'), total: 5}));
		result = scan(watched, challenge, state);
		expect(result.lines).toEqual([`REJECTED ${join(watched, 'bob.json')}: total 5 claimed, 100 by the rules`]);
		expect(result.rows.map(r => r.player)).toEqual(['ada']);
	});

	test('without a terminal: a line per file as it arrives, Ctrl-C ends it with 130', async () => {
		const watched = join(dir, 'watched-cli');
		mkdirSync(watched);
		const child = spawn(process.execPath, ['--import', 'tsx', 'source/bin.ts', 'results', 'watch', watched, '--challenge', PATH], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']});
		let out = '';
		child.stdout.on('data', chunk => (out += String(chunk)));
		const waitFor = async (needle: string): Promise<void> => {
			for (let waited = 0; !out.includes(needle); waited += 100) {
				if (waited > 60_000) throw new Error(`no "${needle}" in:\n${out}`);
				await new Promise(resolve => setTimeout(resolve, 100));
			}
		};

		await waitFor('watching');
		writeFileSync(join(watched, 'ada.json'), JSON.stringify(honest('ada')));
		await waitFor('ok       ');
		const code = new Promise(resolve => child.on('exit', status => resolve(status)));
		child.kill('SIGINT');
		expect(await code).toBe(130);
		expect(out).toContain(`ok       ${join(watched, 'ada.json')}: ada, score 100, 60.0 s`);
	}, 90_000);
});

describe('flp schema challenge', () => {
	test('prints a JSON Schema naming every field the loader knows', () => {
		const result = runCli(['schema', 'challenge']);
		expect(result.code).toBe(0);
		const schema = JSON.parse(result.stdout) as typeof CHALLENGE_SCHEMA;
		expect(Object.keys(schema.properties)).toEqual([...TOP_FIELDS]);
		expect(Object.keys(CHALLENGE_SCHEMA.properties.levels.items.oneOf[1].properties.generate.properties)).toEqual([...GENERATOR_FIELDS]);
	}, 60_000);
});

describe('attempts', () => {
	test('restarting under the same name is counted in the state directory and shown by verify', async () => {
		const {nextAttempt, recordAttempt} = await import('../../source/challenge/attempts.js');
		const state = join(dir, 'state');
		expect(nextAttempt(state, 'lab', 'ada')).toBe(1);
		recordAttempt(state, 'lab', 'ada', 1);
		expect(nextAttempt(state, 'lab', 'ada')).toBe(2);
		expect(nextAttempt(state, 'lab', 'bob')).toBe(1);
		expect(nextAttempt(state, 'other', 'ada')).toBe(1);
		const second = write('ada-2nd.json', JSON.stringify({...honest('ada'), attempt: 2}));
		expect(runVerify([second], PATH).stdout).toBe(`ok       ${second}: ada, score 100, 60.0 s (attempt 2)\n`);
	});
});
