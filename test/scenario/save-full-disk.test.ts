/** A full disk, as the system reports it: the write fails part way with ENOSPC. */
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, expect, test, vi} from 'vitest';

vi.mock('node:fs', async importOriginal => {
	const fs = await importOriginal<typeof import('node:fs')>();
	return {
		...fs,
		writeFileSync(path: string, data: string) {
			if (!String(path).endsWith('.tmp')) return fs.writeFileSync(path, data);
			fs.writeFileSync(path, data.slice(0, 3));
			throw Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'});
		},
	};
});

const {saveFile} = await import('../../source/scenario/save.js');
const dir = mkdtempSync(join(tmpdir(), 'flp-full-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

test('a full disk is reported in words, and no temporary file is left', () => {
	const saved = saveFile({format: 1, protocol: 'quorum', nodes: 3, inputs: '011'}, join(dir, 'game.yaml'));
	expect(saved).toEqual({ok: false, code: 'write-failed', message: 'Not saved: the disk is full.', reason: 'the disk is full'});
	expect(readdirSync(dir)).toEqual([]);
});
