/** The replay screen: the timeline fills in from background analysis; d draws the run. */
import {render} from 'ink-testing-library';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {SCENARIOS} from '../../source/scenario/campaign.js';
import {playFile, readScenario} from '../../source/scenario/scenario.js';
import {ReplayScreen} from '../../source/ui/replay-screen.js';
import {InlineService} from '../helpers/inline-service.js';
import {containing, press, until} from '../helpers/ink.js';
import {ARROW_LEFT, ESCAPE} from '../helpers/keys.js';

function open(name: string) {
	const loaded = readScenario(join(SCENARIOS, 'solutions', name));
	if (!loaded.ok) throw new Error(loaded.message);
	const level = playFile(loaded.value.file);
	if (!level.ok) throw new Error(level.message);
	const exits: number[] = [];
	const app = render(
		<ReplayScreen
			title={level.value.info.title}
			session={level.value.session}
			start={level.value.start}
			goal={level.value.goal}
			service={new InlineService()}
			colour={false}
			rows={24}
			onExit={() => exits.push(1)}
		/>,
	);
	return {...app, frame: () => app.lastFrame() ?? '', exits};
}

const lines = (text: string): string[] => text.split('\n').map(line => line.trimEnd());

describe('the replay screen', () => {
	test('the timeline fills in for every step, with the star of the oldest message, and marks the step shown', async () => {
		const {frame, stdin, unmount} = open('03-leader-two-faced.yaml');
		let text = await until(frame, containing(' run   A A A A A A A!0 -'));
		expect(lines(text)).toContain(' star  A A A A A A 0 -▸');
		expect(lines(text).length).toBeLessThanOrEqual(24);
		await press(stdin, ARROW_LEFT, ARROW_LEFT);
		text = await until(frame, containing('step 6/8: start 3'));
		expect(lines(text)).toContain(' star  A A A A A A▸0 -');
		for (const line of lines(text)) expect([...line].length).toBeLessThanOrEqual(80);
		unmount();
	});

	test('a stall level: the stars are the target’s, up to its delivery', async () => {
		const {frame, unmount} = open('08-lemma2-stall.yaml');
		const text = await until(frame, containing(' run   A A A A'));
		expect(lines(text)).toContain(' star  0 0 A▸A');
		unmount();
	});

	test('a forever level: a bar after each round', async () => {
		const {frame, unmount} = open('13-theorem-ben-or.yaml');
		const text = await until(frame, containing(' run   A A│A│A│A│A│A A│A│A│A A'), 30_000);
		expect(lines(text)).toContain(' star  A A│A│A│A│1│A A│A│1│A▸1');
		unmount();
	}, 60_000);

	test('m opens the space-time diagram at 80x24 with labels per step; esc comes back', async () => {
		const {frame, stdin, unmount} = open('03-leader-two-faced.yaml');
		await until(frame, containing(' run   A A A A A A A!0 -'));
		await press(stdin, 'm');
		const text = await until(frame, containing('SPACE-TIME'));
		const shown = lines(text);
		expect(shown.length).toBe(24);
		expect(shown.slice(0, 12)).toEqual([
			' SPACE-TIME  3. A leader with two faces (solution)',
			'step  1           2           3  move',
			'     in 0        in 1        in 1',
			'   0  │           │           │  (start)              ambiguous',
			'   1  ⊗           │           │  corrupt 1 as byzantine ambiguous',
			'   2  □           │           │  1>2:value=0          ambiguous',
			'   3  □           │           │  1>3:value=1          ambiguous',
			'   4  ◇           │           │  start 1              ambiguous',
			'   5  ┊           ◆           │  start 2              ambiguous',
			'   6  ┊           │           ◆  start 3              ambiguous',
			'   7  ╞══════════▶0           │  2<1:value=0 (2)      0',
			'▸  8  ╞═══════════┼══════════▶1  3<1:value=1 (3)      none',
		]);
		await press(stdin, ESCAPE);
		await until(frame, containing('REPLAY'));
		unmount();
	});
});
