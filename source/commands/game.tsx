/**
 * `flp`, `flp play FILE`, `flp replay FILE`: the game in the terminal. Ctrl-C (a key, in raw
 * mode) and the signals SIGINT, SIGTERM, SIGHUP (a closed terminal, a dropped SSH session) and
 * SIGQUIT all end it the same way: the terminal restored, the game in progress autosaved, where
 * it went and how to go on printed, and the exit code 128 + the signal's number (1 when the
 * autosave failed).
 */
import process from 'node:process';
import {render} from 'ink';
import {App, EXIT_INTERRUPTED, type Farewell, type Opening} from '../app.js';
import {diskFiles} from '../app-files.js';
import {stateDirectory} from '../scenario/progress.js';
import {WorkerService} from '../worker/service.js';

/** The signals that end the game, with their exit codes (128 + the signal's number). */
export const SIGNAL_CODES = {SIGHUP: 129, SIGINT: EXIT_INTERRUPTED, SIGQUIT: 131, SIGTERM: 143} as const;

/** Write what the player should read after the game; a closed terminal (SIGHUP) may refuse it. */
function say(lines: readonly string[]): void {
	for (const line of lines) {
		try {
			process.stdout.write(`${line}\n`);
		} catch {}
	}
}

export function runGame(opening: Opening, colour: boolean): void {
	let leaveNow: ((code: number) => Farewell) | undefined;
	let farewell: Farewell | undefined;
	const app = render(
		<App
			service={new WorkerService()}
			colour={colour}
			files={diskFiles({stateDir: stateDirectory()})}
			opening={opening}
			onFarewell={f => (farewell = {lines: [...(farewell?.lines ?? []), ...f.lines], code: f.code})}
			onReady={f => (leaveNow = f)}
		/>,
		{exitOnCtrlC: false},
	);
	let leaving = false;
	for (const [signal, code] of Object.entries(SIGNAL_CODES)) {
		process.on(signal, () => {
			if (leaving) return;
			leaving = true;
			const last = leaveNow?.(code) ?? {lines: [], code};
			try {
				app.unmount();
			} catch {}

			say(last.lines);
			process.exit(last.code);
		});
	}

	void app.waitUntilExit().then(() => {
		say(farewell?.lines ?? []);
		if (farewell) process.exitCode = farewell.code;
	});
}
