/** Run the real `flp` command from the sources, as a user would, and collect what it prints. */
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Run {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

export function runCli(args: readonly string[], env: Record<string, string> = {}): Run {
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'source/bin.ts', ...args], {
		cwd: root,
		encoding: 'utf8',
		env: {...process.env, NO_COLOR: '1', ...env},
		timeout: 60_000,
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}
