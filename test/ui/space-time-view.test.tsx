/** The space-time view and the timeline strip, as frames at 80x24, without colour. */
import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import {layoutRun} from '../../source/diagram/layout.js';
import {timelineCells} from '../../source/diagram/timeline.js';
import {parseMoves} from '../../source/engine/notation.js';
import {SpaceTimeView} from '../../source/ui/space-time-view.js';
import {TimelineStrip} from '../../source/ui/timeline-strip.js';
import {game} from '../helpers/games.js';
import {press, until} from '../helpers/ink.js';
import {ARROW_UP, ESCAPE} from '../helpers/keys.js';

const strip = (text: string): string[] => text.split('\n').map(line => line.trimEnd());

/** A run of `moves` on wait-all with n nodes, every delivery in turn: a long picture. */
function longRun(n: number) {
	const inputs = '0'.repeat(n);
	const initial = game({protocol: 'wait-all', n, inputs, f: 1, allow: ['crash']});
	const notation: string[] = [];
	for (let r = 1; r <= n; r++) notation.push(`start ${r}`);
	for (let to = 1; to <= n; to++) for (let from = 1; from <= n; from++) if (from !== to) notation.push(`${to}<${from}:vote=0`);
	const moves = parseMoves(initial.setup, notation.join(';'));
	if (!moves.ok) throw new Error(moves.message);
	const layout = layoutRun(initial, moves.value);
	if (!layout.ok) throw new Error(layout.message);
	return layout.value;
}

describe('the space-time view', () => {
	test('fills 80x24 exactly for six nodes, showing the end of the run, and scrolls up', async () => {
		const layout = longRun(6); // 6 starts + 30 deliveries: 37 rows
		const closed: number[] = [];
		const app = render(<SpaceTimeView title="wait-all n=6" layout={layout} rows={24} colour={false} onClose={() => closed.push(1)} />);
		const frame = (): string => app.lastFrame() ?? '';
		let lines = strip(await until(frame, text => text.includes('SPACE-TIME')));
		expect(lines.length).toBe(24);
		for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
		expect(lines[0]).toBe(' SPACE-TIME  wait-all n=6                                      rows 19-36 of 36');
		expect(lines[1]).toBe('step  1      2      3      4      5      6  move');
		expect(lines[3]).toBe('  19  ║      ║      ●◀─────┤      │      │  3<4:vote=0 (4)');
		expect(lines[20]).toBe('  36  ║      ║      ║      ║      ├─────▶0  6<5:vote=0 (5)');
		expect(lines[21]).toBe(' ◆ start  ●─▶ delivered, (age) = row it was sent  ○╌▷ no effect  0/1 decides');
		expect(lines[23]).toBe(' ↑↓ scroll  pgup/pgdn page  home/end  m/esc back');
		await press(app.stdin, ARROW_UP, ARROW_UP);
		lines = strip(await until(frame, text => text.includes('rows 17-34')));
		expect(lines[3]).toMatch(/^ {2}17 /);
		await press(app.stdin, ESCAPE);
		await until(frame, () => closed.length === 1);
		app.unmount();
	});

	test('a short run shows every row from the top, padded to the frame', async () => {
		const initial = game({protocol: 'leader', n: 3, inputs: '011', f: 1, allow: ['crash']});
		const moves = parseMoves(initial.setup, 'start 1; 3<1:value=0');
		if (!moves.ok) throw new Error(moves.message);
		const layout = layoutRun(initial, moves.value, {selected: {to: 2, from: 1, slot: 0, value: 0}});
		if (!layout.ok) throw new Error(layout.message);
		const app = render(<SpaceTimeView title="leader" layout={layout.value} labels={['0', '0', '0']} rows={24} colour={false} onClose={() => {}} />);
		const lines = strip(await until(() => app.lastFrame(), text => text.includes('SPACE-TIME')));
		expect(lines.length).toBe(24);
		expect(lines.slice(0, 7)).toEqual([
			' SPACE-TIME  leader',
			'step  1           2           3  move',
			'     in 0        in 1        in 1',
			'   0  │           │           │  (start)              0',
			'   1  0           │           │  start 1              0',
			'   2  ├───────────┼──────────▶0  3<1:value=0 (1)      0',
			'      ├┈┈┈┈┈┈┈┈┈┈▷?           ║  pending 2<1:value=0 (1)',
		]);
		app.unmount();
	});
});

describe('the timeline strip', () => {
	test('labels above stars, the focus in view, the loss and the rounds marked', () => {
		const cells = timelineCells(['ambiguous', 'ambiguous', 'ambiguous', '0'], ['0', 'ambiguous', '0', undefined], new Set([1]));
		const app = render(<TimelineStrip cells={cells} colour={false} />);
		expect(strip(app.lastFrame() ?? '')).toEqual([' run   A A│A!0', ' star  0 A│0']);
		app.unmount();
	});

	test('a run of 120 moves fits 80 columns and counts what it hides', () => {
		const cells = timelineCells(Array.from({length: 121}, (_, k) => (k < 100 ? 'ambiguous' : '1')));
		const app = render(<TimelineStrip cells={cells} colour={false} focus={10} />);
		const lines = strip(app.lastFrame() ?? '');
		expect(lines).toEqual([` run  ${' A'.repeat(10)}▸A${' A'.repeat(23)} 87»`, '']);
		expect([...lines[0]!].length).toBeLessThanOrEqual(80);
		app.unmount();
	});

	test('a note at the right end takes its room from the cells', () => {
		const cells = timelineCells(Array.from({length: 121}, () => 'ambiguous' as const));
		const app = render(<TimelineStrip cells={cells} colour={false} note="m diagram" />);
		const [line] = strip(app.lastFrame() ?? '');
		expect(line).toBe(` run  «92 ${' A'.repeat(29)}  m diagram`);
		expect([...line!].length).toBeLessThanOrEqual(80);
		const short = render(<TimelineStrip cells={cells.slice(0, 3)} colour={false} note="m diagram" />);
		expect(strip(short.lastFrame() ?? '')[0]).toBe(` run   A A A${' '.repeat(58)}m diagram`);
		app.unmount();
		short.unmount();
	});
});
