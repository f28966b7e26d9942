/**
 * Reading every file the program reads (scenario, challenge and the level files it names, result
 * and progress files): only a regular file, and only up to MAX_FILE_BYTES. A device such as
 * /dev/zero would be read until memory runs out, and a FIFO would block forever, so both are
 * refused before any byte is read (the file is opened without blocking, then checked).
 */
import {closeSync, constants, fstatSync, openSync, readSync, type Stats} from 'node:fs';
import {type Explained, type Result, explained, ok} from '../engine/types.js';
import {excerpt} from './escape.js';

/** 1 MiB: the biggest shipped file is a few KB; a long saved game is tens of KB. */
export const MAX_FILE_BYTES = 1024 * 1024;

const kindOf = (stats: Stats): string =>
	stats.isDirectory()
		? 'a directory'
		: stats.isFIFO()
			? 'a FIFO (named pipe)'
			: stats.isCharacterDevice() || stats.isBlockDevice()
				? 'a device'
				: stats.isSocket()
					? 'a socket'
					: 'not a regular file';

const REASONS: Record<string, string> = {
	ENOENT: 'no such file',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	ELOOP: 'too many symbolic links',
	ENAMETOOLONG: 'the name is too long',
	ENOTDIR: 'a part of the path is not a directory',
	EISDIR: 'a directory',
	EMFILE: 'too many open files',
	EIO: 'input/output error',
};

const reasonOf = (error: unknown): string => {
	const code = (error as NodeJS.ErrnoException).code;
	return (code && REASONS[code]) ?? excerpt((error as Error).message, 80);
};

const size = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** What a file that cannot be read is: `cannot read it (why)`. */
export const cannotRead = (why: string): string => `cannot read it (${why})`;

/**
 * A file's text; the failure's message is `PATH: cannot read it (why)`, the path shown escaped,
 * and its reason the why alone.
 */
export function readText(path: string, limit = MAX_FILE_BYTES): Result<string, Explained> {
	const shown = excerpt(path, 300);
	const refuse = (why: string): Explained => explained('unreadable', `${shown}: ${cannotRead(why)}`, why);
	let fd: number;
	try {
		fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
	} catch (error) {
		return refuse(reasonOf(error));
	}

	try {
		const stats = fstatSync(fd);
		if (!stats.isFile()) return refuse(`${kindOf(stats)}, not a regular file`);
		const tooBig = (): Explained => refuse(`bigger than ${size(limit)}, the most flp reads from one file`);
		if (stats.size > limit) return tooBig();
		// Read at most one byte past the limit: a file that grows, or reports no size (/proc), is
		// still cut off.
		const buffer = Buffer.alloc(Math.min(limit + 1, Math.max(stats.size + 1, 64 * 1024)));
		let chunks: Buffer[] = [];
		let total = 0;
		for (;;) {
			const read = readSync(fd, buffer, 0, buffer.length, null);
			if (read === 0) break;
			chunks.push(Buffer.from(buffer.subarray(0, read)));
			total += read;
			if (total > limit) return tooBig();
		}

		const text = Buffer.concat(chunks, total).toString('utf8');
		chunks = [];
		return ok(text);
	} catch (error) {
		return refuse(reasonOf(error));
	} finally {
		closeSync(fd);
	}
}
