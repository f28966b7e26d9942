import {render} from 'ink-testing-library';
import {expect, test} from 'vitest';
import {App} from '../../source/app.js';
import {InlineService} from '../helpers/inline-service.js';
import {containing, press, until} from '../helpers/ink.js';
import {ARROW_DOWN, ENTER, ESCAPE} from '../helpers/keys.js';

test('Watch the proof from the menu: choose the protocol (no inputs), watch, Esc back to the choice', async () => {
	const app = render(<App service={new InlineService()} colour={false} />);
	const frame = (): string => app.lastFrame() ?? '';
	await until(frame, containing('FLP ADVERSARY'));
	await press(app.stdin, ARROW_DOWN, ARROW_DOWN, ARROW_DOWN, ARROW_DOWN, ENTER);
	const setup = await until(frame, containing('WATCH THE PROOF: choose the protocol'));
	expect(setup).not.toContain('Inputs');
	expect(setup).toContain('[enter] watch');
	await press(app.stdin, ENTER);
	const watching = await until(frame, containing('C_0 = 110'), 20_000);
	expect(watching).toContain(' WATCH THE PROOF  quorum  n=3 f=1  allow: crash');
	await press(app.stdin, ESCAPE);
	await until(frame, containing('WATCH THE PROOF: choose the protocol'));
	app.unmount();
});
