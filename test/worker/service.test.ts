import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';
import {ModuleFolder, voteModule} from '../helpers/module-files.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the analysis worker', () => {
	test('does not keep the process alive once the program is done (issue 20, defect 2)', () => {
		const script = "import('./source/worker/service.ts').then(m => { new m.WorkerService(); setTimeout(() => console.log('done'), 50); });";
		const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {cwd: root, encoding: 'utf8', timeout: 30_000});
		expect({status: child.status, stdout: child.stdout.trim()}).toEqual({status: 0, stdout: 'done'});
	}, 40_000);
});

describe('a protocol module in the worker (issue 23)', () => {
	test('the worker loads the module the game names and analyses it like the game does', () => {
		const folder = new ModuleFolder();
		try {
			const module = folder.write('mine.mjs', voteModule());
			const script = `
				const {loadProtocolModule} = await import('./source/protocols/module.ts');
				const {WorkerService} = await import('./source/worker/service.ts');
				const loaded = await loadProtocolModule(${JSON.stringify(module)});
				if (!loaded.ok) throw new Error(loaded.message);
				const service = new WorkerService();
				setTimeout(() => {}, 20_000); // the worker does not keep the process alive by itself
				service.request({id: 1, spec: {protocol: ${JSON.stringify(module)}, n: 3, inputs: '011', f: 1, allow: ['crash']}, moves: []}, {
					report: r => { console.log(JSON.stringify({label: r.now.label, complete: r.now.complete, previews: r.previews.length, error: r.error})); service.dispose(); process.exit(0); },
					progress: () => {},
				});`;
			const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {cwd: root, encoding: 'utf8', timeout: 30_000});
			expect(child.stderr).toBe('');
			// quorum at n = 3, inputs 011, crash: ambiguous, exactly; one preview per start message.
			expect(JSON.parse(child.stdout)).toEqual({label: 'ambiguous', complete: true, previews: 3});
		} finally {
			folder.remove();
		}
	}, 40_000);
});
