/**
 * The analysis service the play screen talks to. `WorkerService` runs the analysis in a worker
 * thread so the keyboard never freezes (the tests' InlineService, test/helpers/inline-service.ts,
 * runs it in their thread).
 */
import type {Worker} from 'node:worker_threads';
import {HEARTBEAT_WORDS, STEP_LIMIT_MS, stuckText, watchSteps} from '../protocols/watchdog.js';
import {findProtocol} from '../protocols/registry.js';
import {slotsOf} from '../protocols/guard.js';
import {startWorker} from './spawn.js';
import {memoryBudgetBytes} from '../memory-budget.js';
import {CANCELLED, type FromWorker, LATEST, type ToWorker} from './messages.js';
import {type PositionReport, type PositionRequest, failedReport} from './position.js';

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
	/** [0] the newest request, [1] a cancelled request, then the module steps' heartbeat. */
	private readonly control = new SharedArrayBuffer(4 * (2 + HEARTBEAT_WORDS));
	private readonly words = new Int32Array(this.control, 0, 2);
	private readonly heartbeat = new Int32Array(this.control, 8, HEARTBEAT_WORDS);
	private worker: Worker;
	private listener: AnalysisListener | undefined;
	private latest: PositionRequest | undefined;
	private stopWatching: () => void = () => {};

	constructor(
		private readonly budgetMs = POSITION_BUDGET_MS,
		private readonly maxBytes = memoryBudgetBytes(),
		stepLimitMs = STEP_LIMIT_MS,
	) {
		this.worker = this.start();
		// A protocol module's step that never returns: the worker is replaced, and the position
		// answered with what happened (the game goes on; its next request runs the step again).
		this.stopWatching = this.watch(stepLimitMs);
	}

	private start(): Worker {
		const worker = startWorker('./analysis-worker', import.meta.url, this.control);
		worker.on('message', (message: FromWorker) => {
			if (message.kind === 'progress') this.listener?.progress?.(message.id, message.states);
			else if (message.report.id === Atomics.load(this.words, LATEST)) this.listener?.report(message.report);
		});
		// After the listener: adding a 'message' listener refs the worker again, and a worker
		// that is ref'd keeps the process alive after the screen is gone.
		worker.unref();
		return worker;
	}

	private watch(limitMs: number): () => void {
		return watchSteps(
			this.heartbeat,
			step => {
				void this.worker.terminate();
				Atomics.store(this.heartbeat, 0, 0);
				this.worker = this.start();
				const request = this.latest;
				if (request) {
					const protocol = findProtocol(request.spec.protocol);
					// Not the checked instance: making it runs the module's steps, here, in the UI thread.
					const slots = protocol && slotsOf(protocol, request.spec.n, request.spec.f ?? 1, request.spec.rounds ?? 1);
					this.listener?.report(failedReport(request.id, stuckText(protocol ? `${protocol.id} (${request.spec.protocol})` : request.spec.protocol, slots, step, limitMs)));
				}

				this.stopWatching = this.watch(limitMs);
			},
			limitMs,
		);
	}

	request(request: PositionRequest, listener: AnalysisListener): void {
		this.listener = listener;
		this.latest = request;
		Atomics.store(this.words, LATEST, request.id);
		this.worker.postMessage({kind: 'position', request, budgetMs: this.budgetMs, maxBytes: this.maxBytes} satisfies ToWorker);
	}

	cancel(id: number): void {
		Atomics.store(this.words, CANCELLED, id);
	}

	dispose(): void {
		this.stopWatching();
		void this.worker.terminate();
	}
}
