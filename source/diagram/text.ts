/**
 * The space-time diagram in text, for the terminal: the same layout the SVG draws, one row per
 * step. A text row cannot hold a slanted line, so each delivery is drawn on the row of its
 * delivery, from the sender's lane to the recipient's, and the row says the step it was sent
 * at as the pool does, `(age)`; the sender's lane shows a mark on that row, where it sent it.
 * Shapes carry the meaning, so the picture reads the same without colour.
 *
 * Pure: rows of styled pieces; `source/ui/space-time-view.tsx` colours and scrolls them.
 */
import type {AnalysisLabel} from '../engine/analysis.js';
import type {Behaviour} from '../engine/types.js';
import {type RunLayout} from './layout.js';

/** What a piece of a row is, for colouring. */
export type Ink = 'lane' | 'corrupt' | 'arrow' | 'byzantine' | 'start' | 'decide-0' | 'decide-1' | 'pending' | 'text' | 'dim' | `label-${AnalysisLabel}`;

export interface Piece {
	readonly text: string;
	readonly ink: Ink;
}

export type Row = readonly Piece[];

export const GLYPH = {
	lane: '│',
	decided: '║',
	corruptLane: '┊',
	start: '◆',
	startIgnored: '◇',
	received: '●',
	ignored: '○',
	line: '─',
	lineIgnored: '╌',
	lineByzantine: '═',
	pending: '┈',
	send: '□',
} as const;

export const CORRUPT_GLYPH: Record<Behaviour, string> = {crash: '✗', lie: '≈', byzantine: '⊗'};

export const TEXT_LEGEND = [
	' ◆ start  ●─▶ delivered, (age) = row it was sent  ○╌▷ no effect  0/1 decides',
	' ✗ crash  ≈ lie  ⊗ byzantine  ┊ corrupt  □═▶ byzantine send  ┈▷ selected pending',
];

export interface TextOptions {
	/** labels[s]: the label at step s, where known. */
	readonly labels?: readonly (AnalysisLabel | undefined)[];
	/** The step the player's part starts at: earlier rows are the level's setup. */
	readonly start?: number;
}

/** Columns between lanes: as wide as fits 80 columns for n up to 6. */
export const laneGap = (n: number): number => (n <= 3 ? 12 : n === 4 ? 10 : n === 5 ? 8 : 7);

const STEP_WIDTH = 4;

/** The lanes' header: node numbers over their lanes, then inputs. */
export function headerRows(layout: RunLayout): Row[] {
	const gap = laneGap(layout.lanes.length);
	const width = areaWidth(layout);
	const nodes = [...' '.repeat(width)];
	const inputs = [...' '.repeat(width)];
	for (const lane of layout.lanes) {
		const c = column(lane.node, gap);
		nodes[c] = String(lane.node);
		const text = `in ${lane.input}`;
		for (let i = 0; i < text.length; i++) if (c - 1 + i < width) inputs[c - 1 + i] = text[i]!;
	}

	return [
		[{text: `${'step'.padStart(STEP_WIDTH)} `, ink: 'dim'}, {text: nodes.join(''), ink: 'text'}, {text: 'move', ink: 'dim'}],
		[{text: ' '.repeat(STEP_WIDTH + 1), ink: 'dim'}, {text: inputs.join(''), ink: 'dim'}],
	];
}

const column = (node: number, gap: number): number => 1 + (node - 1) * gap;
const areaWidth = (layout: RunLayout): number => column(layout.lanes.length, laneGap(layout.lanes.length)) + 3;

/**
 * Every row of the diagram: step 0 (the initial configuration), one per move, and one for the
 * selected pending message when there is one.
 */
