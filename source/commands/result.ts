import type {Failure} from '../engine/types.js';

/** What a command prints and how it exits; commands return this instead of touching process. */
export interface CommandResult {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

/** The user's error: one line naming the problem, exit 2, nothing on stdout. */
export const usageError = (message: string): CommandResult => ({code: 2, stdout: '', stderr: `flp: ${message}\n`});

/**
 * A failure as the command's end: its message as it is, exit 2 (a file's report, which names the
 * file first). For the user's error, with `flp: ` first, give its message to `usageError`.
 */
export const failed = (failure: Failure): CommandResult => ({code: 2, stdout: '', stderr: `${failure.message}\n`});

export const printed = (stdout: string, code = 0): CommandResult => ({code, stdout, stderr: ''});
