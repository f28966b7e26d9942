/** The analysis worker: answers position requests off the UI thread, keeping its memo. */
import {parentPort, workerData} from 'node:worker_threads';
import {CANCELLED, type FromWorker, LATEST, type ToWorker} from './messages.js';
import {PositionAnalyst, type PositionReport, type StopReason, WITNESS_BUDGET_MS, failedReport} from './position.js';
import {ProtocolFault} from '../engine/protocol.js';
import {shareHeartbeat} from '../protocols/guard.js';
import {HEARTBEAT_WORDS} from '../protocols/watchdog.js';
import {isModulePath, loadProtocolModule, loadedModule} from '../protocols/module.js';

const control = new Int32Array(workerData as SharedArrayBuffer, 0, 2);
// Where a protocol module's step is, for the service's watchdog (a step that never returns).
shareHeartbeat(new Int32Array(workerData as SharedArrayBuffer, 8, HEARTBEAT_WORDS));
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
		port.postMessage({kind: 'report', report: failedReport(request.id, problem)} satisfies FromWorker);
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

	// The witness runs come after the answer, with a time of their own (a complete answer need
	// not wait for them, nor its previews be cut short by them); a new request or x still stops them.
	let witnessesFrom: number | undefined;
	const witnessStop = (): boolean => {
		if (Atomics.load(control, LATEST) !== request.id || Atomics.load(control, CANCELLED) === request.id) return true;
		witnessesFrom ??= Date.now();
		return Date.now() - witnessesFrom > WITNESS_BUDGET_MS * (request.budgetScale ?? 1);
	};

	if (Atomics.load(control, LATEST) !== request.id) return; // already superseded
	let found: PositionReport;
	try {
		found = analyst.report(request, {shouldStop, witnessStop, maxBytes});
	} catch (error) {
		// A protocol module's step that threw deep in the search (the loader's sampled walks did
		// not reach it): said on the board, with the protocol, node and move; the worker lives on.
		const text = error instanceof ProtocolFault ? error.message : `the analysis failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
		port.postMessage({kind: 'report', report: failedReport(request.id, text)} satisfies FromWorker);
		return;
	}

	const stopped = found.now.complete ? undefined : (why ?? 'memory');
	const report = stopped ? {...found, stopped} : found;
	port.postMessage({kind: 'report', report} satisfies FromWorker);
});
