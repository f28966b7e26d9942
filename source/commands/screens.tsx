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
import {WorkerService} from '../worker/service.js';
import {ChallengeApp} from '../ui/challenge-app.js';
import {prepareChallenge} from '../challenge/prepare.js';
import {EXIT_CODES} from './challenge.js';
import type {CommandResult} from './result.js';
import {runGame} from './game.js';
import type {Challenge} from '../challenge/challenge.js';
import {newWatch, scan} from './results-watch.js';
import {WatchScreen} from '../ui/results-watch.js';

/** `flp challenge FILE`: the levels for the player's seed, played on the challenge screen. */
export function startChallenge({args, flags, colour}: Call): CommandResult | void {
	const prepared = prepareChallenge(args, flags);
	if ('code' in prepared) return prepared;
	if (!process.stdin.isTTY) return {code: 2, stdout: '', stderr: 'flp: a challenge needs a terminal\n'};
	const stateDir = stateDirectory();
	const attempt = nextAttempt(stateDir, prepared.run.challenge.file.id, prepared.run.player);
	const run = {...prepared.run, attempt};
	const {out} = prepared;
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

/** `flp` (the menu), `flp play FILE` and `flp replay FILE`. */
export function startGame(command: '' | 'play' | 'replay', {args, colour}: Call): CommandResult | void {
	if (command !== '' && args.length !== 1) return {code: 2, stdout: '', stderr: `flp: ${command} takes one file: flp ${command} FILE\n`};
	const path = args[0];
	const loaded = command !== '' && path ? readScenario(path) : undefined;
	if (loaded && !loaded.ok) return {code: 2, stdout: '', stderr: `${loaded.message}\n`};
	if (!process.stdin.isTTY) return {code: 2, stdout: '', stderr: 'flp: the game needs a terminal (for the command line, see flp --help)\n'};
	const opening: Opening = command === '' || !path ? {kind: 'menu'} : command === 'play' ? {kind: 'play-file', path} : {kind: 'replay-file', path};
	runGame(opening, colour);
}
