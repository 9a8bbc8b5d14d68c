import { codePointName, findControlCharacter, isControlCharacter } from '../shared/control-characters';
import { DomainError, type Bilingual } from '../shared/domain-error';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../shared/json-depth';

/**
 * Checks on what arrives over HTTP before any route reads it (see input-guard.ts). Each returns the
 * first problem as a DomainError, or nothing.
 */

/** No form field takes more: the longest is the pasted table (2,000,000 characters, checked with its own message). */
export const MAX_FIELD_CHARS = 3_000_000;
export { MAX_JSON_DEPTH };

const number = (value: number): Bilingual => ({ sv: value.toLocaleString('sv-SE'), en: value.toLocaleString('en-GB') });

/** The path and every query parameter (name and value) as decoded. */
export function checkAddress(url: URL): DomainError | undefined {
	let path = url.pathname;
	try {
		path = decodeURIComponent(path);
	} catch {
		/* SvelteKit answers a malformed path itself */
	}
	const inPath = findControlCharacter(path);
	if (inPath) return new DomainError('error_request_control_character_address', { character: inPath });
	for (const [name, value] of url.searchParams) {
		const found = findControlCharacter(name) ?? findControlCharacter(value);
		if (found) return new DomainError('error_request_control_character_address', { character: found }, { field: name });
	}
	return undefined;
}

/** One text field of a form. */
export function checkField(name: string, value: string): DomainError | undefined {
	const found = findControlCharacter(name) ?? findControlCharacter(value);
	if (found) return new DomainError('error_request_control_character', { character: found }, { field: name });
	if (value.length > MAX_FIELD_CHARS) return new DomainError('error_request_field_too_long', { chars: number(MAX_FIELD_CHARS) }, { field: name });
	return undefined;
}

export function checkFields(fields: Iterable<[string, string]>): DomainError | undefined {
	for (const [name, value] of fields) {
		const problem = checkField(name, value);
		if (problem) return problem;
	}
	return undefined;
}

/**
 * The text fields of a multipart body, read straight from its bytes: file parts are skipped without
 * being copied or decoded, so an upload costs no more than it did.
 */
export function* multipartTextFields(body: Buffer, contentType: string): Generator<[string, string]> {
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	if (!match) return;
	const boundary = match[1] ?? match[2];
	const first = Buffer.from(`--${boundary}`);
	const next = Buffer.from(`\r\n--${boundary}`);
	let start = body.indexOf(first);
	while (start !== -1) {
		const headersStart = start + first.length;
		if (body[headersStart] === 0x2d && body[headersStart + 1] === 0x2d) return; // the closing delimiter
		const headersEnd = body.indexOf('\r\n\r\n', headersStart);
		if (headersEnd === -1) return;
		const end = body.indexOf(next, headersEnd + 4);
		if (end === -1) return;
		const disposition = /content-disposition:[^\r\n]*/i.exec(body.toString('utf8', headersStart, headersEnd))?.[0] ?? '';
		if (!/;\s*filename\*?=/i.test(disposition)) {
			yield [/;\s*name="([^"]*)"/i.exec(disposition)?.[1] ?? '', body.toString('utf8', headersEnd + 4, end)];
		}
		start = end + 2;
	}
}

/**
 * A JSON text in one pass without parsing it: control characters, raw or escaped (`\u0000`), and
 * nesting deeper than MAX_JSON_DEPTH.
 */
export function checkJson(text: string): DomainError | undefined {
	let inString = false;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (inString) {
			if (code === 0x5c) {
				if (text[index + 1] === 'u' && /^[0-9a-f]{4}$/i.test(text.slice(index + 2, index + 6))) {
					const escaped = Number.parseInt(text.slice(index + 2, index + 6), 16);
					if (isControlCharacter(escaped)) return new DomainError('error_request_control_character', { character: codePointName(escaped) });
					index += 5;
				} else index += 1;
			} else if (code === 0x22) inString = false;
			else if (isControlCharacter(code)) return new DomainError('error_request_control_character', { character: codePointName(code) });
		} else if (code === 0x22) inString = true;
		else if (isControlCharacter(code)) return new DomainError('error_request_control_character', { character: codePointName(code) });
	}
	if (nestsDeeperThan(text)) return new DomainError('error_request_json_too_deep', { depth: MAX_JSON_DEPTH });
	return undefined;
}

/** BODY_SIZE_LIMIT as adapter-node reads it: bytes, or a number with K, M or G (binary). */
export function parseByteSize(value: string): number {
	const multiplier = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[value.at(-1)?.toUpperCase() ?? ''] ?? 1;
	return Number(multiplier === 1 ? value : value.slice(0, -1)) * multiplier;
}

export function tooLarge(limit: number): DomainError {
	const mb = Math.round((limit / 1024 ** 2) * 10) / 10;
	return new DomainError('error_request_too_large', { mb: number(mb) }, { status: 413 });
}
