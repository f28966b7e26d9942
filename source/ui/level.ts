import type {LevelInfo} from '../scenario/scenario.js';

export const SANDBOX: LevelInfo = {
	title: 'Sandbox',
	goal: 'explore: keep the run ambiguous, or break a property of the protocol.',
	hints: true,
};
