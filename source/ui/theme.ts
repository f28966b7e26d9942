/** Colours carry meaning; every coloured thing also says it in text, so NO_COLOR loses nothing. */
import type {AnalysisLabel} from '../engine/analysis.js';

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

export const CURSOR = '▸';
export const TARGET = '◎';
