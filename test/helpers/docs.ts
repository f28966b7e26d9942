/** Run a doc page's examples as written: its fenced blocks, and an `flp` on the PATH that runs the sources. */
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The fenced code blocks of a page under docs/, in order, with their language. */
export function docBlocks(page: string): {kind: string; text: string}[] {
	const doc = readFileSync(join(root, 'docs', page), 'utf8');
	return [...doc.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(m => ({kind: m[1]!, text: m[2]!}));
}

/** Put an `flp` in `dir/bin` that runs this checkout's sources; the environment to run commands with. */
export function flpOnPath(dir: string): NodeJS.ProcessEnv {
	mkdirSync(join(dir, 'bin'), {recursive: true});
	const flp = join(dir, 'bin', 'flp');
	// tsx reads the project's tsconfig (JSX) from the working folder unless told where it is.
	writeFileSync(flp, `#!/bin/sh\nTSX_TSCONFIG_PATH='${root}tsconfig.json' exec '${process.execPath}' --import '${pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href}' '${root}source/bin.ts' "$@"\n`);
	chmodSync(flp, 0o755);
	return {...process.env, PATH: `${join(dir, 'bin')}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1', XDG_STATE_HOME: join(dir, 'state')};
}
