/** The SVG writer: well-formed XML, one arrow per delivery, file text escaped. */
import {describe, expect, test} from 'vitest';
import {layoutRun} from '../../source/diagram/layout.js';
import {renderSvg, xml} from '../../source/diagram/svg.js';
import {parseMoves} from '../../source/engine/notation.js';
import {game} from '../helpers/games.js';
import {parseSvg} from '../helpers/svg.js';

const byClass = (elements: ReturnType<typeof parseSvg>, name: string) =>
	elements.filter(e => (e.attributes['class'] ?? '').split(' ').includes(name));

function layoutOf(moves: string, spec = {protocol: 'quorum', n: 3, inputs: '011', f: 1, allow: ['crash', 'byzantine']}, selected?: string) {
	const initial = game(spec);
	const parsed = parseMoves(initial.setup, moves);
	if (!parsed.ok) throw new Error(parsed.message);
	const chosen = selected ? parseMoves(initial.setup, selected) : undefined;
	const message = chosen?.ok && chosen.value[0]?.kind === 'deliver' ? chosen.value[0].message : undefined;
	const layout = layoutRun(initial, parsed.value, message ? {selected: message} : {});
	if (!layout.ok) throw new Error(layout.message);
	return layout.value;
}

describe('renderSvg', () => {
	test('is a standalone SVG: one line element per delivery, from the send step to the delivery step', () => {
		const layout = layoutOf('start 1; start 2; 2<1:vote=0; corrupt 3 as byzantine; 3>1:vote=1; 1<3:vote=1; 3<1:vote=0');
		const elements = parseSvg(renderSvg(layout, {title: 'T', facts: 'quorum'}));
		expect(elements[0]).toMatchObject({name: 'svg', attributes: {xmlns: 'http://www.w3.org/2000/svg'}});
		const arrows = byClass(elements, 'delivery');
		expect(arrows.length).toBe(layout.arrows.length);
		expect(arrows.length).toBe(3);
		// Lanes 120 apart from x = 110, steps 32 apart from y = 132.
		expect(arrows.map(a => [a.attributes['x1'], a.attributes['y1'], a.attributes['x2'], a.attributes['y2']])).toEqual([
			['110', '164', '230', '228'], // 1@1 -> 2@3
			['350', '292', '110', '324'], // 3@5 -> 1@6, a byzantine send
			['110', '164', '350', '356'], // 1@1 -> 3@7, no effect at a byzantine node
		]);
		expect(byClass(elements, 'byzantine').length).toBe(1);
		expect(byClass(elements, 'no-effect').length).toBe(1);
		expect(byClass(elements, 'start').length).toBe(2);
		expect(byClass(elements, 'corrupt').length).toBe(1);
		expect(byClass(elements, 'send').length).toBe(1);
		expect(byClass(elements, 'decide').length).toBe(2); // node 2 at step 3, node 1 at step 6
		expect(byClass(elements, 'lane').length).toBe(4); // three lanes, one with a corrupt part
	});

	test('labels per step, the title, the facts and the goal are all there', () => {
		const layout = layoutOf('start 2', undefined, '3<2:vote=1');
		const elements = parseSvg(
			renderSvg(layout, {title: 'A run', facts: 'quorum · n=3', goal: 'stall it', labels: ['ambiguous', '0'], stars: ['1', undefined]}),
		);
		expect(elements.find(e => e.name === 'title')?.text).toBe('A run');
		expect(elements.some(e => e.text === 'Goal: stall it')).toBe(true);
		expect(byClass(elements, 'label').map(e => e.text)).toEqual(['ambiguous', '0']);
		expect(byClass(elements, 'star').map(e => e.text)).toEqual(['1*']);
		expect(byClass(elements, 'step').map(e => e.text)).toEqual(['initial configuration', 'start 2']);
		expect(byClass(elements, 'pending').length).toBe(1);
	});

	test('text from a file cannot break out of the XML', () => {
		const layout = layoutOf('');
		const title = '</text><script>alert(1)</script> & "quotes" \u0007bell\u001B[31m';
		const svg = renderSvg(layout, {title, facts: "it's", goal: ']]><x/>'});
		const elements = parseSvg(svg);
		expect(elements.some(e => e.name === 'script' || e.name === 'x')).toBe(false);
		expect(elements.find(e => e.name === 'title')?.text).toBe('</text><script>alert(1)</script> & "quotes" \uFFFDbell\uFFFD[31m');
		expect(svg).not.toContain('\u001B');
	});

	test('xml escapes the five characters and replaces what XML cannot hold', () => {
		expect(xml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
		expect(xml('a\u0000b\uD800c')).toBe('a\uFFFDb\uFFFDc');
		expect(xml('tab\tnewline\n😀')).toBe('tab\tnewline\n😀');
	});
});
