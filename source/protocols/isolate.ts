/**
 * Running a protocol module's code for the first time where a step that never returns can be
 * stopped: in a worker thread (trial-worker.ts), watched from this one (watchdog.ts). Only once
 * a size has passed there does this thread make the module's instance at that size (each made
 * instance is checked on sampled positions, which runs its steps).
 */
import {resolve} from 'node:path';
import {readText} from '../files/read.js';
import {type Result, type Slot, fail, ok} from '../engine/types.js';
import {startWorker} from '../worker/spawn.js';
import {type LoadedModule, loadProtocolModule, loadedModule} from './module.js';
import type {TrialMessage} from './trial-worker.js';
import {TRIAL_SIZE, type TrialSize} from './size.js';
import {HEARTBEAT_WORDS, STEP_LIMIT_MS, stuckText, watchSteps} from './watchdog.js';

/** Module sizes tried already (path and size): each is tried once. */
const passed = new Set<string>();
const sizeKey = (path: string, {n, f, rounds}: TrialSize): string => `${path}|${n}/${f}/${rounds}`;

/**
 * Try a module in a worker thread before this thread runs any of it: its instances at every size
 * the game offers, each checked on sampled positions. A step that never returns is stopped there
 * after STEP_LIMIT_MS and reported with the protocol, node and move (this thread could not have
 * stopped it); a fault is reported as the loader words it.
 */
export async function tryModule(path: string, sizes: readonly TrialSize[] = [TRIAL_SIZE], limitMs = STEP_LIMIT_MS): Promise<Result<void>> {
	const untried = sizes.filter(size => !passed.has(sizeKey(path, size)));
	if (untried.length === 0) return ok(undefined);
	const control = new SharedArrayBuffer(4 * HEARTBEAT_WORDS);
	const worker = startWorker('../protocols/trial-worker', import.meta.url, {path, control, sizes: untried});
	let slots: Slot[] | undefined;
	let id = 'module';
	return new Promise(done => {
		const end = (result: Result<void>): void => {
			stop();
			void worker.terminate();
			done(result);
		};

		const stop = watchSteps(new Int32Array(control), step => end(fail('bad-module', stuckText(`${id} (${path})`, slots, step, limitMs))), limitMs);
		worker.on('message', (message: TrialMessage) => {
			if (message.kind === 'slots') {
				slots = Array.isArray(message.slots) ? (message.slots as Slot[]) : undefined;
				if (typeof message.id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(message.id)) id = message.id;
			}
			else if (message.problem !== undefined) end(fail('bad-module', message.problem));
			else {
				for (const size of untried) passed.add(sizeKey(path, size));
				end(ok(undefined));
			}
		});
		worker.on('error', error => end(fail('bad-module', `${path}: cannot load it: ${error.message.split('\n')[0]}`)));
	});
}

/**
 * Load a module, tried in a worker first (`tryModule`) at `sizes` (the first game's size when
 * none): a module loaded before is tried at the new sizes before it is given back.
 */
export async function loadIsolated(path: string, sizes: readonly TrialSize[] = []): Promise<Result<LoadedModule>> {
	const full = resolve(path);
	const readable = readText(full);
	if (!loadedModule(full) && !readable.ok) return loadProtocolModule(full);
	const tried = await tryModule(full, sizes.length > 0 ? sizes : [TRIAL_SIZE]);
	if (!tried.ok) return tried;
	return loadProtocolModule(full, {trial: false});
}
