/** Colours carry meaning; every coloured thing also says it in text, so NO_COLOR loses nothing. */
import type {AnalysisLabel} from '../engine/analysis.js';
import type {Flags} from '../engine/outcomes.js';

export type Colour = 'blue' | 'yellow' | 'green' | 'red' | 'gray' | 'cyan' | 'magenta' | undefined;

export function labelColour(label: AnalysisLabel): Colour {
	switch (label) {
		case '0':
			return 'blue';
		case '1':
			return 'yellow';
		case 'ambiguous':
			return 'green';
		case 'none':
			return 'red';
		case 'unknown':
			return 'gray';
	}
}

export const BROKEN: Colour = 'red';

/**
 * "⚠split,stuck,invalid": the outcomes that break a property and are still reachable
 * (agreement, termination, validity), or "" when none is.
 */
export function flagMarks(flags: Flags): string {
	const marks: string[] = [];
	if (flags.agreement) marks.push('split');
	if (flags.termination) marks.push('stuck');
	if (flags.validity) marks.push('invalid');
	return marks.length === 0 ? '' : `⚠${marks.join(',')}`;
}

export const CURSOR = '▸';
export const TARGET = '◎';
