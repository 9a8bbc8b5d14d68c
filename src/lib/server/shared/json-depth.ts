/**
 * How deep JSON may nest, wherever it comes in (request bodies, plan files). Every item level of a
 * plan file adds two (its object and its children), so this leaves room for some thirty item levels,
 * far more than any steering model has, while text nested 100,000 deep is refused before anything
 * walks it recursively.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether JSON text (a string, or its UTF-8 bytes) nests deeper than `max`, in one pass without
 * parsing: brackets inside strings are skipped (quotes, backslashes and brackets are ASCII, so
 * UTF-8 cannot hide one). Malformed JSON passes here and is refused by the parser.
 */
export function nestsDeeperThan(json: string | Uint8Array, max = MAX_JSON_DEPTH): boolean {
	const at = typeof json === 'string' ? (index: number) => json.charCodeAt(index) : (index: number) => json[index];
	let depth = 0;
	let inString = false;
	for (let index = 0; index < json.length; index += 1) {
		const code = at(index);
		if (inString) {
			if (code === BACKSLASH) index += 1;
			else if (code === QUOTE) inString = false;
		} else if (code === QUOTE) inString = true;
		else if (code === 0x5b || code === 0x7b) {
			if (++depth > max) return true;
		} else if (code === 0x5d || code === 0x7d) depth -= 1;
	}
	return false;
}
