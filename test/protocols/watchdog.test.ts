/**
 * A protocol module's step that never returns (issue 23): stopped where it runs (a worker), and
 * reported with the protocol, the node and the move.
 */
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, test} from 'vitest';
import {tryModule} from '../../source/protocols/isolate.js';
import {stuckText, watchSteps} from '../../source/protocols/watchdog.js';
import {ModuleFolder} from '../helpers/module-files.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const folder = new ModuleFolder();
afterAll(() => folder.remove());

/** Decides its input at once, except that node 2 loops for ever on node 3's vote when n = 4. */
const LOOPING = `export default {
	id: 'loop',
	instantiate: n => ({
		slots: [{name: 'vote', values: ['0', '1']}],
		initialLocal: [],
		start(node) { node.broadcast(0, node.input); },
		receive(node, from) {
			if (n === 4 && node.self === 2 && from === 3) for (;;) {}
			if (node.output === null) node.decide(node.input);
		},
	}),
};
`;

describe('the watchdog', () => {
	test('fires once a step has run for the limit, with the step; never while steps come and go', async () => {
		const words = new Int32Array(new SharedArrayBuffer(20));
		let now = 0;
		const fired: unknown[] = [];
		const stop = watchSteps(words, step => fired.push(step), 40, () => now);
		// Steps begin and end: never stuck, however long it goes on.
		for (let i = 0; i < 6; i++) {
			Atomics.add(words, 0, 1);
			now += 30;
			await new Promise(resolve => setTimeout(resolve, 15));
			Atomics.add(words, 0, 1);
		}

		expect(fired).toEqual([]);
		words.set([0, 2, 3, 0, 1]);
		Atomics.add(words, 0, 1); // node 2 receives node 3's value 1 in slot 0, and never returns
		for (let i = 0; i < 10 && fired.length === 0; i++) {
			now += 30;
			await new Promise(resolve => setTimeout(resolve, 15));
		}

		stop();
		expect(fired).toEqual([{node: 2, from: 3, slot: 0, value: 1}]);
		expect(stuckText('loop', [{name: 'vote', values: ['0', '1']}], {node: 2, from: 3, slot: 0, value: 1}, 10_000)).toBe(
			'protocol loop: node 2 on 2<3:vote=1 did not return within 10 s, so the analysis was stopped (a loop without end?)',
		);
	});
});

describe('a module that loops', () => {
	test('tried in a worker before this thread runs it: the step is named, and the size that does not reach it passes', async () => {
		const path = folder.write('loop.mjs', LOOPING);
		expect(await tryModule(path, [{n: 3, f: 1, rounds: 1}], 500)).toEqual({ok: true, value: undefined});
		const stuck = await tryModule(path, [{n: 4, f: 1, rounds: 1}], 500);
		expect(stuck.ok).toBe(false);
		if (!stuck.ok) expect(stuck.message).toMatch(new RegExp(`^protocol loop \\(${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\): node 2 on 2<3:vote=[01] did not return within 0.5 s`));
	}, 60_000);

	test('in the game, the analysis worker is replaced and the position answered with the stuck step', () => {
		const path = folder.write('loop-game.mjs', LOOPING);
		const script = `
			const {loadProtocolModule} = await import('./source/protocols/module.ts');
			const {WorkerService} = await import('./source/worker/service.ts');
			const loaded = await loadProtocolModule(${JSON.stringify(path)});
			if (!loaded.ok) throw new Error(loaded.message);
			const service = new WorkerService(20_000, undefined, 500);
			setTimeout(() => {}, 30_000);
			const reports = [];
			const ask = (id, n, inputs) => service.request({id, spec: {protocol: ${JSON.stringify(path)}, n, inputs, f: 1, allow: ['crash']}, moves: []}, {
				report: r => {
					reports.push({id: r.id, label: r.now.label, error: r.error});
					// After the stuck step, the new worker answers a game that does not reach it.
					if (reports.length === 1) ask(2, 3, '011');
					else { console.log(JSON.stringify(reports)); service.dispose(); process.exit(0); }
				},
			});
			ask(1, 4, '0011');`;
		const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {cwd: root, encoding: 'utf8', timeout: 60_000});
		expect(child.stderr).toBe('');
		const [stuck, next] = JSON.parse(child.stdout) as {id: number; label: string; error?: string}[];
		expect(stuck!.id).toBe(1);
		expect(stuck!.label).toBe('unknown');
		expect(stuck!.error).toMatch(/^protocol loop \(\/.*loop-game\.mjs\): node 2 on 2<3:vote=[01] did not return within 0\.5 s/);
		// The new worker answers in full (no error): its label is the analysis's own.
		expect(next).toEqual({id: 2, label: expect.stringMatching(/^(0|1|ambiguous|none)$/)});
	}, 60_000);
});
