/** The analysis worker: answers position requests off the UI thread, keeping its memo. */
import {parentPort, workerData} from 'node:worker_threads';
import {CANCELLED, type FromWorker, LATEST, type ToWorker} from './messages.js';
import {PositionAnalyst} from './position.js';

const control = new Int32Array(workerData as SharedArrayBuffer);
const analyst = new PositionAnalyst();
const port = parentPort!;

port.on('message', (message: ToWorker) => {
	const {request, budgetMs, maxBytes} = message;
	const deadline = Date.now() + budgetMs;
	let states = 0;
	let lastProgress = Date.now();
	const shouldStop = (): boolean => {
		states += 1024;
		const now = Date.now();
		if (now - lastProgress > 100) {
			lastProgress = now;
			port.postMessage({kind: 'progress', id: request.id, states} satisfies FromWorker);
		}

		return Atomics.load(control, LATEST) !== request.id || Atomics.load(control, CANCELLED) === request.id || now > deadline;
	};

	if (Atomics.load(control, LATEST) !== request.id) return; // already superseded
	const report = analyst.report(request, {shouldStop, maxBytes});
	port.postMessage({kind: 'report', report} satisfies FromWorker);
});
