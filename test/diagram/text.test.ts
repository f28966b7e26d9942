/** The space-time diagram in text: exact rows on shipped runs, and n = 6 within 80 columns. */
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {layoutRun} from '../../source/diagram/layout.js';
import {type Row, TEXT_LEGEND, diagramRows, headerRows} from '../../source/diagram/text.js';
import {parseMoves} from '../../source/engine/notation.js';
import {SCENARIOS} from '../../source/scenario/campaign.js';
import {playFile, readScenario} from '../../source/scenario/scenario.js';
import {game} from '../helpers/games.js';

/** A row as plain text. */
const rowText = (row: Row): string => row.map(piece => piece.text).join('').trimEnd();

function solution(name: string, selectOldest = false) {
	const loaded = readScenario(join(SCENARIOS, 'solutions', name));
	if (!loaded.ok) throw new Error(loaded.message);
	const level = playFile(loaded.value.file);
	if (!level.ok) throw new Error(level.message);
	const {session, start} = level.value;
	const selected = selectOldest ? session.configs.at(-1)!.pool[0]?.message : undefined;
	const layout = layoutRun(session.configs[0]!, session.moves, selected ? {selected} : {});
	if (!layout.ok) throw new Error(layout.message);
	return {layout: layout.value, start};
}

describe('diagramRows', () => {
	test('a two-faced leader: byzantine sends, then each arrives and decides', () => {
		const {layout} = solution('03-leader-two-faced.yaml');
		const labels = ['ambiguous', 'ambiguous', 'ambiguous', 'ambiguous', 'ambiguous', 'ambiguous', 'ambiguous', '0', 'none'] as const;
		expect([...headerRows(layout), ...diagramRows(layout, {labels: [...labels]})].map(rowText)).toEqual([
			'step  1           2           3  move',
			'     in 0        in 1        in 1',
			'   0  │           │           │  (start)              ambiguous',
			'   1  ⊗           │           │  corrupt 1 as byzantine ambiguous',
			'   2  □           │           │  1>2:value=0          ambiguous',
			'   3  □           │           │  1>3:value=1          ambiguous',
			'   4  ◇           │           │  start 1              ambiguous',
			'   5  ┊           ◆           │  start 2              ambiguous',
			'   6  ┊           │           ◆  start 3              ambiguous',
			'   7  ╞══════════▶0           │  2<1:value=0 (2)      0',
			'   8  ╞═══════════┼══════════▶1  3<1:value=1 (3)      none',
		]);
	});

	test('a byzantine recipient ignores both, the setup is marked, and the selected message dangles', () => {
		const {layout, start} = solution('11-diamond-hide.yaml', true);
		expect(diagramRows(layout, {start}).map(rowText)).toEqual([
			'   0  │           │           │  (start)',
			'   1  ◆           │           │  start 1              setup',
			'   2  │           ◆           │  start 2              setup',
			'   3  │           │           ◆  start 3              setup',
			'   4  │           │           ⊗  corrupt 3 as byzantine',
			'   5  │           ├╌╌╌╌╌╌╌╌╌╌▷○  3<2:vote=1 (2)',
			'   6  ├╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌▷○  3<1:vote=0 (1)',
			'      ├┈┈┈┈┈┈┈┈┈┈▷?           ┊  pending 2<1:vote=0 (1)',
		]);
	});

	test('six nodes fit in 80 columns, with the legend', () => {
		const initial = game({protocol: 'quorum', n: 6, inputs: '011010', f: 1, allow: ['byzantine']});
		const moves = parseMoves(initial.setup, 'start 6; start 1; 1<6:vote=0; corrupt 5 as byzantine; 5>2:vote=1; 6<1:vote=0; 2<5:vote=1');
		if (!moves.ok) throw new Error(moves.message);
		const layout = layoutRun(initial, moves.value, {selected: {to: 2, from: 6, slot: 0, value: 0}});
		if (!layout.ok) throw new Error(layout.message);
		const lines = [...headerRows(layout.value), ...diagramRows(layout.value, {labels: Array.from({length: 8}, () => 'ambiguous')})].map(rowText);
		expect(lines).toEqual([
			'step  1      2      3      4      5      6  move',
			'     in 0   in 1   in 1   in 0   in 1   in 0',
			'   0  │      │      │      │      │      │  (start)              ambiguous',
			'   1  │      │      │      │      │      ◆  start 6              ambiguous',
			'   2  ◆      │      │      │      │      │  start 1              ambiguous',
			'   3  ●◀─────┼──────┼──────┼──────┼──────┤  1<6:vote=0 (1)       ambiguous',
			'   4  │      │      │      │      ⊗      │  corrupt 5 as byzantine ambiguous',
			'   5  │      │      │      │      □      │  5>2:vote=1           ambiguous',
			'   6  ├──────┼──────┼──────┼──────┼─────▶●  6<1:vote=0 (2)       ambiguous',
			'   7  │      ●◀═════┼══════┼══════╡      │  2<5:vote=1 (5)       ambiguous',
			'      │      ?◁┈┈┈┈┈┼┈┈┈┈┈┈┼┈┈┈┈┈┈┼┈┈┈┈┈┈┤  pending 2<6:vote=0 (1)',
		]);
		for (const line of [...lines, ...TEXT_LEGEND]) expect([...line].length).toBeLessThanOrEqual(80);
	});
});
