/**
 * The analysis service the play screen talks to. `WorkerService` runs the analysis in a worker
 * thread so the keyboard never freezes (the tests' InlineService, test/helpers/inline-service.ts,
 * runs it in their thread).
 */
import {Worker} from 'node:worker_threads';
import {memoryBudgetBytes} from '../memory-budget.js';
import {CANCELLED, type FromWorker, LATEST, type ToWorker} from './messages.js';
import type {PositionReport, PositionRequest} from './position.js';

export interface AnalysisListener {
	report(report: PositionReport): void;
	progress?(id: number, states: number): void;
}

export interface AnalysisService {
	/** Ask about a position; answers for older requests are no longer wanted. */
	request(request: PositionRequest, listener: AnalysisListener): void;
	/** Stop the running request; it answers with what it found (complete: false). */
	cancel(id: number): void;
	dispose(): void;
}

/** How long one position may be analysed before the answer is given as it stands. */
export const POSITION_BUDGET_MS = 20_000;

export class WorkerService implements AnalysisService {
	private readonly control = new SharedArrayBuffer(8);
	private readonly words = new Int32Array(this.control);
	private readonly worker: Worker;
	private listener: AnalysisListener | undefined;

	constructor(
		private readonly budgetMs = POSITION_BUDGET_MS,
		private readonly maxBytes = memoryBudgetBytes(),
	) {
		const fromSources = import.meta.url.endsWith('.ts');
		const url = new URL(`./analysis-worker.${fromSources ? 'ts' : 'js'}`, import.meta.url);
		// Run from the TypeScript sources (tests, tsx), the worker must register tsx before it
		// can load a .ts entry; built, it loads the JavaScript directly.
		// tsx is found from this file, not from the working folder (which may be anywhere).
		const tsx = fromSources && typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
		const bootstrap = `import(${JSON.stringify(tsx)}).then(api => { api.register(); return import(${JSON.stringify(url.href)}); });`;
		this.worker = fromSources
			? new Worker(bootstrap, {eval: true, workerData: this.control})
			: new Worker(url, {workerData: this.control});
		this.worker.on('message', (message: FromWorker) => {
			if (message.kind === 'progress') this.listener?.progress?.(message.id, message.states);
			else if (message.report.id === Atomics.load(this.words, LATEST)) this.listener?.report(message.report);
		});
		// After the listener: adding a 'message' listener refs the worker again, and a worker
		// that is ref'd keeps the process alive after the screen is gone.
		this.worker.unref();
	}

	request(request: PositionRequest, listener: AnalysisListener): void {
		this.listener = listener;
		Atomics.store(this.words, LATEST, request.id);
		this.worker.postMessage({kind: 'position', request, budgetMs: this.budgetMs, maxBytes: this.maxBytes} satisfies ToWorker);
	}

	cancel(id: number): void {
		Atomics.store(this.words, CANCELLED, id);
	}

	dispose(): void {
		void this.worker.terminate();
	}
}
