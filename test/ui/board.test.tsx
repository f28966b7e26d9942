import {Box} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import {Nodes, VerdictLine} from '../../source/ui/board.js';
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
