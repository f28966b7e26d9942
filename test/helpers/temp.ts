/** Temporary directories for a test file, all removed once its tests have run. */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll} from 'vitest';

/** Call at a test file's top level: returns a maker of fresh directories named `prefix*`. */
export function tempDirs(prefix: string): () => string {
	const made: string[] = [];
	afterAll(() => {
		for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true});
	});
	return () => {
		const dir = mkdtempSync(join(tmpdir(), prefix));
		made.push(dir);
		return dir;
	};
}
