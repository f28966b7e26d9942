import {existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {EMPTY_PROGRESS, loadProgress, progressPath, recordSolved, saveProgress, stateDirectory} from '../../source/scenario/progress.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'flp-state-'));

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