export function diagramRows(layout: RunLayout, options: TextOptions = {}): Row[] {
	const n = layout.lanes.length;
	const gap = laneGap(n);
	const width = areaWidth(layout);
	const last = layout.steps.length;
	const rows: Row[] = [];
	for (let s = 0; s <= last + (layout.pending ? 1 : 0); s++) {
		const chars: string[] = [...' '.repeat(width)];
		const inks: Ink[] = Array.from({length: width}, () => 'lane');
		const put = (c: number, ch: string, ink: Ink): void => {
			if (c < 0 || c >= width) return;
			chars[c] = ch;
			inks[c] = ink;
		};

		// Lanes as they stand just before this row's event.
		for (const lane of layout.lanes) {
			const state = laneBefore(layout, lane.node, s);
			put(column(lane.node, gap), state.corrupt ? GLYPH.corruptLane : state.decided ? GLYPH.decided : GLYPH.lane, state.corrupt ? 'corrupt' : 'lane');
		}

		const arrow = layout.arrows.find(a => a.delivered === s);
		if (arrow) {
			const from = column(arrow.from, gap);
			const to = column(arrow.to, gap);
			const ink: Ink = arrow.byzantine ? 'byzantine' : 'arrow';
			const line = arrow.byzantine ? GLYPH.lineByzantine : arrow.effect ? GLYPH.line : GLYPH.lineIgnored;
			const step = from < to ? 1 : -1;
			for (let c = from + step; c !== to; c += step) put(c, chars[c] === ' ' ? line : '┼', ink);
			put(from, arrow.byzantine ? (from < to ? '╞' : '╡') : from < to ? '├' : '┤', ink);
			put(to - step, from < to ? (arrow.effect ? '▶' : '▷') : arrow.effect ? '◀' : '◁', ink);
			put(to, arrow.effect ? GLYPH.received : GLYPH.ignored, ink);
		}

		if (layout.pending && s === last + 1) {
			const p = layout.pending;
			const to = column(p.to, gap);
			const from = p.from === 0 ? to - 3 : column(p.from, gap);
			const step = from < to ? 1 : -1;
			for (let c = from + step; c !== to - step; c += step) put(c, chars[c] === ' ' ? GLYPH.pending : '┼', 'pending');
			if (p.from !== 0) put(from, from < to ? '├' : '┤', 'pending');
			put(to - step, from < to ? '▷' : '◁', 'pending');
			put(to, '?', 'pending');
		}

		for (const mark of layout.marks) {
			if (mark.step !== s) continue;
			const c = column(mark.node, gap);
			switch (mark.kind) {
				case 'start':
					put(c, mark.effect ? GLYPH.start : GLYPH.startIgnored, 'start');
					break;
				case 'corrupt':
					put(c, CORRUPT_GLYPH[mark.behaviour], 'corrupt');
					break;
				case 'send':
					put(c, GLYPH.send, 'byzantine');
					break;
				case 'decide':
					put(c, String(mark.value), mark.value === 0 ? 'decide-0' : 'decide-1');
					break;
			}
		}

		const row: Piece[] = [{text: `${String(s <= last ? s : '').padStart(STEP_WIDTH)} `, ink: 'dim'}];
		for (let c = 0; c < width; ) {
			let end = c + 1;
			while (end < width && inks[end] === inks[c]) end++;
			row.push({text: chars.slice(c, end).join(''), ink: inks[c]!});
			c = end;
		}

		row.push(...describe(layout, s, options));
		rows.push(row);
	}

	return rows;
}

/** A lane just before step s's event: corrupt by then, decided by then. */
function laneBefore(layout: RunLayout, node: number, s: number): {corrupt: boolean; decided: boolean} {
	let corrupt = false;
	let decided = false;
	for (const mark of layout.marks) {
		if (mark.step >= s || mark.node !== node) continue;
		if (mark.kind === 'corrupt') corrupt = true;
		if (mark.kind === 'decide') decided = true;
	}

	return {corrupt, decided};
}

/** The words at the end of a row: the move (a delivery with its age) and the label. */
function describe(layout: RunLayout, s: number, options: TextOptions): Piece[] {
	const last = layout.steps.length;
	if (s === last + 1 && layout.pending) {
		const p = layout.pending;
		return [{text: `pending ${p.from === 0 ? `start ${p.to}` : `${p.to}<${p.from}:${p.text} (${p.sent})`}`, ink: 'pending'}];
	}

	const setup = options.start !== undefined && s > 0 && s <= options.start;
	const arrow = layout.arrows.find(a => a.delivered === s);
	const move = s === 0 ? '(start)' : arrow ? `${arrow.to}<${arrow.from}:${arrow.text} (${arrow.sent})` : layout.steps[s - 1]!.move;
	const label = options.labels?.[s];
	const pieces: Piece[] = [{text: `${move} `.padEnd(21), ink: setup ? 'dim' : 'text'}];
	if (label !== undefined) pieces.push({text: label, ink: `label-${label}`});
	else if (setup) pieces.push({text: 'setup', ink: 'dim'});
	return pieces;
}
