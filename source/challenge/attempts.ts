/**
 * How many times a player has started a challenge on this machine, kept in the state directory
 * (`challenge-attempts.json`), so a restart under the same name shows in the result file. It is
 * the student's own machine: this records honest restarts, it cannot stop a determined one.
 */
import {join} from 'node:path';
import {readText} from '../files/read.js';
import {writeAtomic} from '../scenario/save.js';

export const attemptsPath = (stateDir: string): string => join(stateDir, 'challenge-attempts.json');

const keyOf = (challengeId: string, player: string): string => `${challengeId}\u0000${player}`;

function readAll(stateDir: string): Record<string, number> {
	// Through the shared reader: a FIFO or device in its place is refused, not waited on.
	const read = readText(attemptsPath(stateDir));
	if (!read.ok) return {};
	try {
		const value: unknown = JSON.parse(read.value);
		return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, number>) : {};
	} catch {
		return {};
	}
}

/** The number this start will have: 1 the first time. */
export function nextAttempt(stateDir: string, challengeId: string, player: string): number {
	const done = readAll(stateDir)[keyOf(challengeId, player)];
	return (Number.isSafeInteger(done) && done! > 0 ? done! : 0) + 1;
}

/** Record that attempt `n` started (its clock ran). Best effort: a state directory that cannot be written loses only the count. */
export function recordAttempt(stateDir: string, challengeId: string, player: string, n: number): void {
	try {
		const all = readAll(stateDir);
		all[keyOf(challengeId, player)] = n;
		writeAtomic(attemptsPath(stateDir), `${JSON.stringify(all, null, 2)}\n`);
	} catch {
		// The count is a record for the instructor, not a lock: the challenge goes on.
	}
}
