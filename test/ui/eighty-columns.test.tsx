/**
 * Every shipped level at 80x24, as a player meets it: the intro, the board once analysed, and
 * the board with the level solved (its shipped solution played). No line is wider than 80
 * columns, none is cut with "…" where a word is hidden, and no word is wrapped onto a line of
 * its own under a full line of text (issue 21, point 4).
 */
import {readdirSync} from 'node:fs';
import {Box} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import {playFile, readScenario, startLevel} from '../../source/scenario/scenario.js';
import {LevelIntro} from '../../source/ui/level-intro.js';
import {PlayScreen} from '../../source/ui/play-screen.js';
import {InlineService} from '../helpers/inline-service.js';
import {analysed, containing, until} from '../helpers/ink.js';

const levels = readdirSync('scenarios/campaign').filter(name => name.endsWith('.yaml')).sort();

/**
 * What is wrong with a frame, one sentence a line (empty: nothing). The board's rows are read
 * too: a node's line in its column, and a pool row whole (its ⚠ marks go short, ⚠stk,inv, where a
 * long message leaves no room for the words).
 */
export function frameProblems(frame: string): string[] {
	const problems: string[] = [];
	const lines = frame.split('\n');
	const rules = lines.flatMap((line, i) => (line.startsWith('────') ? [i] : []));
	const inBoard = (i: number): boolean => rules.length >= 2 && i > rules[0]! && i < rules[1]!;
	for (const [i, line] of lines.entries()) {
		if ([...line].length > 80) problems.push(`line ${i + 1} is ${[...line].length} columns: ${line}`);
		// A cut: "…" at the end of a line of text (not a placeholder "…" standing alone in a column).
		if (/\S\S…\s*$/.test(line)) problems.push(`line ${i + 1} is cut: ${line}`);
		// In the board, the nodes' column (left of │) is read whole: a node's state is never cut.
		if (inBoard(i) && /\S…\s*$/.test(line.split('│')[0]!)) problems.push(`line ${i + 1}: a node's line is cut: ${line}`);
		const word = line.trim();
		const above = lines[i - 1]?.trim() ?? '';
		// (Not a node's second line in the board, indented three: its state may be one word, "leader".)
		if (!(inBoard(i) && /^ {3}\S/.test(line)) && word.length > 0 && !word.includes(' ') && word.length <= 12 && above.length >= 60 && /[a-z]/.test(above) && !/^[─│]/.test(word)) {
			problems.push(`line ${i + 1} is one word wrapped alone: "${word}" under "${above}"`);
		}
	}

	return problems;
}

