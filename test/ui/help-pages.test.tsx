import {render} from 'ink-testing-library';
import {expect, test} from 'vitest';
import {HELP_PAGES, HelpScreen} from '../../source/ui/help-screen.js';
import {press, until, containing} from '../helpers/ink.js';
import {ARROW_RIGHT} from '../helpers/keys.js';

test('How to play explains the stall column and the proof views, each page within 80x24', async () => {
	expect(HELP_PAGES.map(page => page.title)).toEqual(['You are the network', 'Reading the board', 'The target and the star', 'The stall column', 'The proof in four moves', 'Seeing the proof']);
	for (const page of HELP_PAGES) {
		expect(page.lines.length + 4).toBeLessThanOrEqual(24);
		expect(page.lines.every(line => line.length <= 78)).toBe(true);
	}

	const {lastFrame, stdin, unmount} = render(<HelpScreen onClose={() => {}} />);
	await press(stdin, ARROW_RIGHT, ARROW_RIGHT, ARROW_RIGHT);
	const text = await until(lastFrame, containing('HOW TO PLAY  4/6: The stall column'));
	expect(text).toContain("  then ◎      the target's star after it: 0*, 1* or ambiguous*");
	unmount();
});
