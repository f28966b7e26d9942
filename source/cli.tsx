/** The `flp` command: what commands/run.ts dispatches, printed, or drawn in the terminal. */
import process from 'node:process';
import {dispatch} from './commands/run.js';
import {terminalSafe} from './files/escape.js';

const dispatched = await dispatch(process.argv.slice(2));
const colour = !process.env['NO_COLOR'];

if (dispatched.kind === 'result') {
	const {result} = dispatched;
	process.stdout.write(terminalSafe(result.stdout));
	process.stderr.write(terminalSafe(result.stderr));
	process.exitCode = result.code;
} else if (!process.stdin.isTTY) {
	process.stderr.write(`flp: ${dispatched.kind === 'challenge' ? 'a challenge needs a terminal' : 'the game needs a terminal (for the command line, see flp --help)'}\n`);
	process.exitCode = 2;
} else if (dispatched.kind === 'challenge') {
	const [{render}, {ChallengeApp}, {WorkerService}, {saveResult}] = await Promise.all([
		import('ink'),
		import('./commands/challenge.js'),
		import('./worker/service.js'),
		import('./challenge/run.js'),
	]);
	const {run, out} = dispatched;
	let last = '';
	const app = render(
		<ChallengeApp run={run} service={new WorkerService()} colour={colour} clock={Date.now} onResult={result => (last = saveResult(out, result))} />,
		{exitOnCtrlC: false},
	);
	void app.waitUntilExit().then(() => process.stdout.write(`${last}\n`));
} else {
	const [{render}, {App}, {WorkerService}, {stateDirectory}] = await Promise.all([
		import('ink'),
		import('./app.js'),
		import('./worker/service.js'),
		import('./scenario/progress.js'),
	]);
	const farewells: string[] = [];
	const app = render(
		<App service={new WorkerService()} colour={colour} stateDir={stateDirectory()} opening={dispatched.opening} onFarewell={m => farewells.push(m)} />,
		{exitOnCtrlC: false},
	);
	void app.waitUntilExit().then(() => {
		for (const message of farewells) process.stdout.write(`${message}\n`);
	});
}
