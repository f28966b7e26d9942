/**
 * An analysis service that holds every request until it is cancelled, then answers with what a
 * cut-short search found: for testing the spinner and the stop key.
 */
import {type PositionRequest, PositionAnalyst} from '../../source/worker/position.js';
import type {AnalysisListener, AnalysisService} from '../../source/worker/service.js';

export class HeldService implements AnalysisService {
	private held: {request: PositionRequest; listener: AnalysisListener} | undefined;
	readonly cancelled: number[] = [];
	readonly requests: PositionRequest[] = [];

	request(request: PositionRequest, listener: AnalysisListener): void {
		this.requests.push(request);
		this.held = {request, listener};
		listener.progress?.(request.id, 4096);
	}

	cancel(id: number): void {
		this.cancelled.push(id);
		const held = this.held;
		if (!held || held.request.id !== id) return;
		this.held = undefined;
		held.listener.report({...new PositionAnalyst().report(held.request, {maxStates: 3}), stopped: 'cancelled'});
	}

	dispose(): void {}
}
