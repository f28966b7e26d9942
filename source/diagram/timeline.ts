/**
 * The timeline of a run: one cell per position (the start, then the label after each move),
 * with the target's starred label where there is a target, the rounds of a `forever` goal and
 * the moment ambiguity was lost. Pure; the terminal strip and the Markdown transcript draw it.
 */
import type {AnalysisLabel} from '../engine/analysis.js';
import type {Configuration} from '../engine/configuration.js';
import {type Move, sameMessage} from '../engine/types.js';

export interface Cell {
	/** Moves since the start of the run (0: the start). */
	readonly k: number;
	/** The label after move k; undefined while it is not known. */
	readonly label: AnalysisLabel | undefined;
	/** The target's starred label at k, when there is a target. */
	readonly star: AnalysisLabel | undefined;
	/** A round of the `forever` goal ended with move k. */
	readonly roundEnd: boolean;
	/** Move k lost ambiguity: the position before it was ambiguous, this one is not. */
	readonly lost: boolean;
}

/** One character per label: the same in the terminal, the transcript and the docs. */
export const GLYPHS: Record<AnalysisLabel, string> = {'0': '0', '1': '1', ambiguous: 'A', none: '-', unknown: '?'};
/** A position not analysed yet. */
export const NOT_YET = '·';

export const glyph = (label: AnalysisLabel | undefined): string => (label === undefined ? NOT_YET : GLYPHS[label]);

export const LEGEND = 'A ambiguous, 0/1 only that decision left, - neither, ? cut short, · not yet; │ round ends, ! ambiguity lost';

/**
 * The cells of a run. `labels[k]` and `stars[k]` are the label and the starred label after k
 * moves; `roundEnds` holds the k that ended a round of a `forever` goal.
 */
export function timelineCells(
	labels: readonly (AnalysisLabel | undefined)[],
	stars: readonly (AnalysisLabel | undefined)[] = [],
	roundEnds: ReadonlySet<number> = new Set(),
): Cell[] {
	return labels.map((label, k) => ({
		k,
		label,
		star: stars[k],
		roundEnd: roundEnds.has(k),
		lost: k > 0 && labels[k - 1] === 'ambiguous' && label !== undefined && label !== 'ambiguous' && label !== 'unknown',
	}));
}

/**
 * The rounds of a `forever` goal: the k (moves after `start`) whose move delivered that round's
 * target, the oldest pending message when the round began (the rule `evaluateGoal` judges by).
 */
export function foreverRoundEnds(configs: readonly Configuration[], moves: readonly Move[], start: number): Set<number> {
	const ends = new Set<number>();
	let target = configs[start]?.pool[0];
	for (let k = start; k < moves.length && target; k++) {
		const move = moves[k]!;
		if (move.kind === 'deliver' && sameMessage(move.message, target.message)) {
			ends.add(k + 1 - start);
			target = configs[k + 1]?.pool[0];
		}
	}

	return ends;
}

/** Which cells fit in `slots` two-column cells, keeping `focus` in view; markers say what is cut. */
export interface StripWindow {
	readonly first: number;
	/** One past the last cell shown. */
	readonly end: number;
	/** `«12 ` when 12 cells are hidden before, else ''. */
	readonly before: string;
	/** ` 5»` when 5 cells are hidden after, else ''. */
	readonly after: string;
}

export function stripWindow(count: number, width: number, focus = count - 1): StripWindow {
	const fits = (n: number): number => Math.max(1, Math.floor(n / 2));
	if (count * 2 <= width) return {first: 0, end: count, before: '', after: ''};
	let before = '';
	let after = '';
	// Markers take room from the cells; two passes settle their widths.
	for (let pass = 0; pass < 3; pass++) {
		const slots = fits(width - before.length - after.length);
		const end = Math.min(count, Math.max(focus + 1, slots));
		const first = Math.max(0, end - slots);
		const nextBefore = first > 0 ? `«${first} ` : '';
		const nextAfter = end < count ? ` ${count - end}»` : '';
		if (nextBefore === before && nextAfter === after) return {first, end, before, after};
		before = nextBefore;
		after = nextAfter;
	}

	const slots = fits(width - before.length - after.length);
	const end = Math.min(count, Math.max(focus + 1, slots));
	return {first: Math.max(0, end - slots), end, before, after};
}

/** The separator drawn before a cell: `!` where it lost ambiguity, `│` after a round's end. */
export function separatorBefore(cells: readonly Cell[], index: number): string {
	const cell = cells[index];
	if (cell?.lost) return '!';
	if (index > 0 && cells[index - 1]?.roundEnd) return '│';
	return ' ';
}

/** The strip as two plain lines (labels, then stars), two columns a cell, for text and tests. */
export function stripText(cells: readonly Cell[], width = 1000, focus?: number): {labels: string; stars: string} {
	const window = stripWindow(cells.length, width, focus);
	let labels = window.before;
	let stars = ' '.repeat(window.before.length);
	for (let i = window.first; i < window.end; i++) {
		const sep = separatorBefore(cells, i);
		const star = cells[i]!.star;
		labels += sep + glyph(cells[i]!.label);
		stars += (sep === '│' ? sep : ' ') + (star === undefined ? ' ' : glyph(star));
	}

	return {labels: labels + window.after, stars: stars.trimEnd()};
}
