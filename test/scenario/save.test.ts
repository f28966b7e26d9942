import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import {expandHome, makeFolder, saveTarget, writeAtomic} from '../../source/scenario/save.js';
import {editField} from '../../source/ui/use-text-input.js';

const made: string[] = [];
afterEach(() => {
	for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true});
});

function temporary(): string {
	const dir = mkdtempSync(join(tmpdir(), 'flp-write-'));
	made.push(dir);
	return dir;
}

describe('writing a file', () => {
	test('onto a folder: a clear error, and no temporary file left', () => {
		const dir = temporary();
		mkdirSync(join(dir, 'taken.yaml'));
		expect(() => writeAtomic(join(dir, 'taken.yaml'), 'x')).toThrow(`${join(dir, 'taken.yaml')} is a folder`);
		expect(readdirSync(dir)).toEqual(['taken.yaml']);
	});

	test('makes at most the folders it may, one by one, and says which one is missing', () => {
		const dir = temporary();
		writeAtomic(join(dir, 'results', 'r.json'), '{}\n');
		expect(readFileSync(join(dir, 'results', 'r.json'), 'utf8')).toBe('{}\n');
		expect(() => writeAtomic(join(dir, 'a', 'b', 'r.json'), '{}\n')).toThrow(`the folder ${join(dir, 'a')} does not exist`);
		expect(() => writeAtomic(join(dir, 'c', 'r.json'), '{}\n', 0)).toThrow(`the folder ${join(dir, 'c')} does not exist`);
		expect(readdirSync(dir)).toEqual(['results']);
		makeFolder(join(dir, 'x', 'y', 'z'), 3);
		expect(existsSync(join(dir, 'x', 'y', 'z'))).toBe(true);
	});

	test('a file where a folder should be is named', () => {
		const dir = temporary();
		writeFileSync(join(dir, 'plain'), '');
		expect(() => writeAtomic(join(dir, 'plain', 'r.json'), '{}\n')).toThrow(`${join(dir, 'plain')} is not a folder`);
	});

	test.skipIf(!existsSync('/proc/self'))('a path under /proc/nope/ fails at once instead of looping', () => {
		expect(() => writeAtomic('/proc/nope/x.yaml', 'x')).toThrow(/could not make the folder \/proc\/nope/);
		expect(() => writeAtomic('/proc/nope/deeper/x.yaml', 'x')).toThrow('the folder /proc/nope does not exist');
	});
});

describe('the save prompt’s check of a typed name', () => {
	test('free, taken, a folder, a missing folder, nothing; ~ is the home folder', () => {
		const dir = temporary();
		writeFileSync(join(dir, 'taken.yaml'), '');
		expect(saveTarget('~/new.yaml', dir)).toEqual({kind: 'free', path: join(dir, 'new.yaml')});
		expect(saveTarget(`${dir}/taken.yaml`, dir)).toEqual({kind: 'exists', path: join(dir, 'taken.yaml')});
		expect(saveTarget('~', dir)).toEqual({kind: 'bad', message: `${dir} is a folder: give a file name.`});
		expect(saveTarget('~/nope/x.yaml', dir)).toEqual({kind: 'bad', message: `The folder ${join(dir, 'nope')} does not exist.`});
		expect(saveTarget('~/taken.yaml/x.yaml', dir)).toEqual({kind: 'bad', message: `${join(dir, 'taken.yaml')} is not a folder.`});
		expect(saveTarget('  ', dir)).toEqual({kind: 'bad', message: 'Give a file name.'});
		expect(expandHome('~x/y', dir)).toBe('~x/y');
	});
});

describe('the text field', () => {
	const typed = (text: string, selected = false) => ({text, selected});
	test('typing replaces a selected suggestion; an arrow keeps it for editing', () => {
		expect(editField(typed('flp-game.yaml', true), 'm', {})).toEqual(typed('m'));
		expect(editField(typed('flp-game.yaml', true), 'mine.yaml', {})).toEqual(typed('mine.yaml'));
		expect(editField(typed('flp-game.yaml', true), '', {rightArrow: true})).toEqual(typed('flp-game.yaml'));
		expect(editField(typed('flp-game.yaml', true), '', {backspace: true})).toEqual(typed(''));
	});

	test('a burst of DEL bytes deletes one character each; other control bytes are dropped', () => {
		expect(editField(typed('abcdef'), '\u007F\u007F\u007F', {})).toEqual(typed('abc'));
		expect(editField(typed('ab'), 'c\u007Fd\be', {})).toEqual(typed('abe'));
		expect(editField(typed('ab'), '\u0007c\u001Bd\r\n', {})).toEqual(typed('abcd'));
		expect(editField(typed('ab'), '\u009Bx', {})).toEqual(typed('abx'));
	});
});
