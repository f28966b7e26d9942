#!/usr/bin/env node
/**
 * The `flp` command. Ink draws only its last frame when it believes it runs in CI (it reads CI
 * and CONTINUOUS_INTEGRATION once, when it loads), which would freeze the game in a terminal
 * whose shell happens to set CI. The game runs only in a real terminal, so there the two
 * variables are removed before Ink loads. Removed, not set to "false": Ink takes "false" as
 * "not CI", but the colour library takes the mere presence of CI as a CI log, and would draw the
 * game without colour. Everything else is cli.tsx.
 */
import process from 'node:process';

if (process.stdin.isTTY && process.stdout.isTTY) {
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
}

await (await import('./cli.js')).main();
