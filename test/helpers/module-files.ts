/** Protocol modules written to a temporary folder, for tests that load them as a user would. */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/**
 * A vote protocol in module form: every node broadcasts its input and decides the majority of the
 * first two votes it records (own included). `extra` is spliced into the instance (declarations,
 * or a replacement for start/receive).
 */
export const voteModule = (extra = '', top = ''): string => `${top}
const tally = node => {
	let count = 0, ones = 0;
	for (let j = 1; j <= node.n; j++) { const v = node.get(j, 0); if (v >= 0) { count++; ones += v; } }
	if (count >= node.n - node.f && node.output === null) node.decide(2 * ones > count ? 1 : 0);
};
export default {
	id: 'my-vote',
	title: 'wait for n - f votes',
	instantiate: (n, f) => ({
		slots: [{name: 'vote', values: ['0', '1']}],
		initialLocal: [],
		start(node) { node.broadcast(0, node.input); tally(node); },
		receive(node) { tally(node); },
		${extra}
	}),
};
`;

export class ModuleFolder {
	readonly dir = mkdtempSync(join(tmpdir(), 'flp-modules-'));

	write(name: string, text: string): string {
		const path = join(this.dir, name);
		writeFileSync(path, text);
		return path;
	}

	remove(): void {
		rmSync(this.dir, {recursive: true, force: true});
	}
}
