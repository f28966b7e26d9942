/**
 * The bench's start-up section: the wall time of the commands scripts call in loops, on small
 * inputs, side by side with a bare `node -e 0` in one run (the runs interleaved, so a busy
 * moment slows all alike). The goal is at most 3 times the bare start.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {instances, readChallenge} from '../challenge/challenge.js';
import {hashSeed} from '../challenge/random.js';
import {newRun, toResult} from '../challenge/run.js';

export interface StartupRow {
	readonly name: string;
	/** Wall time of each run, in ms. */
	readonly runsMs: readonly number[];
	readonly medianMs: number;
	/** Median over the bare `node -e 0`'s median. */
	readonly ratio: number;
}

/** The most a command may take, as a multiple of a bare `node -e 0`. */
export const STARTUP_GOAL = 3;

const RUNS = 9;

export function startupSection(): StartupRow[] {
	const root = fileURLToPath(new URL('../..', import.meta.url));
	const bin = join(root, 'dist/bin.js');
	const challengePath = join(root, 'scenarios/challenges/lab-break-and-stall.yaml');
	const dir = mkdtempSync(join(tmpdir(), 'flp-bench-startup-'));
	try {
		// A small challenge (one fixed level) and the shipped lab (which also generates three levels
		// from the player's seed, analyses included), each with a result file as the game writes
		// it: a player who solved nothing.
		const small = join(dir, 'small.yaml');
		writeFileSync(small, `format: 1\nid: small\ntitle: Small\ntimeLimit: 60\nlevels:\n  - file: ${join(root, 'scenarios/campaign/04-quorum-race.yaml')}\n`);
		const resultFor = (path: string, name: string): string => {
			const challenge = readChallenge(path);
			if (!challenge.ok) throw new Error(challenge.message);
			const seed = hashSeed('bench');
			const made = instances(challenge.value, seed);
			if (!made.ok) throw new Error(made.message);
			const result = join(dir, name);
			writeFileSync(result, JSON.stringify(toResult(newRun(challenge.value, made.value, 'bench', seed), 60_000, true)));
			return result;
		};

		const commands: ReadonlyArray<readonly [string, readonly string[]]> = [
			['node -e 0', ['-e', '0']],
			['flp analyze (wait-all n=3)', [bin, 'analyze', '--protocol', 'wait-all', '--nodes', '3', '--inputs', '011', '--allow', 'none']],
			['flp check (one solution)', [bin, 'check', join(root, 'scenarios/solutions/01-wait-all-silent.yaml')]],
			['flp schema', [bin, 'schema']],
			['flp results verify (one file)', [bin, 'results', 'verify', resultFor(small, 'small.json'), '--challenge', small]],
			['  (the lab: 3 levels generated)', [bin, 'results', 'verify', resultFor(challengePath, 'lab.json'), '--challenge', challengePath]],
		];
		// What a user's shell passes: not the bench's own malloc tunable.
		const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'};
		delete env['GLIBC_TUNABLES'];
		const times = commands.map((): number[] => []);
		for (let run = 0; run < RUNS; run++) {
			for (const [i, [name, args]] of commands.entries()) {
				const started = performance.now();
				const done = spawnSync(process.execPath, args, {cwd: root, env, encoding: 'utf8'});
				times[i]!.push(performance.now() - started);
				if (done.status !== 0) {
					throw new Error(`${name} exited ${done.status}: ${done.stderr}`);
				}
			}
		}

		const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
		const bare = median(times[0]!);
		return commands.map(([name], i) => ({
			name,
			runsMs: times[i]!.map(t => Math.round(t)),
			medianMs: Math.round(median(times[i]!)),
			ratio: Math.round((median(times[i]!) / bare) * 100) / 100,
		}));
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

export function printStartup(rows: readonly StartupRow[]): void {
	console.log(`\nstart-up (${RUNS} runs each, interleaved)   median ms   x bare node   goal ≤ ${STARTUP_GOAL}x`);
	for (const row of rows) {
		const verdict = !row.name.startsWith('flp') ? '' : row.ratio <= STARTUP_GOAL ? 'ok' : 'OVER';
		console.log(`${row.name.padEnd(40)} ${String(row.medianMs).padStart(9)} ${row.ratio.toFixed(2).padStart(13)}   ${verdict}`);
	}
}
