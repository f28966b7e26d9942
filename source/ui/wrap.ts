/** Words wrapped greedily into lines of at most `width` characters (a longer word gets a line of its own). */
export function wrapWords(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ').filter(w => w.length > 0)) {
		if (line.length > 0 && line.length + 1 + word.length > width) {
			lines.push(line);
			line = '';
		}

		line = line.length > 0 ? `${line} ${word}` : word;
	}

	if (line.length > 0 || lines.length === 0) lines.push(line);
	return lines;
}
