/**
 * Lemma 2 at work: stalling before the target, read off the analysis.
 *
 * - `findStall`: the shortest stall: a run from C that never delivers e and keeps every
 *   configuration ambiguous, to a Y where delivering e is ambiguous*.
 * - `lemma2Argument`: the proof itself on the engine's graph. From C (ambiguous, e 0* or 1*),
 *   a breadth-first search over configurations reached without e finds the first Y whose
 *   starred label differs from C's. If Y is ambiguous*, that is C_{i+1} = Y·e. Otherwise its
 *   predecessor X and Y are an adjacent pair (0*, 1*) one move apart, and the diamond at X with
 *   e and m' shows where the protocol escapes the contradiction; the view then says whether a
 *   stall exists further on, or which property the protocol must break instead.
 *
 * The search walks ambiguous configurations only: a run that has lost ambiguity never regains
 * it (R only shrinks), so no stall goes through one; their starred labels are still read, so the
 * first Y is the proof's. Pure; the budget is the oracle's, plus `maxConfigs`.
 */
import type {AnalysisLabel} from './analysis.js';
import {type Configuration, configKey, findInPool} from './configuration.js';
import {type Diamond, diamond} from './diamond.js';
import {applyLegal, legalMoves} from './moves.js';
import {formatMove} from './notation.js';
import {type Breach, type Oracle, breachSentence, labelPhrase, messageName, whatBreaks} from './oracle.js';
import {type Message, type Move, sameMessage} from './types.js';

/** The moves a stall may make: every legal move but delivering the target. */
const stallMoves = (c: Configuration, target: Message): Move[] =>
	legalMoves(c).filter(move => !(move.kind === 'deliver' && sameMessage(move.message, target)));

export interface SearchOptions {
	/** The most configurations to visit (default 20,000). */
	readonly maxConfigs?: number;
}

interface Visit {
	readonly config: Configuration;
	readonly parent: number;
	readonly move: Move | undefined;
	readonly star: AnalysisLabel;
}

function pathTo(visits: readonly Visit[], index: number): {moves: Move[]; configs: Configuration[]} {
	const moves: Move[] = [];
	const configs: Configuration[] = [];
	for (let at = index; at >= 0; at = visits[at]!.parent) {
		configs.unshift(visits[at]!.config);
		if (visits[at]!.move) moves.unshift(visits[at]!.move!);
	}

	return {moves, configs};
}

export interface StallSearch {
	/**
	 * now: delivering the target keeps ambiguity at once; found: a stall of `moves`; none: no
	 * stall exists; lost: C itself is not ambiguous; unknown: the budget ran out first.
	 */
	readonly status: 'now' | 'found' | 'none' | 'lost' | 'unknown';
	/** The stall, C to Y (empty for `now`). */
	readonly moves: readonly Move[];
	/** C, the configurations along the stall, and Y last. */
	readonly configs: readonly Configuration[];
	/** The starred label at each of `configs`. */
	readonly stars: readonly AnalysisLabel[];
	readonly visited: number;
}

/**
 * The shortest stall from c before `target`, among runs that keep every configuration
 * ambiguous. `accept` (optional) narrows which Y count (the watch strategy's round count).
 */
export function findStall(
	oracle: Oracle,
	c: Configuration,
	target: Message,
	options: SearchOptions & {readonly accept?: (y: Configuration) => boolean} = {},
): StallSearch {
	const maxConfigs = options.maxConfigs ?? 20_000;
	const here = oracle.label(c);
	if (here !== 'ambiguous' || !findInPool(c, target)) {
		return {status: here === 'unknown' ? 'unknown' : 'lost', moves: [], configs: [c], stars: [], visited: 1};
	}

	const visits: Visit[] = [];
	const seen = new Set<string>([configKey(c)]);
	const accept = options.accept ?? (() => true);
	let cut = false;
	const push = (config: Configuration, parent: number, move: Move | undefined): void => {
		visits.push({config, parent, move, star: oracle.star(config, target)!});
	};

	push(c, -1, undefined);
	for (let head = 0; head < visits.length; head++) {
		const visit = visits[head]!;
		if (visit.star === 'ambiguous' && accept(visit.config)) {
			const {moves, configs} = pathTo(visits, head);
			const stars = configs.map(config => oracle.star(config, target)!);
			return {status: head === 0 ? 'now' : 'found', moves, configs, stars, visited: visits.length};
		}

		for (const move of stallMoves(visit.config, target)) {
			const next = applyLegal(visit.config, move);
			const key = configKey(next);
			if (seen.has(key)) continue;
			seen.add(key);
			const label = oracle.label(next);
			if (label === 'unknown') cut = true;
			if (label !== 'ambiguous') continue;
			if (visits.length >= maxConfigs) {
				cut = true;
				break;
			}

			push(next, head, move);
		}
	}

	return {status: cut || !oracle.complete ? 'unknown' : 'none', moves: [], configs: [c], stars: [], visited: visits.length};
}

