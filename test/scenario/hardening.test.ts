import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {readChallenge} from '../../source/challenge/challenge.js';
import {runCheck} from '../../source/commands/check.js';
import {parseScenario} from '../../source/scenario/scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'flp-hardening-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const problems = (text: string): string[] => {
	const result = parseScenario(text, 'level.yaml');
	return result.ok ? [] : result.message.split('\n');
};

const HEAD = ['format: 1', 'protocol: leader', 'nodes: 3', 'inputs: "011"', 'allow: [crash]'];

describe('validation gaps (issue 26 point 12)', () => {
	test('a move with a line break is refused at validation, with its line', async () => {
		expect(problems([...HEAD, 'moves: ["start\\n2"]'].join('\n'))).toEqual([
			'level.yaml:6:9: moves[0]: a move is one line of move notation, without line breaks or control characters',
		]);
		const path = join(dir, 'newline.yaml');
		writeFileSync(path, [...HEAD, 'moves: ["start\\n2"]'].join('\n'));
		expect((await runCheck([path], () => 0)).code).toBe(2);
	});

	test('two moves in one entry are refused: one move per entry', () => {
		expect(problems([...HEAD, 'moves: ["start 1; start 2"]'].join('\n'))).toEqual(['level.yaml:6:9: moves[0]: one move per entry: put each move on its own line, - start 1']);
	});

	test('checkpoint flags as a list are refused', () => {
		expect(problems([...HEAD, 'expect: [{after: 0, flags: [true]}]'].join('\n'))).toEqual([
			'level.yaml:6:28: expect[0].flags: flags is a mapping of agreement, termination, validity to true or false',
		]);
	});
});

describe('file text in messages (issue 26 point 11)', () => {
	test('a file that is not a scenario is refused without quoting it', () => {
		const secret = 'root:$6$salt$hash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::';
		expect(problems(secret)).toEqual([expect.stringMatching(/^level\.yaml:1:1: not a scenario file: /)]);
		expect(problems('just some text\nroot:x:0:0')).toEqual(['level.yaml:1:1: not a scenario file: a scenario file is a mapping of fields (format, protocol, nodes, ...)']);
		expect(problems('password: hunter2\nuser: root')).toEqual(['level.yaml:1:1: not a scenario file: it has none of the fields format, protocol, nodes, inputs']);
	});

	test('a challenge naming another file as a level does not print that file', () => {
		const shadow = join(dir, 'shadow');
		writeFileSync(shadow, 'root:$6$secret:19000:0:99999:7:::\n');
		const challenge = join(dir, 'c.yaml');
		writeFileSync(challenge, ['format: 1', 'id: lab', 'title: Lab', 'timeLimit: 60', 'levels:', `  - file: ${shadow}`].join('\n'));
		const read = readChallenge(challenge);
		expect(read.ok).toBe(false);
		expect(read.ok ? '' : read.message).not.toContain('secret');
		expect(read.ok ? '' : read.message).toContain('not a scenario file');
	});

	test('control characters and long values are quoted escaped and short', () => {
		const [line] = problems([...HEAD, `protocol2: 1`, `"\\e]0;pwned\\a${'x'.repeat(100)}": 1`].join('\n')).slice(1);
		expect(line).toMatch(/^level\.yaml:7:1: "\\x1b\]0;pwned\\x07x+…": unknown field/);
		expect(line).toContain(`unknown field "\\x1b]0;pwned\\x07${'x'.repeat(23)}…"`);
		expect(line).not.toMatch(/[\u0000-\u001f]/);
	});

	test('aliases in challenge files are caught too', () => {
		const challenge = join(dir, 'alias.yaml');
		writeFileSync(challenge, ['format: 1', 'id: lab', 'title: Lab', 'timeLimit: *t', 'levels: []'].join('\n'));
		expect(readChallenge(challenge)).toMatchObject({ok: false, message: `${challenge}:4:12: alias *t has no anchor &t before it`});
	});
});

describe('text the screens show is plain text (issue 26 point 11)', () => {
	test('an escape sequence in a title or story is refused; line breaks in a story are fine', () => {
		expect(problems([...HEAD, 'title: "x\\e]0;pwned\\a"', 'story: "a\\nb\\e[2J"'].join('\n'))).toEqual([
			'level.yaml:6:8: title: title must be one line of plain text, without control characters',
			'level.yaml:7:8: story: story must be plain text: no control characters (escape sequences) but line breaks',
		]);
		expect(problems([...HEAD, 'title: ok', 'story: "a\\nb\\tc"'].join('\n'))).toEqual([]);
	});
});

test('a blank or odd key is quoted in the field name (found by the fuzz suite)', () => {
	expect(problems([...HEAD, '" ": 1'].join('\n'))[0]).toMatch(/^level\.yaml:6:1: " ": unknown field " " /);
	expect(problems([...HEAD, '"": 1'].join('\n'))[0]).toMatch(/^level\.yaml:6:1: "": unknown field "" /);
});
