/** What the play screen needs to know about the level being played (none in the sandbox). */
export interface LevelInfo {
	readonly title: string;
	/** The goal, in a sentence. */
	readonly goal: string;
	readonly par?: number;
	/** Moves counted before the first move on the board (1 when the inputs were chosen). */
	readonly counted?: number;
	/** Seconds, or undefined for no limit. */
	readonly timeLimit?: number;
	/** Whether previews may be shown. */
	readonly hints: boolean;
}

export const SANDBOX: LevelInfo = {
	title: 'Sandbox',
	goal: 'explore: keep the run ambiguous, or break a property of the protocol.',
	hints: true,
};
