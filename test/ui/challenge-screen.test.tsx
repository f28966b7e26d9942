import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import {instances, readChallenge} from '../../source/challenge/challenge.js';
import {hashSeed} from '../../source/challenge/random.js';
import {type ChallengeResult, verifyResult} from '../../source/challenge/result.js';
import {newRun} from '../../source/challenge/run.js';
import {ChallengeScreen} from '../../source/ui/challenge-screen.js';
import {InlineService} from '../helpers/inline-service.js';
import {analysed, containing, deliver, press, until} from '../helpers/ink.js';
import {ARROW_DOWN, ENTER, ESCAPE} from '../helpers/keys.js';

const challenge = readChallenge('scenarios/challenges/lab-break-and-stall.yaml');
if (!challenge.ok) throw new Error(challenge.message);
const seed = hashSeed('ada');
const levels = instances(challenge.value, seed);
if (!levels.ok) throw new Error(levels.message);

/** Press Down until the list cursor is on the row (a key sent before the list listens is lost). */
async function downTo(ui: {frame: () => string; stdin: {write(data: string): void}}, row: RegExp): Promise<string> {
	for (let i = 0; i < 40; i++) {
		if (row.test(ui.frame())) return ui.frame();
		await press(ui.stdin, ARROW_DOWN);
		await new Promise(resolve => setTimeout(resolve, 30));
	}

	throw new Error(`the cursor never reached ${row}:\n${ui.frame()}`);
}

function open(leaveWhenOver = false, run = newRun(challenge.ok ? challenge.value : (undefined as never), levels.ok ? levels.value : [], 'ada', seed)) {
	let now = 1_000_000;
	const written: ChallengeResult[] = [];
	let exited = 0;
	const ends: string[] = [];
	const app = render(
		<ChallengeScreen
			run={run}
			leaveWhenOver={leaveWhenOver}
			service={new InlineService()}
			colour={false}
			rows={24}
			clock={() => now}
			onResult={result => {
				written.push(result);
				return 'Result written to ada.json.';
			}}
			onExit={how => {
				exited++;
				ends.push(how);
			}}
		/>,
	);
	return {
		...app,
		frame: (): string => app.lastFrame() ?? '',
		written,
		exits: () => exited,
		ends,
		advance(ms: number) {
			now += ms;
		},
	};
}

