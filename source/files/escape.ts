/**
 * Text from files, names and arguments is data: before it reaches a terminal, control characters
 * (ESC, CR, BEL, DEL, the C1 range) and bidirectional overrides are shown escaped, so a file can
 * neither forge an output line nor send the terminal an escape sequence.
 */

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escapeOne = (ch: string): string => {
	if (ch === '\n') return '\\n';
	if (ch === '\r') return '\\r';
	if (ch === '\t') return '\\t';
	const code = ch.charCodeAt(0);
	return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** Whole output for a terminal: lines stay lines (and tabs stay), every other control is escaped. */
export const terminalSafe = (text: string): string => text.replace(CONTROL, escapeOne);

/** A value quoted inside a message: one line, escaped, at most `max` characters. */
export function excerpt(text: string, max = 40): string {
	const escaped = text.replace(CONTROL_OR_NEWLINE, escapeOne);
	return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

/** A key in a field path: as it is when it is a plain name, else quoted and escaped ("", " ", "a b"). */
export const keyName = (key: string): string => (/^[A-Za-z_$][\w$-]{0,39}$/.test(key) ? key : `"${excerpt(key)}"`);

/** Whether text has characters that `excerpt` would escape (a move or a name must not). */
export const hasControl = (text: string): boolean => {
	CONTROL_OR_NEWLINE.lastIndex = 0;
	return CONTROL_OR_NEWLINE.test(text);
};
