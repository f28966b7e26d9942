/** Waiting for Ink frames instead of sleeping. */
export async function until(frame: () => string | undefined, predicate: (text: string) => boolean, timeoutMs = 5000): Promise<string> {
	const started = Date.now();
	for (;;) {
		const text = frame() ?? '';
		if (predicate(text)) return text;
		if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting; last frame:\n${text}`);
		await new Promise(resolve => setTimeout(resolve, 5));
	}
}

export const containing = (needle: string) => (text: string) => text.includes(needle);

const tick = async (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Type keys one at a time, letting Ink take each in turn. Ink subscribes a newly shown
 * component to the keyboard in an effect just after its first frame, so like a person we
 * pause a moment before each key.
 */
export async function press(stdin: {write(data: string): void}, ...keys: string[]): Promise<void> {
	for (const key of keys) {
		await tick(15);
		stdin.write(key);
	}

	await tick(15);
}

/** The verdict line shows a finished analysis (optionally a given label). */
export const analysed = (label?: string) => (text: string) =>
	label === undefined ? /NOW (0|1|ambiguous|none|unknown) /.test(text) : text.includes(`NOW ${label.padEnd(10)}`);

/** The pool rows on the play screen (right of the │), in order. */
const poolRows = (text: string): string[] =>
	text
		.split('\n')
		.map(line => line.split('│')[1] ?? '')
		.filter(row => /\(\d+\)/.test(row));

/**
 * Deliver a pending message by its notation, as a player would: move the cursor to its row
 * and press Enter; resolves once the move count has gone up.
 */
export async function deliver(frame: () => string, stdin: {write(data: string): void}, move: string): Promise<void> {
	const name = move;
	const rows = poolRows(frame());
	const want = rows.findIndex(row => row.slice(3).trimStart().startsWith(`${name} `));
	const cursor = rows.findIndex(row => row.includes('▸'));
	if (want < 0) throw new Error(`${move} is not on the screen:\n${frame()}`);
	const before = /moves (\d+)/.exec(frame())?.[1];
	const key = want > cursor ? '\u001B[B' : '\u001B[A';
	await press(stdin, ...Array.from({length: Math.abs(want - Math.max(0, cursor))}, () => key), '\r');
	await until(frame, text => /moves (\d+)/.exec(text)?.[1] !== before);
}
