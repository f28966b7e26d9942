/**
 * The space-time diagram as a standalone SVG, for slides and notes: the same layout the
 * terminal draws, with true slanted arrows from the sending step to the delivering step.
 * A string builder and not a library: the picture is lines, paths and text, and every piece of
 * text from a file goes through `xml` (escaped, control characters dropped).
 */
import type {AnalysisLabel} from '../engine/analysis.js';
import type {Behaviour} from '../engine/types.js';
import {type RunLayout, laneAt} from './layout.js';

export interface SvgInfo {
	/** The run's title (the level's, or the file's). */
	readonly title: string;
	/** Protocol, n, f, inputs, allowed behaviours. */
	readonly facts: string;
	/** The goal in a sentence, if the run has one. */
	readonly goal?: string;
	/** labels[s]: the label of the configuration at step s, where known. */
	readonly labels?: readonly (AnalysisLabel | undefined)[];
	/** stars[s]: the target's starred label at step s, where there is one. */
	readonly stars?: readonly (AnalysisLabel | undefined)[];
	/** The step the player's part starts at (after a level's setup moves). */
	readonly start?: number;
}

/** Text as XML character data or attribute value: escaped, with no control characters. */
export function xml(text: string): string {
	return text
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, '\uFFFD')
		.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

const LABEL_COLOURS: Record<AnalysisLabel, string> = {
	'0': '#1f5fbf',
	'1': '#a86f00',
	ambiguous: '#2e7d32',
	none: '#c62828',
	unknown: '#757575',
};

/** Arrow colours (each with its own markers: older viewers do not take the stroke's colour). */
const INK = {plain: '#37474f', byzantine: '#c62828', pending: '#6a1b9a'} as const;

const LANE_GAP = 120;
const ROW = 32;
const LEFT = 70;
const TOP = 132;

/** Geometry: the x of a lane, the y of a step. */
const laneX = (node: number): number => LEFT + 40 + (node - 1) * LANE_GAP;
const stepY = (step: number): number => TOP + step * ROW;

const BEHAVIOUR_NOTE: Record<Behaviour, string> = {crash: 'crashes', lie: 'lies (opposite input)', byzantine: 'turns byzantine'};

