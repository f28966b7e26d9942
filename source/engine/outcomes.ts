/** eval(Q), outcome sets, labels and flags (docs/model.md, "Configurations and outcomes" and "Labels and flags"). */
import type {Configuration} from './configuration.js';
import {type Label, OUTCOMES, type Outcome} from './types.js';

/** An outcome set as a bit mask: bit i is OUTCOMES[i]. */
export type OutcomeMask = number;

export const bit = (o: Outcome): OutcomeMask => 1 << OUTCOMES.indexOf(o);
export const ZERO = bit('zero');
export const ONE = bit('one');
export const SPLIT = bit('split');
export const STUCK = bit('stuck');
export const INVALID = bit('invalid');

export const outcomesOf = (mask: OutcomeMask): Outcome[] => OUTCOMES.filter((_, i) => (mask & (1 << i)) !== 0);

export function maskOf(outcomes: readonly Outcome[]): OutcomeMask {
	let mask = 0;
	for (const o of outcomes) mask |= bit(o);
	return mask;
}

/**
 * eval(Q) of a configuration read as quiescent: what its honest nodes' outputs say.
 * (The caller decides whether the configuration is quiescent.)
 */
export function evaluate(c: Configuration): OutcomeMask {
	let mask = 0;
	let zeros = 0;
	let ones = 0;
	let honest = 0;
	let undecided = false;
	let input0 = 0;
	let input1 = 0;
	for (const [index, node] of c.nodes.entries()) {
		if (node.corrupt) continue;
		honest++;
		if (node.output === 0) zeros++;
		else if (node.output === 1) ones++;
		else undecided = true;
		if (c.setup.inputs[index] === 0) input0++;
		else input1++;
	}

	if (honest > 0 && zeros === honest) mask |= ZERO;
	if (honest > 0 && ones === honest) mask |= ONE;
	if (zeros > 0 && ones > 0) mask |= SPLIT;
	if (undecided) mask |= STUCK;
	if ((input0 === honest && ones > 0) || (input1 === honest && zeros > 0)) mask |= INVALID;
	return mask;
}

export function labelOf(mask: OutcomeMask): Label {
	const zero = (mask & ZERO) !== 0;
	const one = (mask & ONE) !== 0;
	if (zero && one) return 'ambiguous';
	if (zero) return '0';
	if (one) return '1';
	return 'none';
}

/** What the adversary can still force: true means the property can still be broken. */
export interface Flags {
	readonly agreement: boolean;
	readonly termination: boolean;
	readonly validity: boolean;
}

export const flagsOf = (mask: OutcomeMask): Flags => ({
	agreement: (mask & SPLIT) !== 0,
	termination: (mask & STUCK) !== 0,
	validity: (mask & INVALID) !== 0,
});

/**
 * "⚠split,stuck,invalid": the outcomes that break a property and are still reachable
 * (agreement, termination, validity), or "" when none is. The board and `flp check` print it;
 * `short` ("⚠spl,stk,inv") is the board's form where a row has no room for the words.
 */
export function flagMarks(flags: Flags, short = false): string {
	const marks: string[] = [];
	if (flags.agreement) marks.push(short ? 'spl' : 'split');
	if (flags.termination) marks.push(short ? 'stk' : 'stuck');
	if (flags.validity) marks.push(short ? 'inv' : 'invalid');
	return marks.length === 0 ? '' : `⚠${marks.join(',')}`;
}
