/** Loading challenge files: what is rejected, and where. */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {readChallenge} from '../../source/challenge/challenge.js';

const dir = mkdtempSync(join(tmpdir(), 'flp-challenge-file-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const LEVEL = `${process.cwd()}/scenarios/campaign/04-quorum-race.yaml`;
let count = 0;
function file(extra: string, levels = `levels:\n  - file: ${LEVEL}\n`): string {
	const path = join(dir, `c${++count}.yaml`);
	writeFileSync(path, `format: 1\nid: c\ntitle: C\ntimeLimit: 60\n${extra}${levels}`);
	return path;
}

describe('challenge files', () => {
	test.each([
		['scoring: 5', '5:10'],
		['scoring: null', '5:10'],
		['scoring: []', '5:10'],
		['scoring: [1]', '5:10'],
	])('%s is rejected (issue 26, point 12)', (line, at) => {
		const path = file(`${line}\n`);
		expect(readChallenge(path)).toEqual({ok: false, code: 'invalid', message: `${path}:${at}: scoring: scoring must be a mapping of points (solved, underPar, overPar, floor), or left out for the defaults`});
	});

	test('a scoring mapping is checked field by field', () => {
		const path = file('scoring:\n  solved: -1\n');
		expect(readChallenge(path)).toMatchObject({ok: false, message: `${path}:6:11: scoring.solved: solved must be a whole number ≥ 0`});
	});

	test.each([
		['hints: none', true],
		['hints: label', true],
		['hints: full', true],
		['hints: true', true],
		['hints: some', false],
	])('%s', (line, fine) => {
		expect(readChallenge(file(`${line}\n`)).ok).toBe(fine);
	});
});
