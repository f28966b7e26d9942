/** `flp replay --svg` and `flp replay --print --format markdown`. */
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {markdown, runReplayExport} from '../../source/commands/replay.js';
import {layoutRun} from '../../source/diagram/layout.js';
import {SCENARIOS} from '../../source/scenario/campaign.js';
import {playFile, readScenario} from '../../source/scenario/scenario.js';
import {parseSvg} from '../helpers/svg.js';
import {runCli} from '../helpers/run-cli.js';

const clock = (): number => 0;
const dir = mkdtempSync(join(tmpdir(), 'flp-replay-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const solutions = join(SCENARIOS, 'solutions');

describe('flp replay FILE --svg OUT.svg', () => {
	for (const name of readdirSync(solutions).sort()) {
		test(`draws ${name}: well-formed, one arrow per delivery`, async () => {
			const out = join(dir, name.replace(/\.yaml$/, '.svg'));
			const result = await runReplayExport(join(solutions, name), {svg: out}, clock);
			expect(result.code).toBe(0);
			expect(result.stderr).toBe('');
			const loaded = readScenario(join(solutions, name));
			const level = loaded.ok ? playFile(loaded.value.file) : undefined;
			if (!level?.ok) throw new Error(`${name} does not load`);
			const {session} = level.value;
			const deliveries = session.moves.filter(m => m.kind === 'deliver' && m.message.from !== 0).length;
			const layout = layoutRun(session.configs[0]!, session.moves);
			expect(layout.ok && layout.value.arrows.length).toBe(deliveries);
			const elements = parseSvg(readFileSync(out, 'utf8'));
			expect(elements.filter(e => (e.attributes['class'] ?? '').split(' ').includes('delivery')).length).toBe(deliveries);
			expect(result.stdout).toBe(`Wrote ${out}: ${session.moves.length} move${session.moves.length === 1 ? '' : 's'}, ${deliveries} arrow${deliveries === 1 ? '' : 's'}.\n`);
			// The title, the facts and a label for each of the player's steps.
			expect(elements.find(e => e.name === 'title')?.text).toBe(level.value.info.title);
			const labels = elements.filter(e => e.attributes['class'] === 'label');
			expect(labels.length).toBe(session.moves.length - level.value.start + 1);
		}, 60_000);
	}

	test('refuses a name that is not .svg, and never overwrites the file it replays', async () => {
		const game = join(dir, 'game.yaml');
		const text = readFileSync(join(solutions, '08-lemma2-stall.yaml'), 'utf8');
		writeFileSync(game, text);
		expect(await runReplayExport(game, {svg: join(dir, 'game.yaml')}, clock)).toEqual({
			code: 2,
			stdout: '',
			stderr: `flp: --svg writes an SVG file: give a name ending in .svg, not "${join(dir, 'game.yaml')}"\n`,
		});
		expect(readFileSync(game, 'utf8')).toBe(text);
		expect((await runReplayExport(undefined, {svg: join(dir, 'x.svg')}, clock)).code).toBe(2);
		expect(await runReplayExport(join(dir, 'missing.yaml'), {svg: join(dir, 'x.svg')}, clock)).toEqual({
			code: 2,
			stdout: '',
			stderr: `${join(dir, 'missing.yaml')}: cannot read it (no such file)\n`,
		});
	});

	test('from the command line, with bad flags refused', () => {
		const out = join(dir, 'cli.svg');
		const run = runCli(['replay', join(solutions, '08-lemma2-stall.yaml'), '--svg', out]);
		expect(run).toEqual({code: 0, stdout: `Wrote ${out}: 4 moves, 2 arrows.\n`, stderr: ''});
		expect(parseSvg(readFileSync(out, 'utf8')).length).toBeGreaterThan(10);
		const bad = runCli(['replay', join(solutions, '08-lemma2-stall.yaml'), '--print', '--format', 'html']);
		expect(bad).toEqual({code: 2, stdout: '', stderr: 'flp: replay --format takes text or markdown, not "html"\n'});
	}, 60_000);
});

describe('flp replay FILE --print --format markdown', () => {
	test('a heading, the facts and goal, the timeline, then one table row per step', async () => {
		expect(await runReplayExport(join(solutions, '08-lemma2-stall.yaml'), {format: 'markdown'}, clock)).toEqual({
			code: 0,
			stderr: '',
			stdout: [
				'# 8. Lemma 2: stall, then deliver (solution)',
				'',
				'quorum · n=3 f=1 · inputs 011 · allow: crash  ',
				'Goal: deliver the target 2\\<1:vote=0 last, with every configuration ambiguous.',
				'',
				'Timeline: the label after each move, from the start; below it, the target’s starred label.',
				'',
				'```text',
				'A A A A',
				'0 0 A A',
				'```',
				'',
				'A ambiguous, 0/1 only that decision left, - neither, ? cut short, · not yet; │ round ends, ! ambiguity lost.',
				'',
				'| k | move | label | target | star | can still break |',
				'|--:|---|---|---|---|---|',
				'| 0 | (start) | ambiguous | `2<1:vote=0` | 0* | split, invalid |',
				'| 1 | `start 3` | ambiguous | `2<1:vote=0` | 0* | split, invalid |',
				'| 2 | `2<3:vote=1` | ambiguous | `2<1:vote=0` | ambiguous* | split, invalid |',
				'| 3 | `2<1:vote=0` | ambiguous | `start 2` | ambiguous* | split, invalid |',
				'',
				'**Goal stall: reached.** Target delivered at move 3, still ambiguous: that is Lemma 2.',
				'',
			].join('\n'),
		});
	});

	test('marks the rounds of a forever goal and the move that lost ambiguity', async () => {
		const theorem = (await runReplayExport(join(solutions, '13-theorem-ben-or.yaml'), {format: 'markdown'}, clock)).stdout;
		expect(theorem).toContain('```text\nA A│A│A│A│A│A A│A│A│A A\nA A│A│A│A│1│A A│A│1│A 1\n```');
		const twoFaced = (await runReplayExport(join(solutions, '03-leader-two-faced.yaml'), {format: 'markdown'}, clock)).stdout;
		expect(twoFaced).toContain('```text\nA A A A A A A!0 -\nA A A A A A 0 -\n```');
	}, 60_000);

	test('a title cannot forge table rows or markup', async () => {
		const path = join(dir, 'evil.yaml');
		writeFileSync(path, ['format: 1', 'title: "x | y | 9 | `forged` |<b>"', 'protocol: leader', 'nodes: 3', 'inputs: "011"', 'allow: [crash]', 'moves: [start 1]'].join('\n'));
		const out = (await runReplayExport(path, {format: 'markdown'}, clock)).stdout;
		expect(out.split('\n')[0]).toBe('# x \\| y \\| 9 \\| \\`forged\\` \\|\\<b\\>');
		expect(markdown('a\u001B[31mb')).toBe('a \\[31mb');
		// (A line break in a title is refused when the file is read: titles are one line.)
		writeFileSync(path, ['format: 1', 'title: "x\\n| 9 |"', 'protocol: leader', 'nodes: 3', 'inputs: "011"', 'moves: [start 1]'].join('\n'));
		expect((await runReplayExport(path, {format: 'markdown'}, clock)).code).toBe(2);
	});
});
