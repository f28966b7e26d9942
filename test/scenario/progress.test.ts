import {existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {tempDirs} from '../helpers/temp.js';
import {EMPTY_PROGRESS, loadProgress, progressPath, recordSolved, saveProgress, stateDirectory} from '../../source/scenario/progress.js';

const fresh = tempDirs('flp-state-');

describe('progress', () => {
	test('lives under XDG_STATE_HOME, or ~/.local/state', () => {
		expect(stateDirectory({XDG_STATE_HOME: '/x/state'})).toBe('/x/state/flp-adversary');
		expect(stateDirectory({})).toMatch(/\/\.local\/state\/flp-adversary$/);
		expect(stateDirectory({XDG_STATE_HOME: 'relative'})).toMatch(/\/\.local\/state\/flp-adversary$/);
	});

	test('a missing file is an empty start', () => {
		expect(loadProgress(join(fresh(), 'none'), 'x')).toEqual({progress: EMPTY_PROGRESS});
	});

	test('keeps the best move count and round-trips through the file', () => {
		const dir = fresh();
		let progress = recordSolved(EMPTY_PROGRESS, 'quorum-race', 11);
		progress = recordSolved(progress, 'quorum-race', 9);
		progress = recordSolved(progress, 'quorum-race', 12);
		saveProgress(dir, progress);
		expect(loadProgress(dir, 'x')).toEqual({progress: {format: 1, levels: {'quorum-race': {solved: true, best: 9}}}});
		expect(readdirSync(dir)).toEqual(['progress.json']); // no temporary file left behind
	});

	test('a corrupt file is set aside with its content, reported, and a new start made', () => {
		const dir = fresh();
		mkdirSync(dir, {recursive: true});
		writeFileSync(progressPath(dir), '{"format": 1, "levels": {"a": {"solved": "yes"}}');
		const loaded = loadProgress(dir, '20261124-120000');
		expect(loaded.progress).toEqual(EMPTY_PROGRESS);
		const aside = `${progressPath(dir)}.corrupt-20261124-120000`;
		expect(loaded.message).toBe(`Your progress file was corrupt; it is kept as ${aside} and a new one was started.`);
		expect(readFileSync(aside, 'utf8')).toBe('{"format": 1, "levels": {"a": {"solved": "yes"}}');
		expect(existsSync(progressPath(dir))).toBe(false);
	});
});

describe('progress files that cannot be read (issue 26 point 8)', () => {
	test('saving merges with what the file holds now', () => {
		const dir = fresh();
		saveProgress(dir, recordSolved(EMPTY_PROGRESS, 'a', 5));
		const next = saveProgress(dir, recordSolved(recordSolved(EMPTY_PROGRESS, 'a', 7), 'b', 3));
		expect(next).toEqual({format: 1, levels: {a: {solved: true, best: 5}, b: {solved: true, best: 3}}});
		expect(loadProgress(dir, 'x').progress).toEqual(next);
	});

	test('a file that cannot be read is locked: loading says so, saving refuses and writes nothing', () => {
		const dir = fresh();
		mkdirSync(progressPath(dir));
		expect(loadProgress(dir, 'x')).toEqual({
			progress: EMPTY_PROGRESS,
			locked: true,
			message: 'Could not read your progress (a directory, not a regular file); it is left as it was, and nothing is recorded until it can be read.',
		});
		expect(() => saveProgress(dir, recordSolved(EMPTY_PROGRESS, 'a', 1))).toThrow(/could not be read \(a directory, not a regular file\), so it was left as it was/);
	});

	test('a newer format is left alone, not set aside as corrupt', () => {
		const dir = fresh();
		writeFileSync(progressPath(dir), '{"format": 3, "levels": {}}');
		expect(loadProgress(dir, 'x')).toMatchObject({progress: EMPTY_PROGRESS, locked: true, message: expect.stringContaining('newer format (3)')});
		expect(() => saveProgress(dir, EMPTY_PROGRESS)).toThrow(/newer format/);
		expect(readFileSync(progressPath(dir), 'utf8')).toBe('{"format": 3, "levels": {}}');
	});
});
