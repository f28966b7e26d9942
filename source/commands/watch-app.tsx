/** `flp watch` without --print: the "Watch the proof" screen on its own (Ink is loaded only here). */
import process from 'node:process';
import {render} from 'ink';
import type {Call} from '../cli.js';
import {WatchScreen} from '../ui/watch-screen.js';
import {WorkerService} from '../worker/service.js';
import type {CommandResult} from './result.js';
import {usageError} from './result.js';
import {watchSpec} from './watch.js';

export function startWatch({flags, colour}: Call): CommandResult | void {
	const built = watchSpec(flags);
	if (!built.ok) return usageError(built.message);
	if (!process.stdin.isTTY) return usageError('watch needs a terminal (or --print for the narration as text)');
	const service = new WorkerService();
	const app = render(
		<WatchScreen service={service} spec={built.value} colour={colour} rows={Math.min(process.stdout.rows || 24, 30)} onExit={() => app.unmount()} />,
		{exitOnCtrlC: true},
	);
	void app.waitUntilExit().then(() => service.dispose());
}
