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
	label === undefined ? /NOW {2}(0|1|ambiguous|none|unknown) /.test(text) : text.includes(`NOW  ${label.padEnd(11)}`);
