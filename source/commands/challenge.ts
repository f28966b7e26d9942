/** `flp challenge FILE`: how the process ends (the checks before the clock starts are challenge/prepare.ts). */
import type {ChallengeEnd} from '../challenge/run.js';

/** The exit code for each way out, as shells expect: Ctrl-C is 130 (128 + SIGINT). */
export const EXIT_CODES: Readonly<Record<ChallengeEnd, number>> = {'handed-in': 0, 'time-up': 0, interrupted: 130, left: 0};