export function renderSvg(layout: RunLayout, info: SvgInfo): string {
	const n = layout.lanes.length;
	const last = layout.steps.length;
	const bottom = last + (layout.pending ? 1 : 0) + 1;
	const textX = laneX(n) + 130;
	const width = Math.max(textX + (info.start ? 540 : 400), 660);
	const height = stepY(bottom) + 85;
	const out: string[] = [];
	const push = (line: string): number => out.push(line);

	push(`<?xml version="1.0" encoding="UTF-8"?>`);
	push(
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="13">`,
	);
	push(`<title>${xml(info.title)}</title>`);
	push('<defs>');
	for (const [name, colour] of Object.entries(INK)) {
		push(`<marker id="head-${name}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`);
		push(`<marker id="open-${name}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10" fill="none" stroke="${colour}" stroke-width="1.5"/></marker>`);
	}

	push('</defs>');
	push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);

	// Title, facts, goal.
	push(`<text x="20" y="30" font-size="17" font-weight="bold">${xml(info.title)}</text>`);
	push(`<text x="20" y="52">${xml(info.facts)}</text>`);
	if (info.goal) push(`<text x="20" y="72">${xml(`Goal: ${info.goal}`)}</text>`);

	// Step rules and numbers; the column of moves and labels.
	push(`<text x="${textX}" y="${stepY(0) - 28}" font-weight="bold">move</text>`);
	push(`<text x="${textX + 200}" y="${stepY(0) - 28}" font-weight="bold">label</text>`);
	if (info.stars?.some(star => star !== undefined)) push(`<text x="${textX + 300}" y="${stepY(0) - 28}" font-weight="bold">starred</text>`);
	for (let s = 0; s <= last; s++) {
		const y = stepY(s);
		push(`<line class="rule" x1="${LEFT}" y1="${y}" x2="${textX - 10}" y2="${y}" stroke="#eeeeee"/>`);
		push(`<text x="${LEFT - 8}" y="${y + 4}" text-anchor="end" fill="#757575">${s}</text>`);
		const move = s === 0 ? 'initial configuration' : layout.steps[s - 1]!.move;
		const setup = info.start !== undefined && s > 0 && s <= info.start;
		push(`<text class="step" x="${textX}" y="${y + 4}"${setup ? ' fill="#757575"' : ''}>${xml(`${move}${setup ? ' (setup)' : ''}`)}</text>`);
		const label = info.labels?.[s];
		if (label !== undefined) push(`<text class="label" x="${textX + 200}" y="${y + 4}" fill="${LABEL_COLOURS[label]}">${xml(label)}</text>`);
		const star = info.stars?.[s];
		if (star !== undefined) push(`<text class="star" x="${textX + 300}" y="${y + 4}" fill="${LABEL_COLOURS[star]}">${xml(`${star}*`)}</text>`);
	}

	if (info.start !== undefined && info.start > 0) {
		const y = stepY(info.start) + ROW / 2;
		push(`<line x1="${LEFT}" y1="${y}" x2="${width - 20}" y2="${y}" stroke="#9e9e9e" stroke-dasharray="2 4"/>`);
		push(`<text x="${width - 20}" y="${y - 4}" text-anchor="end" font-size="11" fill="#757575">the level starts here</text>`);
	}

	// Lanes: solid while honest, dashed once corrupt; head with node and input.
	for (const lane of layout.lanes) {
		const x = laneX(lane.node);
		push(`<text x="${x}" y="${stepY(0) - 28}" text-anchor="middle" font-weight="bold">${xml(`node ${lane.node}`)}</text>`);
		push(`<text x="${x}" y="${stepY(0) - 12}" text-anchor="middle" fill="#555555">${xml(`input ${lane.input}`)}</text>`);
		const corruptAt = layout.marks.find(m => m.kind === 'corrupt' && m.node === lane.node)?.step;
		const end = stepY(bottom) - ROW / 2;
		const split = corruptAt === undefined ? end : stepY(corruptAt);
		push(`<line class="lane" x1="${x}" y1="${stepY(0)}" x2="${x}" y2="${split}" stroke="#212121" stroke-width="2"/>`);
		if (corruptAt !== undefined) {
			push(`<line class="lane after-corruption" x1="${x}" y1="${split}" x2="${x}" y2="${end}" stroke="#c62828" stroke-width="2" stroke-dasharray="6 5"/>`);
		}
	}

	// Deliveries: one arrow each, from (sender, sent) to (recipient, delivered).
	for (const arrow of layout.arrows) {
		const x1 = laneX(arrow.from);
		const y1 = stepY(arrow.sent);
		const x2 = laneX(arrow.to);
		const y2 = stepY(arrow.delivered);
		const ink = arrow.byzantine ? 'byzantine' : 'plain';
		const colour = INK[ink];
		const dash = arrow.effect ? '' : ' stroke-dasharray="5 4"';
		const kind = `delivery${arrow.effect ? '' : ' no-effect'}${arrow.byzantine ? ' byzantine' : ''}`;
		push(
			`<line class="${kind}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${colour}" stroke-width="1.5"${dash} marker-end="url(#${arrow.effect ? 'head' : 'open'}-${ink})"/>`,
		);
		// The label sits near the head: deliveries are one a row, so heads rarely share a place.
		const t = Math.max(0.45, 1 - 42 / Math.hypot(x2 - x1, y2 - y1));
		const tx = Math.round(x1 + (x2 - x1) * t);
		const ty = Math.round(y1 + (y2 - y1) * t - 3);
		push(`<text x="${tx}" y="${ty}" text-anchor="middle" font-size="11" fill="${colour}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${xml(arrow.text)}</text>`);
	}

	// Marks.
	for (const mark of layout.marks) {
		const x = laneX(mark.node);
		const y = stepY(mark.step);
		switch (mark.kind) {
			case 'start':
				push(`<path class="start" d="M${x - 7},${y} L${x},${y - 7} L${x + 7},${y} L${x},${y + 7} z" fill="${mark.effect ? '#212121' : '#ffffff'}" stroke="#212121"/>`);
				break;
			case 'decide': {
				const honest = laneAt(layout, mark.node, mark.step).corrupt === null;
				push(`<circle class="decide" cx="${x}" cy="${y}" r="10" fill="#ffffff" stroke="${LABEL_COLOURS[String(mark.value) as '0' | '1']}" stroke-width="2.5"/>`);
				push(`<text x="${x}" y="${y + 4}" text-anchor="middle" font-weight="bold">${mark.value}</text>`);
				push(`<text x="${x + 14}" y="${y + 4}" font-size="11">${honest ? 'decides' : 'outputs'}</text>`);
				break;
			}

			case 'corrupt':
				push(`<path class="corrupt" d="M${x - 7},${y - 7} L${x + 7},${y + 7} M${x + 7},${y - 7} L${x - 7},${y + 7}" stroke="#c62828" stroke-width="3"/>`);
				push(`<text x="${x + 12}" y="${y + 4}" font-size="11" fill="#c62828">${xml(BEHAVIOUR_NOTE[mark.behaviour])}</text>`);
				break;
			case 'send':
				push(`<rect class="send" x="${x - 5}" y="${y - 5}" width="10" height="10" fill="#ffffff" stroke="#c62828" stroke-width="2"/>`);
				push(`<text x="${x + 10}" y="${y - 6}" font-size="11" fill="#c62828">${xml(`sends ${mark.text} to ${mark.to}`)}</text>`);
				break;
		}
	}

	// The selected pending message: an arrow that has not arrived.
	if (layout.pending) {
		const p = layout.pending;
		const x2 = laneX(p.to);
		const y2 = stepY(last + 1);
		const x1 = p.from === 0 ? x2 - 50 : laneX(p.from);
		const y1 = p.from === 0 ? y2 : stepY(p.sent);
		const ex = x1 + (x2 - x1) * 0.75;
		const ey = y1 + (y2 - y1) * 0.75;
		push(`<line class="pending" x1="${x1}" y1="${y1}" x2="${ex}" y2="${ey}" stroke="${INK.pending}" stroke-width="1.5" stroke-dasharray="3 3" marker-end="url(#open-pending)"/>`);
		push(`<text x="${textX}" y="${y2 + 4}" fill="${INK.pending}">${xml(`pending: ${p.text} from ${p.from === 0 ? '(start)' : p.from} to ${p.to}, sent at step ${p.sent}`)}</text>`);
	}

	const legendY = stepY(bottom) + 20;
	const legend = [
		'Time runs down, one row per move. An arrow runs from the step a message was sent',
		'to the step it was delivered; dashed: the recipient did nothing with it.',
		'◆ start message (hollow: no effect)   ○ decision   ✗ corruption (dashed lane after it)',
		'□ byzantine send (red arrows)   dotted arrow: the selected pending message',
	];
	for (const [i, line] of legend.entries()) push(`<text x="20" y="${legendY + i * 15}" font-size="11" fill="#555555" xml:space="preserve">${xml(line)}</text>`);
	push('</svg>');
	return `${out.join('\n')}\n`;
}
