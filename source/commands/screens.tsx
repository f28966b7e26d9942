/**
 * The commands that draw a screen: the game (`flp`, `flp play FILE`, `flp replay FILE`) and a
 * classroom challenge. Only these load Ink and React (cli.tsx imports this file when one runs).
 */
import process from 'node:process';
import {render} from 'ink';
import type {Opening} from '../app.js';
import {stateDirectory} from '../scenario/progress.js';
import {saveResult} from '../challenge/run.js';
import {nextAttempt, recordAttempt} from '../challenge/attempts.js';
import type {Call} from '../cli.js';
import {readScenario} from '../scenario/scenario.js';
import {loadFileModules} from '../scenario/modules.js';
import {lookUpProtocol} from '../protocols/registry.js';
import {terminalSafe} from '../files/escape.js';
import {wrapWords} from '../ui/wrap.js';
import {protocolFlag} from './modules.js';
import {loadIsolated} from '../protocols/isolate.js';
import {WorkerService} from '../worker/service.js';
import {ChallengeApp} from '../ui/challenge-app.js';
import {prepareChallenge} from '../challenge/prepare.js';
import {EXIT_CODES} from './challenge.js';
import {type CommandResult, failed, usageError} from './result.js';
import {runGame} from './game.js';
import type {Challenge} from '../challenge/challenge.js';
import {newWatch, scan} from './results-watch.js';
import {WatchScreen} from '../ui/results-watch.js';

/** `flp challenge FILE`: the levels for the player's seed, played on the challenge screen. */
export function startChallenge({args, flags, colour}: Call): CommandResult | void {
	const prepared = prepareChallenge(args, flags);
	if (!prepared.ok) return failed(prepared);
	if (!process.stdin.isTTY) return usageError('a challenge needs a terminal');
	const stateDir = stateDirectory();
	const attempt = nextAttempt(stateDir, prepared.value.run.challenge.file.id, prepared.value.run.player);
	const run = {...prepared.value.run, attempt};
	const {out} = prepared.value;
	let last = '';
	const app = render(
		<ChallengeApp
			run={run}
			service={new WorkerService()}
			colour={colour}
			clock={Date.now}
			onResult={result => (last = saveResult(out, result))}
			onStart={() => recordAttempt(stateDir, run.challenge.file.id, run.player, attempt)}
			onEnd={how => (process.exitCode = EXIT_CODES[how])}
		/>,
		{exitOnCtrlC: false},
	);
	// Every way out ends the process: the screen is gone and the worker shut down.
	void app.waitUntilExit().then(() => {
		if (last) process.stdout.write(`${last}\n`);
	});
}

/** `flp results watch DIR` in a terminal: the live board until q (exit 0) or Ctrl-C (130). */
export function startWatchScreen(dir: string, challenge: Challenge): void {
	const state = newWatch();
	const app = render(
		<WatchScreen
			title={challenge.file.title}
			dir={dir}
			levels={challenge.file.levels.length}
			rows={process.stdout.rows || 24}
			scan={() => scan(dir, challenge, state)}
		/>,
	);
	void app.waitUntilExit();
}

/**
 * Ask on the terminal, before the game's screen opens, whether a protocol module named inside a
 * file may run: its path and the hash of its source are shown first. Anything but y is no.
 */
async function askToRun(file: string, module: string, hash: string): Promise<boolean> {
	const {createInterface} = await import('node:readline/promises');
	const terminal = createInterface({input: process.stdin, output: process.stdout});
	try {
		// Wrapped by words at the terminal's width (the terminal itself would cut words).
		const width = Math.max(40, (process.stdout.columns || 80) - 1);
		const intro = wrapWords(`${terminalSafe(file)} names a protocol module: code that would run on this machine, as you.`, width).join('\n');
		const answer = await terminal.question(`${intro}\n  ${terminalSafe(module)}\n  sha256 ${hash}\nRun it? [y/N] `);
		return /^\s*y(es)?\s*$/i.test(answer);
	} finally {
		terminal.close();
	}
}

/** `flp` (the menu), `flp play FILE`, `flp replay FILE`, and `flp [play] --protocol X` (the sandbox on X). */
export async function startGame(command: '' | 'play' | 'replay', {args, flags, colour}: Call): Promise<CommandResult | void> {
	if (flags.protocol !== undefined && command !== 'replay') {
		if (args.length > 0) return usageError(`--protocol opens the sandbox on a protocol: give it without a file (a file names its own protocol)`);
		const named = await protocolFlag(flags.protocol);
		if (!named.ok) return usageError(named.message);
		const found = lookUpProtocol(named.value!);
		if (!found.ok) return usageError(found.message);
		if (!process.stdin.isTTY) return usageError('the game needs a terminal (for the command line, see flp --help)');
		return runGame({kind: 'sandbox', protocol: named.value!}, colour);
	}

	if (command !== '' && args.length !== 1) return usageError(`${command} takes one file: flp ${command} FILE`);
	const path = args[0];
	if (command !== '' && path) {
		const tty = process.stdin.isTTY === true;
		let declined = false;
		const ask = async (module: string, hash: string): Promise<boolean> => {
			const yes = await askToRun(path, module, hash);
			declined = !yes;
			return yes;
		};
		const modules = await loadFileModules([path], {trusted: flags.trust === true, ...(tty ? {ask} : {})}, loadIsolated);
		// Said no at the question: that is the answer, not a problem to fix.
		if (!modules.ok && declined) return {code: 2, stdout: '', stderr: 'Not run: the game did not start.\n'};
		if (!modules.ok) return failed(modules);
	}

	const loaded = command !== '' && path ? readScenario(path) : undefined;
	if (loaded && !loaded.ok) return failed(loaded);
	if (!process.stdin.isTTY) return usageError('the game needs a terminal (for the command line, see flp --help)');
	const opening: Opening = command === '' || !path ? {kind: 'menu'} : command === 'play' ? {kind: 'play-file', path} : {kind: 'replay-file', path};
	runGame(opening, colour);
}
