import {Box} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import {Nodes, Pool, VerdictLine} from '../../source/ui/board.js';
import {game} from '../helpers/games.js';

describe('the verdict line', () => {
	test('with every property breakable it still fits the board’s 80 columns, nothing cut', () => {
		const verdict = {label: 'ambiguous' as const, outcomes: [], flags: {agreement: true, validity: true, termination: true}, complete: true};
		const {lastFrame} = render(
			<Box width={80}>
				<VerdictLine verdict={verdict} colour={false} busy={false} spinner="" states={0} />
			</Box>,
		);
		const line = lastFrame()!;
		expect(line).toBe(' NOW ambiguous agreement: breakable  validity: breakable  termination: breakable');
		expect(line.length).toBeLessThanOrEqual(80);
	});
});

describe('small display truths', () => {
	test('once the run is over, a property that fails is broken, not breakable', () => {
		const verdict = {label: 'none' as const, outcomes: [], flags: {agreement: false, validity: false, termination: true}, complete: true};
		const {lastFrame} = render(<VerdictLine verdict={verdict} colour={false} busy={false} spinner="" states={0} over />);
		expect(lastFrame()).toBe(' NOW none      agreement: holds  validity: holds  termination: broken');
	});

	test('a node crashed before it started says so, not "votes · · ·"', () => {
		const config = game({protocol: 'quorum', n: 3, inputs: '011', allow: ['crash']}, 'corrupt 1 as crash');
		const {lastFrame} = render(<Nodes config={config} colour={false} />);
		expect(lastFrame()).toContain('   crashed, never started');
		expect(lastFrame()).not.toContain('votes · · ·');
	});
});

describe('the pool’s ⚠ marks (issue 21)', () => {
	const flags = {agreement: true, termination: true, validity: true};
	const previewsOf = (count: number) =>
		Array.from({length: count}, () => ({message: '', label: 'ambiguous' as const, outcomes: [], flags, complete: true}));
	const rowsOf = (protocol: string, inputs: string): string[] => {
		const config = game({protocol, n: 3, inputs, allow: ['crash', 'lie', 'byzantine'], rounds: 1});
		const {lastFrame, unmount} = render(
			<Box width={49}>
				<Pool config={config} cursor={0} target={-1} previews={previewsOf(config.pool.length)} hints rows={10} colour={false} />
			</Box>,
		);
		const lines = lastFrame()!.split('\n').slice(1);
		unmount();
		return lines;
	};

	test('in words where the rows have room: short messages', () => {
		const rows = rowsOf('quorum', '011');
		expect(rows[0]).toBe('▸  start 1 (0)  ambiguous  ⚠split,stuck,invalid');
	});

	test('short, whole, where a long message leaves no room for the words (Paxos)', () => {
		const config = game({protocol: 'paxos', n: 3, inputs: '011', allow: ['crash', 'lie', 'byzantine'], rounds: 1}, 'start 1');
		const {lastFrame, unmount} = render(
			<Box width={49}>
				<Pool config={config} cursor={0} target={-1} previews={previewsOf(config.pool.length)} hints rows={10} colour={false} />
			</Box>,
		);
		const rows = lastFrame()!.split('\n').slice(1).filter(row => row.includes('<'));
		unmount();
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			expect(row).toMatch(/ ⚠spl,stk,inv$/);
			expect(row.length).toBeLessThanOrEqual(49);
		}
	});
});

describe('a pool longer than its rows (issue 21)', () => {
	test('says which rows are shown, with the stall column too', () => {
		const config = game({protocol: 'quorum', n: 4, inputs: '0011', allow: ['crash']}, 'start 1; start 2; start 3');
		expect(config.pool.length).toBeGreaterThan(5);
		const previews = config.pool.map((_, i) => ({message: '', label: 'ambiguous' as const, outcomes: [], flags: {agreement: false, termination: false, validity: false}, complete: true, ...(i === 0 ? {} : {then: 'ambiguous' as const})}));
		const {lastFrame, unmount} = render(<Pool config={config} cursor={0} target={0} previews={previews} hints rows={5} colour={false} />);
		expect(lastFrame()!.split('\n')[0]).toMatch(new RegExp(`^POOL 1-4/${config.pool.length} +after it`));
		unmount();
	});
});