describe('every shipped level at 80x24', () => {
	test.each(levels)('%s: the intro, the board and the solved board', async name => {
		const loaded = readScenario(`scenarios/campaign/${name}`);
		if (!loaded.ok) throw new Error(loaded.message);
		const file = loaded.value.file;

		// The test terminal is 100 columns wide: the intro gets the 80 a player's terminal gives.
		const intro = render(
			<Box width={80}>
				<LevelIntro file={file} onStart={() => {}} onCancel={() => {}} />
			</Box>,
		);
		const introFrame = await until(() => intro.lastFrame() ?? '', containing('Goal:'));
		expect(frameProblems(introFrame)).toEqual([]);
		intro.unmount();

		const solution = readScenario(`scenarios/solutions/${name}`);
		if (!solution.ok) throw new Error(solution.message);
		const inputs = file.inputs === 'choose' ? solution.value.file.inputs : undefined;
		const level = startLevel(file, typeof inputs === 'string' ? inputs : undefined);
		if (!level.ok) throw new Error(level.message);
		const board = render(
			<PlayScreen initial={level.value.session} level={level.value.info} goal={{spec: level.value.goal, start: level.value.start}} service={new InlineService()} colour={false} rows={24} saving={{off: 'no saving here'}} onExit={() => {}} />,
		);
		const boardFrame = await until(() => board.lastFrame() ?? '', analysed());
		expect(frameProblems(boardFrame)).toEqual([]);
		expect(boardFrame.split('\n').length).toBeLessThanOrEqual(23);
		board.unmount();

		const solved = playFile(solution.value.file);
		if (!solved.ok) throw new Error(solved.message);
		const end = render(
			<PlayScreen initial={solved.value.session} level={level.value.info} goal={{spec: level.value.goal, start: level.value.start}} service={new InlineService()} colour={false} rows={24} saving={{off: 'no saving here'}} onExit={() => {}} />,
		);
		const endFrame = await until(() => end.lastFrame() ?? '', containing('GOAL REACHED'));
		expect(frameProblems(endFrame)).toEqual([]);
		expect(endFrame.split('\n').length).toBeLessThanOrEqual(23);
		end.unmount();
	});

	test('the main menu, every item whole', async () => {
		const {MainMenu} = await import('../../source/ui/main-menu.js');
		const menu = render(
			<Box width={80}>
				<MainMenu onChoose={() => {}} continuing="the game you left: sandbox-20261204-0125.yaml" />
			</Box>,
		);
		const frame = await until(() => menu.lastFrame() ?? '', containing('Quit'));
		expect(frameProblems(frame)).toEqual([]);
		menu.unmount();
	});

	test('the sandbox setup for every protocol it offers, and the replay of every shipped solution', async () => {
		const {SandboxSetup} = await import('../../source/ui/sandbox-setup.js');
		const {knownProtocols} = await import('../../source/protocols/registry.js');
		for (const {key} of knownProtocols()) {
			for (const n of [3, 6]) {
				const setup = render(
					<Box width={80}>
						<SandboxSetup initial={{protocol: key, n, inputs: '0'.repeat(n), f: 1, allow: ['crash', 'lie', 'byzantine'], rounds: 3}} onStart={() => {}} onCancel={() => {}} />
					</Box>,
				);
				const frame = await until(() => setup.lastFrame() ?? '', containing('[enter] play'));
				expect(frameProblems(frame), `${key}, n = ${n}`).toEqual([]);
				// Wrapped text (the field's hint, the note) keeps the screen's one-column margin: no line starts with a space of its own.
				expect(frame.split('\n').filter(line => /^ {2,}[a-z(]/.test(line)), `${key}, n = ${n}`).toEqual([]);
				if (key === 'ben-or' && n === 6) expect(frame).toContain('Note: its first answers will be cut short: the exact one searches about');
				setup.unmount();
			}
		}

		const {ReplayScreen} = await import('../../source/ui/replay-screen.js');
		for (const name of levels) {
			const solution = readScenario(`scenarios/solutions/${name}`);
			if (!solution.ok) throw new Error(solution.message);
			const level = playFile(solution.value.file);
			if (!level.ok) throw new Error(level.message);
			const replay = render(
				<ReplayScreen title={level.value.info.title} session={level.value.session} start={level.value.start} goal={level.value.goal} service={new InlineService()} colour={false} rows={24} onExit={() => {}} />,
			);
			const frame = await until(() => replay.lastFrame() ?? '', analysed());
			expect(frameProblems(frame), name).toEqual([]);
			replay.unmount();
		}
	}, 120_000);

	test('the How-to-play pages and every keys page', async () => {
		const {HELP_PAGES} = await import('../../source/ui/help-screen.js');
		const {SCREEN_KEYS, KeysScreen} = await import('../../source/ui/keys-screen.js');
		for (const page of HELP_PAGES) for (const line of page.lines) expect(frameProblems(line), page.title).toEqual([]);
		for (const screen of Object.keys(SCREEN_KEYS)) {
			const keys = render(
				<Box width={80}>
					<KeysScreen screen={screen} onClose={() => {}} />
				</Box>,
			);
			const frame = keys.lastFrame() ?? '';
			expect(frame.length).toBeGreaterThan(0);
			expect(frameProblems(frame), screen).toEqual([]);
			keys.unmount();
		}
	});

	test('the keys overlay of the play screen (?)', async () => {
		const loaded = readScenario('scenarios/campaign/11-diamond-hide.yaml');
		if (!loaded.ok) throw new Error(loaded.message);
		const level = startLevel(loaded.value.file);
		if (!level.ok) throw new Error(level.message);
		// In a box as wide as a real terminal: the test terminal is wider, and would hide a wrap.
		const board = render(
			<Box width={80}>
				<PlayScreen initial={level.value.session} level={level.value.info} goal={{spec: level.value.goal, start: level.value.start}} service={new InlineService()} colour={false} rows={24} saving={{off: 'no saving here'}} onExit={() => {}} />
			</Box>,
		);
		await until(() => board.lastFrame() ?? '', analysed());
		board.stdin.write('?');
		const keys = await until(() => board.lastFrame() ?? '', containing('witness runs'));
		expect(frameProblems(keys)).toEqual([]);
		board.unmount();
	});

	test('the checks catch what they are for', () => {
		expect(frameProblems('x'.repeat(81))).toHaveLength(1);
		expect(frameProblems(' ✓ GOAL REACHED. Nodes 2 and 1 cannot tell the order: both orders reach the sam…')).toHaveLength(1);
		expect(frameProblems(' Goal: deliver two messages whose order decides: one order forces 0, the other\n 1.')).toHaveLength(1);
		expect(frameProblems(' ▸◎ start 1 (0)  …')).toEqual([]);
		const rule = '─'.repeat(78);
		expect(frameProblems([rule, '   ballot 2 preparing; promi…│    1<2:prepare.2=go   (1)', rule].join('\n'))).toHaveLength(1);
	});
});
