/** An analysis service that answers on the next tick, in this thread: for the screen tests. */
import {PositionAnalyst, type PositionRequest} from '../../source/worker/position.js';
import type {AnalysisListener, AnalysisService} from '../../source/worker/service.js';

export class InlineService implements AnalysisService {
	private readonly analyst = new PositionAnalyst();
	private latest = -1;
	private cancelled = -1;
	readonly requests: PositionRequest[] = [];

	constructor(private readonly maxStates?: number) {}

	request(request: PositionRequest, listener: AnalysisListener): void {
		this.latest = request.id;
		this.requests.push(request);
		setTimeout(() => {
			if (request.id !== this.latest) return;
			const found = this.analyst.report(request, {
				...(this.maxStates === undefined ? {} : {maxStates: this.maxStates * (request.budgetScale ?? 1)}),
				shouldStop: () => this.cancelled === request.id,
			});
			// Its budget is states, not time: stopped by it, the search ran out of time as it would in the worker.
			const report = found.now.complete ? found : {...found, stopped: this.cancelled === request.id ? ('cancelled' as const) : ('time' as const)};
			if (request.id === this.latest) listener.report(report);
		}, 0);
	}

	cancel(id: number): void {
		this.cancelled = id;
	}

	dispose(): void {}
}
