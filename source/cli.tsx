#!/usr/bin/env node
import process from 'node:process';
import meow from 'meow';
import {runAnalyze} from './commands/analyze.js';
import type {CommandResult} from './commands/result.js';
import {FLAGS, HELP, flagProblem} from './cli-flags.js';

const cli = meow(HELP, {importMeta: import.meta, allowUnknownFlags: true, flags: FLAGS});

function finish(result: CommandResult): void {
	process.stdout.write(result.stdout);
	process.stderr.write(result.stderr);
	process.exitCode = result.code;
}

const problem = flagProblem(cli.flags as Record<string, unknown>);
const [command, ...rest] = cli.input;
if (problem) {
	finish({code: 2, stdout: '', stderr: `flp: ${problem}\n`});
} else if (rest.length > 0 && command === 'analyze') {
	finish({code: 2, stdout: '', stderr: `flp: analyze takes no arguments, only flags (got "${rest[0]}")\n`});
} else if (command === 'analyze') {
	finish(runAnalyze(cli.flags, () => performance.now()));
} else if (command === undefined) {
	cli.showHelp(0);
} else {
	finish({code: 2, stdout: '', stderr: `flp: unknown command "${command}" (see flp --help)\n`});
}
