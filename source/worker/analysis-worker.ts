/** The analysis worker: answers position requests off the UI thread, keeping its memo. */
import {parentPort, workerData} from 'node:worker_threads';
import {CANCELLED, type FromWorker, LATEST, type ToWorker} from './messages.js';
import {PositionAnalyst, type StopReason} from './position.js';
import {isModulePath, loadProtocolModule, loadedModule} from '../protocols/module.js';

const control = new Int32Array(workerData as SharedArrayBuffer);
const analyst = new PositionAnalyst();
const port = parentPort!;

/**
 * The protocol module a request names, loaded here too (the worker has its own module graph).
 * The UI thread loaded it first, so it is trusted and known to load.
 */
async function withModule(protocol: string): Promise<string | undefined> {
	if (!isModulePath(protocol) || loadedModule(protocol)) return undefined;
	const loaded = await loadProtocolModule(protocol);
	return loaded.ok ? undefined : loaded.message;
}

port.on('message', async (message: ToWorker) => {
	const {request, budgetMs, maxBytes} = message;
	const problem = await withModule(request.spec.protocol);
	if (problem !== undefined) {
		port.postMessage({kind: 'report', report: {id: request.id, now: {label: 'unknown', outcomes: [], flags: {agreement: false, termination: false, validity: false}, complete: false, witnesses: {}}, previews: [], states: 0, error: problem}} satisfies FromWorker);
		return;
	}

	const deadline = Date.now() + budgetMs * (request.budgetScale ?? 1);
	let why: StopReason | undefined;
	let states = 0;
	let lastProgress = Date.now();
	const shouldStop = (): boolean => {
		states += 1024;
		const now = Date.now();
		if (now - lastProgress > 100) {
			lastProgress = now;
			port.postMessage({kind: 'progress', id: request.id, states} satisfies FromWorker);
		}

		if (Atomics.load(control, LATEST) !== request.id) return true;
		if (Atomics.load(control, CANCELLED) === request.id) why = 'cancelled';
		else if (now > deadline) why = 'time';
		return why !== undefined;
	};

	if (Atomics.load(control, LATEST) !== request.id) return; // already superseded
	const found = analyst.report(request, {shouldStop, maxBytes});
	const stopped = found.now.complete ? undefined : (why ?? 'memory');
	const report = stopped ? {...found, stopped} : found;
	port.postMessage({kind: 'report', report} satisfies FromWorker);
});