export type ArgumentKind =
	/** C is not ambiguous: Lemma 2 has nothing to start from. */
	| 'lost'
	/** The target is ambiguous* at C already: deliver it, no stall needed. */
	| 'now'
	/** The first Y with another starred label is ambiguous*: C_{i+1} = Y·e. */
	| 'stall'
	/** The first such Y is 1* (or none*): the adjacent pair X, Y and the diamond at X. */
	| 'pair'
	/** The budget ran out. */
	| 'unknown';

export interface Lemma2Argument {
	readonly kind: ArgumentKind;
	readonly target: Message;
	/** The starred label at C. */
	readonly star: AnalysisLabel | undefined;
	/** C to Y (for stall and pair). */
	readonly path: readonly Move[];
	readonly configs: readonly Configuration[];
	/** Y's starred label. */
	readonly yStar?: AnalysisLabel;
	/** For a pair: the diamond at X with the target and m' (when m' is a delivery). */
	readonly diamond?: Diamond;
	/** For a pair: is there a stall further on anyway? */
	readonly stall?: StallSearch;
	/** For a pair without a stall: what the protocol must give up, from C. */
	readonly breach?: Breach;
	/** Each step in one or two plain sentences. */
	readonly steps: readonly string[];
}

/** Run the Lemma 2 argument at c with target e. */
export function lemma2Argument(oracle: Oracle, c: Configuration, target: Message, options: SearchOptions = {}): Lemma2Argument {
	const maxConfigs = options.maxConfigs ?? 20_000;
	const e = messageName(c, target);
	const base = {target, path: [] as Move[], configs: [c] as Configuration[]};
	const label = oracle.label(c);
	const star = oracle.star(c, target);
	if (label === 'unknown' || star === 'unknown') {
		return {...base, kind: 'unknown', star, steps: ['The analysis was cut short before the argument could run.']};
	}

	if (label !== 'ambiguous') {
		const next = c.step === 0 ? 'nothing to undo at the start: choose other inputs (the ladder, l, finds an ambiguous start) or allow more behaviours' : 'undo to a position that is still ambiguous';
		return {...base, kind: 'lost', star, steps: [`Lemma 2 starts from an ambiguous C, and this C is ${labelPhrase(label)}: ${next}.`]};
	}

	if (star === 'ambiguous') {
		return {...base, kind: 'now', star, steps: [`C is ambiguous and delivering the target e = ${e} here is ambiguous*: C_{i+1} = C·e, no stall needed.`]};
	}

	const bad = star!;
	const starWord = `${bad}*`;
	const steps: string[] = [
		`C is ambiguous, but delivering e = ${e} now is ${starWord}: ${bad === 'none' ? 'no decision would be left' : `it would force ${bad}`}.`,
		`Lemma 2: search the configurations reached without delivering e, nearest first, for the first Y that is not ${starWord}.`,
	];

	// Breadth-first over ambiguous configurations reached without e; every child's starred label is read.
	const visits: Visit[] = [{config: c, parent: -1, move: undefined, star: bad}];
	const seen = new Set<string>([configKey(c)]);
	let found = -1;
	let foundVisit: Visit | undefined;
	let cut = false;
	search: for (let head = 0; head < visits.length; head++) {
		const visit = visits[head]!;
		for (const move of stallMoves(visit.config, target)) {
			const next = applyLegal(visit.config, move);
			const key = configKey(next);
			if (seen.has(key)) continue;
			seen.add(key);
			const childStar = oracle.star(next, target)!;
			if (childStar === 'unknown') {
				cut = true;
				continue;
			}

			if (childStar !== bad) {
				found = head;
				foundVisit = {config: next, parent: head, move, star: childStar};
				break search;
			}

			const childLabel = oracle.label(next);
			if (childLabel === 'unknown') cut = true;
			if (childLabel !== 'ambiguous') continue;
			if (visits.length >= maxConfigs) {
				cut = true;
				break search;
			}

			visits.push({config: next, parent: head, move, star: childStar});
		}
	}

	if (!foundVisit) {
		if (cut || !oracle.complete) return {...base, kind: 'unknown', star, steps: [...steps, 'The search ran out of budget before it found Y.']};
		// Cannot happen for an exact analysis (a run from C to the other decision must deliver e
		// somewhere); said plainly rather than thrown.
		return {...base, kind: 'unknown', star, steps: [...steps, `Every configuration reached without e is ${starWord}.`]};
	}

	const {moves: toX, configs: toXConfigs} = pathTo(visits, found);
	const path = [...toX, foundVisit.move!];
	const configs = [...toXConfigs, foundVisit.config];
	const x = toXConfigs.at(-1)!;
	const mPrime = foundVisit.move!;
	const mName = formatMove(c.setup, mPrime);
	const distance = path.length === 1 ? 'one move' : `${path.length} moves`;
	if (foundVisit.star === 'ambiguous') {
		steps.push(
			`Found Y ${distance} from C (last move m′ = ${mName}): delivering e at Y is ambiguous*.`,
			`So C_{i+1} = Y·e is ambiguous: stall with ${path.length === 1 ? 'that move' : 'those moves'}, then deliver e. Every configuration on the way is ambiguous.`,
		);
		return {...base, kind: 'stall', star, path, configs, yStar: 'ambiguous', steps};
	}

	steps.push(
		`The first Y, ${distance} from C, is ${foundVisit.star}*; its predecessor X is ${starWord}: X and Y are one move apart (m′ = ${mName}).`,
	);
	let pair: Diamond | undefined;
	const opposite = (bad === '0' && foundVisit.star === '1') || (bad === '1' && foundVisit.star === '0');
	if (mPrime.kind === 'deliver') {
		const made = diamond(x, target, mPrime.message, config => oracle.label(config));
		if (made.ok) pair = made.value;
		const v = pair?.labels?.left ?? 'unknown';
		const zName = `Z = Y·e (${labelPhrase(foundVisit.star)})`;
		if (opposite) {
			steps.push(`The diamond at X: e then m′ gives V (${labelPhrase(v)}), m′ then e gives ${zName}. The order of e and m′ decides.`);
			if (target.to !== mPrime.message.to) {
				steps.push('They go to different nodes, so both orders should reach the same configuration (Case 1): the engine disagrees, please report it.');
			} else if (c.setup.allowed.includes('byzantine') && c.setup.f > 0) {
				steps.push(`Both go to node ${target.to} (Case 2). A byzantine node ${target.to} could hide the order, so a correct protocol cannot have this pair.`);
			} else {
				const faults = c.setup.allowed.length > 0 && c.setup.f > 0 ? `only ${c.setup.allowed.join(', ')}` : 'no faulty node';
				steps.push(`Both go to node ${target.to} (Case 2). The proof makes node ${target.to} byzantine to hide the order; this game allows ${faults}, so node ${target.to} cannot pretend.`);
			}
		} else {
			steps.push(`The diamond at X: e then m′ gives V (${labelPhrase(v)}), m′ then e gives ${zName}. Neither order decides ${bad === '0' ? '1' : '0'}: after m′, delivering e leaves no decision.`);
		}
	} else {
		steps.push(`m′ is not a delivery, so the diamond does not apply: ${mName} changes what can be decided.`);
	}

	const stall = findStall(oracle, c, target, {maxConfigs});
	if (stall.status === 'found') {
		steps.push(`A stall still exists further on: ${stall.moves.length} move${stall.moves.length === 1 ? '' : 's'} (${stall.moves.map(move => formatMove(c.setup, move)).join('; ')}), then e is ambiguous*.`);
		return {...base, kind: 'pair', star, path, configs, yStar: foundVisit.star, ...(pair ? {diamond: pair} : {}), stall, steps};
	}

	if (stall.status === 'unknown') {
		steps.push('Whether a stall exists further on is not known: the search ran out of budget.');
		return {...base, kind: 'pair', star, path, configs, yStar: foundVisit.star, ...(pair ? {diamond: pair} : {}), stall, steps};
	}

	const breach = whatBreaks(oracle, c);
	steps.push(
		breach
			? `No stall exists: every way of delivering e loses ambiguity. So the protocol escapes the contradiction: from C, ${breachSentence(c, breach)}.`
			: 'No stall exists, and the analysis finds no property broken from C.',
	);
	return {...base, kind: 'pair', star, path, configs, yStar: foundVisit.star, ...(pair ? {diamond: pair} : {}), stall, ...(breach ? {breach} : {}), steps};
}
