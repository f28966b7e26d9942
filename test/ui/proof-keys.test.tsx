/** The proof views from the play screen: p, l, d, i on level 8's position, and no hints where the level has none. */
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {parseMoves} from '../../source/engine/notation.js';
import {newSession, playAll} from '../../source/engine/session.js';
import {lookUpProtocol} from '../../source/protocols/registry.js';
import {PlayScreen} from '../../source/ui/play-screen.js';
import {InlineService} from '../helpers/inline-service.js';
import {analysed, containing, press, until} from '../helpers/ink.js';
import {ARROW_DOWN, ENTER, ESCAPE} from '../helpers/keys.js';

const unmounts: Array<() => void> = [];
afterEach(() => {
	for (const unmount of unmounts.splice(0)) unmount();
});

function level8(hints = true) {
	const started = newSession({protocol: 'quorum', n: 3, inputs: '011', f: 1, allow: ['crash']}, lookUpProtocol);
	if (!started.ok) throw new Error(started.message);
	const moves = parseMoves(started.value.configs[0]!.setup, 'start 1; 2<1:vote=0');
	if (!moves.ok) throw new Error(moves.message);
	const [setup, targetMove] = moves.value;
	const session = playAll(started.value, [setup!]);
	if (!session.ok || targetMove?.kind !== 'deliver') throw new Error('bad level');
	const target = targetMove.message;
	let hintsUsed = 0;
	const app = render(
		<PlayScreen
			initial={{...session.value, target}}
			level={{title: '8. Lemma 2', goal: 'stall', hints}}
			goal={{spec: {kind: 'stall', target}, start: 1}}
			service={new InlineService()}
			colour={false}
			rows={24}
			saving={{off: 'no saving in this test'}}
			onExit={() => {}}
			onHint={() => hintsUsed++}
		/>,
	);
	unmounts.push(app.unmount);
	return {frame: () => app.lastFrame() ?? '', stdin: app.stdin, hints: () => hintsUsed};
}

describe('the proof views from the play screen', () => {
	test('the stall column, then i: the stall’s first move with its reason (a recorded hint)', async () => {
		const {frame, stdin, hints} = level8();
		const board = await until(frame, t => analysed('ambiguous')(t) && t.includes('then ◎'));
		expect(board).toContain('│ ▸  start 2    (0)  ambiguous 0*');
		expect(board).toContain('│  ◎ 2<1:vote=0 (1)  0*');
		await press(stdin, 'i');
		const text = await until(frame, containing('Hint: start 3'));
		expect(text).toContain('Hint: start 3: the target is 0* now; this stall keeps every step ambiguous and');
		expect(hints()).toBe(1);
	});

	test('p shows the proof (C, X, Y), Esc goes back to the board', async () => {
		const {frame, stdin} = level8();
		await until(frame, analysed('ambiguous'));
		await press(stdin, 'p');
		const proof = await until(frame, containing(' Y     2<3:vote=1'));
		expect(proof).toContain(' SHOW THE PROOF  Lemma 2 here, target e = 2<1:vote=0');
		expect(proof).toContain(' X     start 3                       delivering e: 0*');
		await press(stdin, ESCAPE);
		await until(frame, containing('NOW ambiguous'));
	});

	test('Enter in the proof view plays the stall and the target, and nothing else (the board does not take the key too)', async () => {
		const {frame, stdin} = level8();
		await until(frame, analysed('ambiguous'));
		await press(stdin, 'p');
		await until(frame, containing(' Y     2<3:vote=1'));
		await press(stdin, ENTER);
		const text = await until(frame, t => t.includes('GOAL REACHED'));
		expect(text).toContain('moves 3');
		expect(text).toContain('Target delivered at move 3, still ambiguous: that is Lemma 2.');
	});

	test('d on two messages shows the diamond; l is refused on a stall level', async () => {
		const {frame, stdin} = level8();
		await until(frame, analysed('ambiguous'));
		await press(stdin, 'l');
		await until(frame, containing('The ladder is for the Lemma 1 levels and the sandbox.'));
		await press(stdin, 'd');
		await until(frame, containing('Diamond: m = start 2.'));
		await press(stdin, ARROW_DOWN, 'd');
		const diamond = await until(frame, containing('Case 1 (r ≠ r′)'));
		expect(diamond).toContain(' THE DIAMOND  m = start 2, m′ = start 3');
		await press(stdin, ESCAPE);
		await until(frame, containing('NOW ambiguous'));
	});

	test('a level without hints refuses the proof keys and records nothing', async () => {
		const {frame, stdin, hints} = level8(false);
		await until(frame, t => /NOW/.test(t) && !t.includes('analysing'));
		await press(stdin, 'p');
		await until(frame, containing('This level plays without hints.'));
		expect(hints()).toBe(0);
	});
});
