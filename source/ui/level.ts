/** What the play screen needs to know about the level being played (none in the sandbox). */
export interface LevelInfo {
	readonly title: string;
	/** The goal, in a sentence. */
	readonly goal: string;
	readonly par?: number;
	/** Seconds, or undefined for no limit. */
	readonly timeLimit?: number;
	/** Whether previews may be shown. */
	readonly hints: boolean;
	/**
	 * What of the analysis is shown (a challenge's `hints:`): `none` (no label, previews, witness
	 * runs or explanations), `label` (the current label only), `full`. Default: full with hints,
	 * else label.
	 */
	readonly show?: 'none' | 'label' | 'full';
}

export const SANDBOX: LevelInfo = {
	title: 'Sandbox',
	goal: 'explore: keep the run ambiguous, or break a property of the protocol.',
	hints: true,
};
