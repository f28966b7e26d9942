import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {MAX_FILE_BYTES, readText} from '../../source/files/read.js';
import {runCheck} from '../../source/commands/check.js';

const dir = mkdtempSync(join(tmpdir(), 'flp-read-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('reading files (issue 26 point 6): regular files only, up to 1 MB', () => {
	test('/dev/zero is refused at once, not read until memory runs out', () => {
		expect(readText('/dev/zero')).toEqual({ok: false, code: 'unreadable', message: '/dev/zero: cannot read it (a device, not a regular file)', reason: 'a device, not a regular file'});
	});

	test('a FIFO is refused at once, not waited on', () => {
		const fifo = join(dir, 'pipe.yaml');
		execFileSync('mkfifo', [fifo]);
		expect(readText(fifo)).toMatchObject({ok: false, message: `${fifo}: cannot read it (a FIFO (named pipe), not a regular file)`});
	});

	test('a directory, a missing file', () => {
		expect(readText(dir)).toMatchObject({ok: false, message: `${dir}: cannot read it (a directory, not a regular file)`});
		expect(readText(join(dir, 'nope.yaml'))).toMatchObject({ok: false, message: `${join(dir, 'nope.yaml')}: cannot read it (no such file)`});
	});

	test('a file up to the limit is read; one byte more is refused', () => {
		const path = join(dir, 'big.yaml');
		writeFileSync(path, 'a'.repeat(MAX_FILE_BYTES));
		expect(readText(path)).toMatchObject({ok: true});
		writeFileSync(path, 'a'.repeat(MAX_FILE_BYTES + 1));
		expect(readText(path)).toEqual({ok: false, code: 'unreadable', message: `${path}: cannot read it (bigger than 1.0 MB, the most flp reads from one file)`, reason: 'bigger than 1.0 MB, the most flp reads from one file'});
	});

	test('a control character in a path is shown escaped', () => {
		expect(readText(join(dir, 'a\u001b[2Jb'))).toMatchObject({ok: false, message: `${dir}/a\\x1b[2Jb: cannot read it (no such file)`});
	});

	test('flp check /dev/zero: one ERROR line, exit 2', async () => {
		expect(await runCheck(['/dev/zero'], () => 0)).toEqual({
			code: 2,
			stdout: 'ERROR /dev/zero: cannot be read\n',
			stderr: '/dev/zero: cannot read it (a device, not a regular file)\n',
		});
	});
});

test('a FIFO in place of the challenge attempt counter is refused, not waited on', async () => {
	const {nextAttempt, attemptsPath} = await import('../../source/challenge/attempts.js');
	const state = join(dir, 'state');
	execFileSync('mkdir', ['-p', state]);
	execFileSync('mkfifo', [attemptsPath(state)]);
	expect(nextAttempt(state, 'lab', 'ada')).toBe(1);
});
