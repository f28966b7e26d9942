import {Box} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import {VerdictLine} from '../../source/ui/board.js';

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
