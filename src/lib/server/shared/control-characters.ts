/**
 * Control characters that no text in Styrkedjan may hold: C0 except tab, line feed and carriage
 * return, and DEL. PostgreSQL refuses NUL in text outright (a 500 before this check), and the rest are
 * invisible, so they only ever arrive by accident (pasted text) or on purpose (an attack).
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function isControlCharacter(code: number): boolean {
	return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
}

/** The first forbidden control character in a text, named as U+XXXX for the message; none: undefined. */
export function findControlCharacter(text: string): string | undefined {
	const found = CONTROL.exec(text);
	return found ? codePointName(found[0].charCodeAt(0)) : undefined;
}

export function codePointName(code: number): string {
	return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
