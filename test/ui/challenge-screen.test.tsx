import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import {instances, readChallenge} from '../../source/challenge/challenge.js';
import {hashSeed} from '../../source/challenge/random.js';
import {type ChallengeResult, verifyResult} from '../../source/challenge/result.js';
import {newRun} from '../../source/challenge/run.js';
import {ChallengeScreen} from '../../source/ui/challenge-screen.js';
import {InlineService} from '../../source/worker/service.js';
import {analysed, containing, deliver, press, until} from '../helpers/ink.js';
import {ENTER, ESCAPE} from '../helpers/keys.js';

const challenge = readChallenge('scenarios/challenges/lab-break-and-stall.yaml');
if (!challenge.ok) throw new Error(challenge.message);
const seed = hashSeed('ada');
const levels = instances(challenge.value, seed);
if (!levels.ok) throw new Error(levels.message);

function open() {
	let now = 1_000_000;
	const written: ChallengeResult[] = [];
	let exited = 0;
	const app = render(
		<ChallengeScreen
			run={newRun(challenge.ok ? challenge.value : (undefined as never), levels.ok ? levels.value : [], 'ada', seed)}
			service={new InlineService()}
			colour={false}
			rows={24}
			clock={() => now}
			onResult={result => {
				written.push(result);
				return 'Result written to ada.json.';
			}}
			onExit={() => {
				exited++;
			}}
		/>,
	);
	return {
		...app,
		frame: (): string => app.lastFrame() ?? '',
		written,
		exits: () => exited,
		advance(ms: number) {
			now += ms;
		},
	};
}

describe('a classroom challenge', () => {
	test('shows a countdown, writes the result after every move, and stops when time runs out', async () => {
		const ui = open();
		await until(ui.frame, containing('CHALLENGE: Lab: break it, then stall it'));
		expect(ui.frame()).toContain('Player ada, seed');
		await press(ui.stdin, ENTER);
		let text = await until(ui.frame, containing('time 20:00'));
		expect(text).toContain('ada  score 0');
		expect(ui.written.at(-1)).toMatchObject({player: 'ada', seed, finished: false, total: 0});
		ui.advance(65_000);
		await until(ui.frame, containing('time 18:55'));
		await press(ui.stdin, ENTER); // level 1: quorum race
		await until(ui.frame, analysed());
		const race = ['start 1', 'start 2', 'start 3', '2<1:vote=0', '1<2:vote=1', '3<2:vote=1', '3<1:vote=0', '1<3:vote=1', '2<3:vote=1'];
		for (const move of race) await deliver(ui.frame, ui.stdin, move);
		text = await until(ui.frame, containing('✓ GOAL REACHED.'));
		await until(() => String(ui.written.at(-1)?.levels[0]?.solved), t => t === 'true');
		expect(ui.written.at(-1)!.levels[0]!.moves).toEqual(race);
		expect(ui.written.at(-1)!.total).toBe(100);
		await press(ui.stdin, ESCAPE);
		text = await until(ui.frame, containing('score 100'));
		expect(text).toContain('✓ 4. Whoever arrives first');
		ui.advance(20 * 60_000);
		text = await until(ui.frame, containing('Time is up. Final score 100.'));
		const last = ui.written.at(-1)!;
		expect(last.finished).toBe(true);
		expect(last.timeMs).toBe(1_200_000);
		expect(verifyResult(last, challenge.ok ? challenge.value : (undefined as never))).toEqual({ok: true, result: last});
	});

	test('Ctrl-C writes the unfinished result and leaves', async () => {
		const ui = open();
		await until(ui.frame, containing('CHALLENGE:'));
		await press(ui.stdin, ENTER);
		await until(ui.frame, containing('time 20:00'));
		await press(ui.stdin, '\u0003');
		await until(() => String(ui.exits()), t => t === '1');
		expect(ui.written.at(-1)).toMatchObject({finished: false, total: 0});
	});
});
