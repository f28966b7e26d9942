#!/usr/bin/env node
/**
 * The `flp` command. Ink draws only its last frame when it believes it runs in CI (it reads CI
 * and CONTINUOUS_INTEGRATION once, when it loads), which would freeze the game in a terminal
 * whose shell happens to set CI. The game runs only in a real terminal, so there Ink is told it
 * is not in CI, before it loads; everything else is cli.tsx.
 */
import process from 'node:process';

if (process.stdin.isTTY && process.stdout.isTTY) {
	process.env['CI'] = 'false';
	process.env['CONTINUOUS_INTEGRATION'] = 'false';
}

await (await import('./cli.js')).main();
