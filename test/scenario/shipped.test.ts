/** Every shipped scenario loads, and every level's solution replays to its goal. */
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {CAMPAIGN, SCENARIOS, loadCampaign} from '../../source/scenario/campaign.js';
import {readChallenge} from '../../source/challenge/challenge.js';
import {countedMoves, readScenario, startLevel} from '../../source/scenario/scenario.js';
import {Analyzer} from '../../source/engine/analysis.js';
import {evaluateGoal} from '../../source/engine/goals.js';
import {applyLegal, legalMoves} from '../../source/engine/moves.js';
import {formatMoves} from '../../source/engine/notation.js';
import {verifyFile} from '../../source/scenario/verify.js';

const solutions = join(SCENARIOS, 'solutions');
const levels = loadCampaign();

describe('the campaign', () => {
	test('has at least 12 levels, all loading, with distinct ids', () => {
		expect(levels.length).toBeGreaterThanOrEqual(12);
		for (const level of levels) expect(level.problem).toBeUndefined();
		const ids = levels.map(l => l.loaded!.file.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	for (const name of readdirSync(CAMPAIGN).sort()) {
		test(`${name}: its solution plays the same level and reaches the goal`, () => {
			const level = readScenario(join(CAMPAIGN, name));
			const solution = readScenario(join(solutions, name));
			expect(level.ok && solution.ok).toBe(true);
			if (!level.ok || !solution.ok) return;
			const {story: _s, par: _p, hints: _h, title: _t, inputs, ...game} = level.value.file;
			const {moves, expect: _e, title: _t2, inputs: solved, ...same} = solution.value.file;
			expect(same).toEqual(game);
			if (inputs !== 'choose') expect(solved).toBe(inputs);
			const verified = verifyFile(solution.value.file);
			expect(verified.ok).toBe(true);
			if (!verified.ok) return;
			expect(verified.value.failures).toEqual([]);
			expect(verified.value.goal.state).toBe('reached');
			// Par is what the solution takes, counted as the game counts moves.
			expect(countedMoves(level.value.file, moves?.length ?? 0)).toBe(level.value.file.par);
		});
	}

	// Par is the fewest moves: no shorter run reaches the goal (searched where that is cheap).
	for (const name of readdirSync(CAMPAIGN).sort()) {
		const level = readScenario(join(CAMPAIGN, name));
		const par = level.ok ? level.value.file.par : undefined;
		test.skipIf(!level.ok || par === undefined || par > 4 || level.value.file.inputs === 'choose')(`${name}: no run shorter than par reaches the goal`, () => {
			if (!level.ok) return;
			const started = startLevel(level.value.file);
			if (!started.ok) throw new Error(started.message);
			const {session, start, goal} = started.value;
			const analyzer = new Analyzer();
			let runs = [{configs: session.configs, moves: session.moves}];
			for (let depth = 1; depth < par!; depth++) {
				const next = [];
				for (const run of runs) {
					for (const move of legalMoves(run.configs.at(-1)!)) {
						const longer = {configs: [...run.configs, applyLegal(run.configs.at(-1)!, move)], moves: [...run.moves, move]};
						const judged = evaluateGoal(goal, {...longer, start}, c => analyzer.analyze(c, {witnesses: false}).label);
						expect(judged.state, formatMoves(session.configs[0]!.setup, longer.moves.slice(start)).join('; ')).not.toBe('reached');
						if (judged.state !== 'failed') next.push(longer);
					}
				}

				runs = next;
			}
		}, 60_000);
	}
});

test('every shipped file loads: scenarios as scenarios, challenges as challenges', () => {
	const all = readdirSync(SCENARIOS, {recursive: true, encoding: 'utf8'}).filter(p => /\.(ya?ml|json)$/.test(p));
	expect(all.length).toBeGreaterThanOrEqual(27);
	for (const path of all) {
		const loaded = path.startsWith('challenges') ? readChallenge(join(SCENARIOS, path)) : readScenario(join(SCENARIOS, path));
		expect(loaded.ok ? 'ok' : loaded.message).toBe('ok');
	}
});
