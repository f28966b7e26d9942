import process from 'node:process';
import {render} from 'ink';
import meow from 'meow';
import {App, type Opening} from './app.js';
import {stateDirectory} from './scenario/progress.js';
import {readScenario} from './scenario/scenario.js';
import {FLAGS, HELP, flagProblem} from './cli-flags.js';
import {runAnalyze} from './commands/analyze.js';
import {runCheck, runReplayPrint} from './commands/check.js';
import {SCHEMA} from './scenario/schema.js';
import type {CommandResult} from './commands/result.js';
import {WorkerService} from './worker/service.js';
import {EXIT_CODES, prepareChallenge} from './commands/challenge.js';
import {ChallengeApp} from './ui/challenge-app.js';
import {runBoard, runVerify} from './commands/results.js';
import {saveResult} from './challenge/run.js';

const cli = meow(HELP, {importMeta: import.meta, allowUnknownFlags: true, description: false, flags: FLAGS});

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
} else if (command === 'results') {
	const [verb, ...files] = rest;
	if (verb === 'verify') finish(runVerify(files, cli.flags.challenge));
	else if (verb === 'board') finish(runBoard(files, cli.flags.challenge, cli.flags.format));
	else finish({code: 2, stdout: '', stderr: 'flp: results takes verify or board: flp results verify FILE... --challenge FILE\n'});
} else if (command === 'challenge') {
	const prepared = prepareChallenge(rest, cli.flags);
	if ('code' in prepared) finish(prepared);
	else if (!process.stdin.isTTY) finish({code: 2, stdout: '', stderr: 'flp: a challenge needs a terminal\n'});
	else {
		const {run, out} = prepared;
		let last = '';
		const app = render(
			<ChallengeApp
				run={run}
				service={new WorkerService()}
				colour={colour}
				clock={Date.now}
				onResult={result => (last = saveResult(out, result))}
				onEnd={how => (process.exitCode = EXIT_CODES[how])}
			/>,
			{exitOnCtrlC: false},
		);
		void app.waitUntilExit().then(() => {
			if (last) process.stdout.write(`${last}\n`);
		});
	}
} else if (command === 'replay' && cli.flags.print) {
	finish(runReplayPrint(rest[0], () => performance.now()));
} else if ((command === 'play' || command === 'replay') && rest.length !== 1) {
	finish({code: 2, stdout: '', stderr: `flp: ${command} takes one file: flp ${command} FILE\n`});
} else if (command === undefined || command === 'play' || command === 'replay') {
	const path = rest[0];
	const loaded = path ? readScenario(path) : undefined;
	if (loaded && !loaded.ok) {
		finish({code: 2, stdout: '', stderr: `${loaded.message}\n`});
	} else if (!process.stdin.isTTY) {
		finish({code: 2, stdout: '', stderr: 'flp: the game needs a terminal (for the command line, see flp --help)\n'});
	} else {
		const opening: Opening = !path ? {kind: 'menu'} : command === 'play' ? {kind: 'play-file', path} : {kind: 'replay-file', path};
		const farewells: string[] = [];
		const app = render(
			<App service={new WorkerService()} colour={colour} stateDir={stateDirectory()} opening={opening} onFarewell={m => farewells.push(m)} />,
			{exitOnCtrlC: false},
		);
		void app.waitUntilExit().then(() => {
			for (const message of farewells) process.stdout.write(`${message}\n`);
		});
	}
} else {
	finish({code: 2, stdout: '', stderr: `flp: unknown command "${command}" (see flp --help)\n`});
}