/** Start the clock and open level 1, its analysis in. */
async function openFirstLevel(): Promise<ReturnType<typeof open>> {
	const ui = open();
	await until(ui.frame, containing('CHALLENGE:'));
	await press(ui.stdin, ENTER);
	await until(ui.frame, containing('time 20:00'));
	await press(ui.stdin, ENTER);
	await until(ui.frame, analysed());
	return ui;
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
		ui.advance(30_000);
		await press(ui.stdin, ESCAPE);
		text = await until(ui.frame, containing('score 100'));
		expect(text).toContain('✓ Level 1: Whoever arrives first');
		ui.advance(20 * 60_000);
		text = await until(ui.frame, containing('Time is up. Final score 100.'));
		const last = ui.written.at(-1)!;
		expect(last.finished).toBe(true);
		expect(last.timeMs).toBe(1_200_000);
		expect(verifyResult(last, challenge.ok ? challenge.value : (undefined as never))).toEqual({ok: true, value: last});
	});

	test('Ctrl-C writes the unfinished result and leaves', async () => {
		const ui = open();
		await until(ui.frame, containing('CHALLENGE:'));
		await press(ui.stdin, ENTER);
		await until(ui.frame, containing('time 20:00'));
		await press(ui.stdin, '\u0003');
		await until(() => String(ui.exits()), t => t === '1');
		expect(ui.ends).toEqual(['interrupted']);
		expect(ui.written.at(-1)).toMatchObject({finished: false, total: 0});
	});

	test('the clock counts from one deadline: time passing inside a level counts once (issue 20, defect 1)', async () => {
		const ui = open(true);
		await until(ui.frame, containing('CHALLENGE:'));
		await press(ui.stdin, ENTER);
		await until(ui.frame, containing('time 20:00'));
		ui.advance(60_000);
		await until(ui.frame, containing('time 19:00'));
		await press(ui.stdin, ENTER); // level 1, opened with 19:00 left
		await until(ui.frame, analysed());
		ui.advance(14_000);
		await until(ui.frame, containing('time 18:46'));
		await press(ui.stdin, 'q');
		await until(ui.frame, containing('Hand in now'));
		expect(ui.frame()).toContain('time 18:46');
		await press(ui.stdin, ENTER); // the same level again, 18:46 left
		await until(ui.frame, analysed());
		ui.advance(1_125_000);
		await until(ui.frame, containing('time 0:01'));
		expect(ui.frame()).not.toContain('TIME IS UP');
		expect(ui.ends).toEqual([]);
		ui.advance(1_000);
		await until(ui.frame, containing('Time is up. Final score 0.'));
		await until(() => ui.ends.join(), t => t === 'time-up');
		const last = ui.written.at(-1)!;
		expect(last).toMatchObject({finished: true, timeMs: 1_200_000});
		expect(last.levels[0]!.timeMs).toBe(1_140_000);
	});

	test('a level stays solved with the moves that solved it: undo afterwards changes nothing (issue 20, defect 3)', async () => {
		const ui = await openFirstLevel();
		const race = ['start 1', 'start 2', 'start 3', '2<1:vote=0', '1<2:vote=1', '3<2:vote=1', '3<1:vote=0', '1<3:vote=1', '2<3:vote=1'];
		for (const move of race) await deliver(ui.frame, ui.stdin, move);
		await until(ui.frame, containing('✓ GOAL REACHED.'));
		await until(() => String(ui.written.at(-1)?.levels[0]?.solved), t => t === 'true');
		ui.advance(10_000); // counted in the file written after the next change, though the level is still open
		await press(ui.stdin, 'u', 'u');
		await until(ui.frame, containing('moves 7'));
		const last = ui.written.at(-1)!;
		expect(last.levels[0]).toMatchObject({solved: true, moves: race, score: 100, timeMs: 10_000});
		expect(verifyResult(last, challenge.ok ? challenge.value : (undefined as never))).toEqual({ok: true, value: last});
		await press(ui.stdin, ESCAPE);
		const list = await until(ui.frame, containing('Hand in now'));
		expect(list).toContain('9 moves  score 100');
		// The cursor moved on to the next unsolved level.
		expect(list).toMatch(/▸ {3}Level 2/);
	});

	test('each hint used (witness runs, a proof view) is counted in the result file, and verify accepts it (issue 24, point 6)', async () => {
		const ui = await openFirstLevel();
		ui.advance(5_000); // a credible time for the move (verify rejects moves faster than a floor)
		await deliver(ui.frame, ui.stdin, 'start 1');
		await until(ui.frame, analysed());
		expect(ui.written.at(-1)!.levels[0]).toMatchObject({hintsUsed: 0});
		await press(ui.stdin, 'w');
		await until(ui.frame, containing('WITNESS'));
		await until(() => String(ui.written.at(-1)?.levels[0]?.hintsUsed), t => t === '1');
		await press(ui.stdin, ESCAPE);
		await until(ui.frame, analysed());
		await press(ui.stdin, 'i');
		await until(ui.frame, containing('Hint: '));
		await until(() => String(ui.written.at(-1)?.levels[0]?.hintsUsed), t => t === '2');
		const last = ui.written.at(-1)!;
		expect(last.levels.map(l => l.hintsUsed)).toEqual([2, ...last.levels.slice(1).map(() => 0)]);
		expect(verifyResult(last, challenge.ok ? challenge.value : (undefined as never))).toEqual({ok: true, value: last});
	});

	test('Hand in asks first; then the summary is drawn and the challenge ends by itself', async () => {
		const ui = open(true);
		await until(ui.frame, containing('CHALLENGE:'));
		await press(ui.stdin, ENTER);
		await until(ui.frame, containing('time 20:00'));
		await downTo(ui, /▸ {3}Hand in now/);
		await press(ui.stdin, ENTER);
		let text = await until(ui.frame, containing('Hand in now, with 20:00 left?'));
		expect(text).toContain('ada  score 0  time 20:00');
		await press(ui.stdin, 'n');
		text = await until(ui.frame, containing('▸   Hand in now'));
		await press(ui.stdin, ENTER);
		await until(ui.frame, containing('Hand in now, with'));
		await press(ui.stdin, 'y');
		await until(ui.frame, containing('Handed in. Final score 0.'));
		await until(() => ui.ends.join(), t => t === 'handed-in');
		expect(ui.written.at(-1)).toMatchObject({finished: true});
	});

	test('the X_i chooser shows the countdown too', async () => {
		const ui = open();
		await until(ui.frame, containing('CHALLENGE:'));
		await press(ui.stdin, ENTER);
		await until(ui.frame, containing('time 20:00'));
		await downTo(ui, /▸ {3}Level 3/);
		await press(ui.stdin, ENTER);
		ui.advance(5_000);
		const text = await until(ui.frame, containing('Choose the inputs'));
		await until(ui.frame, containing('time 19:55'));
		expect(text).toContain('CHALLENGE  Lab: break it, then stall it');
	});

	test('Esc on the intro leaves, with no result written', async () => {
		const ui = open(true);
		await until(ui.frame, containing('CHALLENGE:'));
		await press(ui.stdin, ESCAPE);
		await until(() => ui.ends.join(), t => t === 'left');
		expect(ui.written).toEqual([]);
	});
});

