#!/usr/bin/env node
import process from 'node:process';
import {render} from 'ink';
import meow from 'meow';
import React from 'react';
import {App} from './app.js';
import {FLAGS, HELP, flagProblem} from './cli-flags.js';
import {runAnalyze} from './commands/analyze.js';
import {runCheck, runReplayPrint} from './commands/check.js';
import {SCHEMA} from './scenario/schema.js';
import type {CommandResult} from './commands/result.js';
import {WorkerService} from './worker/service.js';

const cli = meow(HELP, {importMeta: import.meta, allowUnknownFlags: true, flags: FLAGS});

function finish(result: CommandResult): void {
	process.stdout.write(result.stdout);
	process.stderr.write(result.stderr);
	process.exitCode = result.code;
}

const problem = flagProblem(cli.flags as Record<string, unknown>);
const [command, ...rest] = cli.input;
const colour = !process.env['NO_COLOR'];
if (problem) {
	finish({code: 2, stdout: '', stderr: `flp: ${problem}\n`});
} else if (rest.length > 0 && (command === 'analyze' || command === 'schema')) {
	finish({code: 2, stdout: '', stderr: `flp: ${command} takes no arguments (got "${rest[0]}")\n`});
} else if (command === 'analyze') {
	finish(runAnalyze(cli.flags, () => performance.now()));
} else if (command === 'check') {
	finish(runCheck(rest, () => performance.now()));
} else if (command === 'schema') {
	finish({code: 0, stdout: `${JSON.stringify(SCHEMA, null, 2)}\n`, stderr: ''});
} else if (command === 'replay' && cli.flags.print) {
	finish(runReplayPrint(rest[0], () => performance.now()));
} else if (command === undefined) {
	if (!process.stdin.isTTY) {
		finish({code: 2, stdout: '', stderr: 'flp: the game needs a terminal (for the command line, see flp --help)\n'});
	} else {
		render(<App service={new WorkerService()} colour={colour} />);
	}
} else {
	finish({code: 2, stdout: '', stderr: `flp: unknown command "${command}" (see flp --help)\n`});
}
