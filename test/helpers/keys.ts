/** Key sequences as a terminal sends them. */
export const ARROW_UP = '\u001B[A';
export const ARROW_DOWN = '\u001B[B';
export const ARROW_RIGHT = '\u001B[C';
export const ARROW_LEFT = '\u001B[D';
export const ENTER = '\r';
export const ESCAPE = '\u001B';
export const BACKSPACE = '\u007F';