describe('flp challenge as a program', () => {
	test('every way out ends it and shuts the analysis worker down (issue 20, defect 2)', async () => {
		const {ChallengeApp} = await import('../../source/ui/challenge-app.js');
		type Step = string | {readonly wait: string} | {readonly down: RegExp};
		const ways: Array<[Step[], string]> = [
			[[ESCAPE], 'left'],
			[[ENTER, {wait: 'Hand in now'}, '\u0003'], 'interrupted'],
			[[ENTER, {wait: 'Hand in now'}, {down: /▸ {3}Hand in now/}, ENTER, {wait: 'Hand in now, with'}, 'y'], 'handed-in'],
		];
		for (const [steps, how] of ways) {
			let disposed = 0;
			const service = new InlineService();
			service.dispose = () => {
				disposed++;
			};
			const ends: string[] = [];
			const app = render(
				<ChallengeApp
					run={newRun(challenge.ok ? challenge.value : (undefined as never), levels.ok ? levels.value : [], 'ada', seed)}
					service={service}
					colour={false}
					clock={() => 1_000}
					onResult={() => 'written'}
					onEnd={end => ends.push(end)}
				/>,
			);
			await until(() => app.lastFrame() ?? '', containing('CHALLENGE:'));
			for (const step of steps) {
				if (typeof step === 'string') await press(app.stdin, step);
				else if ('wait' in step) await until(() => app.lastFrame() ?? '', containing(step.wait));
				else await downTo({frame: () => app.lastFrame() ?? '', stdin: app.stdin}, step.down);
			}

			await until(() => `${ends.join()} ${disposed}`, t => t === `${how} 1`);
		}
	});
});

describe('hints: none | label | full', () => {
	test.each([
		['none', ' NOW ?   (this challenge shows no labels', false],
		['label', ' NOW 0   (this challenge shows the label only)', false],
		['full', ' NOW 0         agreement: breakable', true],
	] as const)('hints: %s', async (mode, verdict, previews) => {
		const {writeFileSync, mkdtempSync, rmSync, readFileSync} = await import('node:fs');
		const {join} = await import('node:path');
		const {tmpdir} = await import('node:os');
		const dir = mkdtempSync(join(tmpdir(), 'flp-hints-'));
		try {
			const path = join(dir, 'c.yaml');
			writeFileSync(path, readFileSync('scenarios/challenges/lab-break-and-stall.yaml', 'utf8').replace('hints: true', `hints: ${mode}`).replace('../campaign/', `${process.cwd()}/scenarios/campaign/`));
			const c = readChallenge(path);
			if (!c.ok) throw new Error(c.message);
			const made = instances(c.value, seed);
			if (!made.ok) throw new Error(made.message);
			const ui = open(false, newRun(c.value, made.value, 'ada', seed));
			await until(ui.frame, containing('CHALLENGE:'));
			await press(ui.stdin, ENTER);
			await until(ui.frame, containing('Hand in now'));
			await press(ui.stdin, ENTER);
			const text = await until(ui.frame, t => t.includes(verdict));
			expect(text.includes('if delivered now')).toBe(previews);
			expect(text.includes('w witness')).toBe(previews);
			expect(text).toContain(' enter deliver  t target  u/r undo/redo');
			if (!previews) {
				await press(ui.stdin, 'w');
				await until(ui.frame, containing('This level plays without hints.'));
			}
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
