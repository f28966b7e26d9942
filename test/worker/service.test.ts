import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the analysis worker', () => {
	test('does not keep the process alive once the program is done (issue 20, defect 2)', () => {
		const script = "import('./source/worker/service.ts').then(m => { new m.WorkerService(); setTimeout(() => console.log('done'), 50); });";
		const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {cwd: root, encoding: 'utf8', timeout: 30_000});
		expect({status: child.status, stdout: child.stdout.trim()}).toEqual({status: 0, stdout: 'done'});
	}, 40_000);
});
