/** Every shipped scenario loads, and every level's solution replays to its goal. */
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {CAMPAIGN, SCENARIOS, loadCampaign} from '../../source/scenario/campaign.js';
import {readChallenge} from '../../source/challenge/challenge.js';
import {readScenario} from '../../source/scenario/scenario.js';
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
			expect(moves?.length ?? 0).toBeLessThanOrEqual(level.value.file.par ?? Number.POSITIVE_INFINITY);
		});
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
