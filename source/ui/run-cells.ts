/** The timeline cells of a game in progress, from the reports the analysis has given so far. */
import type {AnalysisLabel} from '../engine/analysis.js';
import type {Configuration} from '../engine/configuration.js';
import type {GoalSpec} from '../engine/goals.js';
import type {Message, Move} from '../engine/types.js';
import {targetIn} from '../engine/session.js';
import {type Cell, foreverRoundEnds, timelineCells} from '../diagram/timeline.js';
import type {PositionReport} from '../worker/position.js';

export interface RunSource {
	/** configs[k] after k moves of the whole run (a level's setup included). */
	readonly configs: readonly Configuration[];
	readonly moves: readonly Move[];
	/** The position the player's part starts at: the strip's first cell. */
	readonly start: number;
	/** The report for the position after k moves of the whole run, when there is one. */
	readonly reportAt: (k: number) => PositionReport | undefined;
	/** The target the player chose (null: the oldest pending message). */
	readonly target?: Message | null;
	readonly goal?: GoalSpec;
}

export function runCells({configs, moves, start, reportAt, target = null, goal}: RunSource): Cell[] {
	const labels: (AnalysisLabel | undefined)[] = [];
	const stars: (AnalysisLabel | undefined)[] = [];
	for (let k = start; k < configs.length; k++) {
		const report = reportAt(k);
		labels.push(report?.now.label);
		const config = configs[k]!;
		const entry = targetIn(config, goal?.kind === 'forever' ? null : (target ?? goal?.target ?? null));
		stars.push(entry && report ? report.previews[config.pool.indexOf(entry)]?.label : undefined);
	}

	const rounds = goal?.kind === 'forever' ? foreverRoundEnds(configs, moves, start) : new Set<number>();
	return timelineCells(labels, stars, rounds);
}
