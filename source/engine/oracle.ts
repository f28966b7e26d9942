/**
 * The proof views' questions to the analysis: a configuration's label, a starred label, what
 * the adversary can still break. One analyzer per game (a game is its setup, inputs included),
 * so the Lemma 1 ladder can ask about X_0 ... X_n while each keeps its own memo. Pure: the
 * caller brings the budget (`maxStates`, `shouldStop`).
 */
import {type Analysis, type AnalysisLabel, type AnalysisOptions, Analyzer} from './analysis.js';
import {type Configuration, findInPool} from './configuration.js';
import {applyLegal} from './moves.js';
import {formatMessage} from './notation.js';
import type {Message, Move, Outcome} from './types.js';

/** What identifies a game: everything in the setup. */
export function gameKey(c: Configuration): string {
	const {protocol, inputs, allowed, f} = c.setup;
	return `${protocol.id}/${protocol.n}/${f}/${protocol.params.rounds}/${inputs.join('')}/${allowed.join(',')}`;
}

export const deliverMove = (message: Message): Move => ({kind: 'deliver', message});

export class Oracle {
	private readonly analyzers = new Map<string, Analyzer>();
	/** Whether every answer so far was complete. */
	complete = true;

	constructor(private options: Pick<AnalysisOptions, 'maxStates' | 'shouldStop'> = {}) {}

	/** A new budget for the questions that follow (and `complete` starts afresh). */
	budget(options: Pick<AnalysisOptions, 'maxStates' | 'shouldStop'>): this {
		this.options = options;
		this.complete = true;
		return this;
	}

	/** Use an analyzer that already holds a memo for c's game (the play screen's). */
	adopt(c: Configuration, analyzer: Analyzer): this {
		this.analyzers.set(gameKey(c), analyzer);
		return this;
	}

	analyzerFor(c: Configuration): Analyzer {
		const key = gameKey(c);
		let analyzer = this.analyzers.get(key);
		if (!analyzer) {
			analyzer = new Analyzer();
			this.analyzers.set(key, analyzer);
		}

		return analyzer;
	}

	analyze(c: Configuration, witnesses = false): Analysis {
		const answer = this.analyzerFor(c).analyze(c, {...this.options, witnesses});
		if (!answer.complete) this.complete = false;
		return answer;
	}

	label(c: Configuration): AnalysisLabel {
		return this.analyze(c).label;
	}

	/** The starred label of `target` at c (Definition 2.1), or undefined when it is not pending. */
	star(c: Configuration, target: Message): AnalysisLabel | undefined {
		if (!findInPool(c, target)) return undefined;
		return this.label(applyLegal(c, deliverMove(target)));
	}
}

/** A property the adversary can still break from a configuration, with the run that breaks it. */
export interface Breach {
	readonly property: 'agreement' | 'validity' | 'termination';
	readonly outcome: Outcome;
	readonly run: readonly Move[];
}

const BREACHES = [
	['agreement', 'split'],
	['validity', 'invalid'],
	['termination', 'stuck'],
] as const;

/**
 * What the protocol gives up from c: agreement or validity when the adversary can still break
 * one (a protocol that terminates pays with safety), else termination (a safe one must leave a
 * node undecided). Undefined when nothing can be broken from c.
 */
export function whatBreaks(oracle: Oracle, c: Configuration): Breach | undefined {
	const answer = oracle.analyze(c, true);
	for (const [property, outcome] of BREACHES) {
		const run = answer.witnesses[outcome];
		if (run) return {property, outcome, run};
	}

	return undefined;
}

/** "breaks agreement: two honest nodes decide differently", for a breach. */
export function breachSentence(c: Configuration, breach: Breach): string {
	const what = {
		agreement: 'two honest nodes decide differently',
		validity: 'honest nodes of one input decide the other value',
		termination: 'an honest node never decides',
	}[breach.property];
	return `${breach.property} breaks: ${what}`;
}

export const messageName = (c: Configuration, m: Message): string => formatMessage(c.setup, m);

/** "a 0-configuration", "an ambiguous configuration", "a configuration with no decision". */
export function labelPhrase(label: AnalysisLabel): string {
	switch (label) {
		case '0':
		case '1':
			return `a ${label}-configuration`;
		case 'ambiguous':
			return 'ambiguous';
		case 'none':
			return 'a configuration with no decision left';
		case 'unknown':
			return 'not known yet (search cut short)';
	}
}
