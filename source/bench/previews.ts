/**
 * The bench's previews section: the in-play answer as the play screen asks for it, with the stall
 * column (each pending message's label and the target's starred label after it) on. Every
 * shipped level's solution is played position by position against one position analyst, the
 * target being the one the player would see (the level's, else the oldest pending message). The
 * goal: after the first answer, 95 % of answers within 100 ms.
 */
import {join} from 'node:path';
import {formatMessage, formatMoves} from '../engine/notation.js';
import {targetIn} from '../engine/session.js';
import {SCENARIOS, loadCampaign} from '../scenario/campaign.js';
import {playFile, readScenario} from '../scenario/scenario.js';
import {PositionAnalyst} from '../worker/position.js';

export interface PreviewRow {
	readonly level: string;
	readonly firstMs: number;
	readonly laterP95Ms: number;
	readonly laterMaxMs: number;
	readonly answers: number;
}

/** The goal for the answers after the first, p95, in ms. */
export const PREVIEW_GOAL_MS = 100;

const p95 = (sorted: readonly number[]): number => (sorted.length > 0 ? sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]! : 0);
const tenth = (ms: number): number => Math.round(ms * 10) / 10;

export function previewSection(): {rows: PreviewRow[]; laterP95Ms: number} {
	const rows: PreviewRow[] = [];
	const later: number[] = [];
	for (const level of loadCampaign()) {
		const name = level.path.split('/').at(-1)!;
		const solution = readScenario(join(SCENARIOS, 'solutions', name));
		if (!solution.ok) continue;
		const played = playFile(solution.value.file);
		if (!played.ok) continue;
		const {session, start, goal} = played.value;
		const spec = {...session.spec, allow: [...session.spec.allow]};
		const setup = session.configs[0]!.setup;
		const moves = formatMoves(setup, session.moves);
		const analyst = new PositionAnalyst();
		const times: number[] = [];
		for (let k = start; k <= moves.length; k++) {
			const c = session.configs[k]!;
			const target = targetIn(c, goal.target ?? null);
			const t = performance.now();
			analyst.report({id: k, spec, moves: moves.slice(0, k), goal: {spec: goal, start}, ...(target ? {target: formatMessage(setup, target.message)} : {})});
			times.push(performance.now() - t);
		}

		const rest = times.slice(1).sort((a, b) => a - b);
		later.push(...rest);
		rows.push({level: name, firstMs: Math.round(times[0]!), laterP95Ms: tenth(p95(rest)), laterMaxMs: tenth(rest.at(-1) ?? 0), answers: times.length});
	}

	return {rows, laterP95Ms: tenth(p95(later.sort((a, b) => a - b)))};
}

export function printPreviews({rows, laterP95Ms}: {rows: readonly PreviewRow[]; laterP95Ms: number}): void {
	console.log('\nwith the stall column (as played)         first ms  later p95 ms  later max ms  answers');
	for (const row of rows) {
		console.log(`${row.level.padEnd(40)} ${String(row.firstMs).padStart(8)} ${String(row.laterP95Ms).padStart(13)} ${String(row.laterMaxMs).padStart(13)} ${String(row.answers).padStart(8)}`);
	}

	console.log(`every level, answers after the first: p95 ${laterP95Ms} ms (goal ≤ ${PREVIEW_GOAL_MS} ms): ${laterP95Ms <= PREVIEW_GOAL_MS ? 'met' : 'NOT MET'}`);
}
