/** Start a worker thread on one of our own files, built (dist/*.js) or from the sources (tsx). */
import {Worker} from 'node:worker_threads';

/**
 * A worker running `file` (relative to `base`, without extension). Run from the TypeScript
 * sources (tests, tsx), the worker must register tsx before it can load a .ts entry; built, it
 * loads the JavaScript directly. tsx is found from this file, not from the working folder (which
 * may be anywhere).
 */
export function startWorker(file: string, base: string, workerData: unknown): Worker {
	const fromSources = import.meta.url.endsWith('.ts');
	const url = new URL(`${file}.${fromSources ? 'ts' : 'js'}`, base);
	if (!fromSources) return new Worker(url, {workerData});
	const tsx = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
	const bootstrap = `import(${JSON.stringify(tsx)}).then(api => { api.register(); return import(${JSON.stringify(url.href)}); });`;
	return new Worker(bootstrap, {eval: true, workerData});
}
