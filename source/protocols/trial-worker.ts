/**
 * A protocol module tried where a step that never returns can be stopped: this worker loads the
 * module and makes its instances at the sizes the command will use (each checked on sampled
 * positions, guard.ts), with the heartbeat shared, while the thread that started it watches
 * (watchdog.ts). It answers the first fault, or that every instance was made.
 */
import {pathToFileURL} from 'node:url';
import {parentPort, workerData} from 'node:worker_threads';
import {ProtocolFault} from '../engine/protocol.js';
import {shareHeartbeat} from './guard.js';
import {loadProtocolModule} from './module.js';
import type {TrialSize} from './size.js';

export type TrialMessage = {readonly kind: 'slots'; readonly id: unknown; readonly slots: unknown} | {readonly kind: 'done'; readonly problem?: string};

const {path, control, sizes} = workerData as {path: string; control: SharedArrayBuffer; sizes: readonly TrialSize[]};
shareHeartbeat(new Int32Array(control));
const port = parentPort!;
const say = (message: TrialMessage): void => port.postMessage(message);

// The slots' names first, from the module's own instance (unchecked), so a step that never
// returns can be named in move notation even when it hangs the first checked instance.
try {
	const raw = ((await import(pathToFileURL(path).href)) as {default?: {id?: unknown; instantiate?: (n: number, f: number, p: object) => {slots?: unknown}}}).default;
	const first = sizes[0] ?? {n: 3, f: 1, rounds: 1};
	say({kind: 'slots', id: raw?.id, slots: raw?.instantiate?.(first.n, first.f, {rounds: first.rounds})?.slots});
} catch {}

const loaded = await loadProtocolModule(path, {trial: false});
if (!loaded.ok) say({kind: 'done', problem: loaded.message});
else {
	let problem: string | undefined;
	try {
		for (const {n, f, rounds} of sizes) loaded.value.protocol.instantiate(n, f, {rounds});
	} catch (error) {
		problem = error instanceof ProtocolFault ? error.message : String(error);
	}

	say({kind: 'done', ...(problem === undefined ? {} : {problem})});
}
