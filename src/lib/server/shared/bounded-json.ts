import type { DomainError } from './domain-error';
import { nestsDeeperThan } from './json-depth';

/** The refusals of a bounded read, each in the caller's words (which service, which limit). */
export interface BoundedJsonErrors {
	/** The body is (or says it is) larger than allowed. */
	tooLarge: () => DomainError;
	/** The body stopped coming (the caller tells a time-out from a lost connection). */
	interrupted: () => DomainError;
	/** The body is not JSON, or nests deeper than JSON may here. */
	unreadable: () => DomainError;
}

/**
 * An outside service's answer read as bytes, bounded: a declared length over `maxBytes` is refused
 * unread, and the body is read up to `maxBytes` and no further.
 */
export async function readBoundedBytes(response: Response, maxBytes: number, errors: Pick<BoundedJsonErrors, 'tooLarge' | 'interrupted'>): Promise<Buffer> {
	if (Number(response.headers.get('content-length')) > maxBytes) {
		await response.body?.cancel().catch(() => undefined);
		throw errors.tooLarge();
	}
	const chunks: Uint8Array[] = [];
	let total = 0;
	const reader = response.body!.getReader();
	for (;;) {
		let read: ReadableStreamReadResult<Uint8Array>;
		try {
			read = await reader.read();
		} catch {
			throw errors.interrupted();
		}
		if (read.done) break;
		total += read.value.length;
		if (total > maxBytes) {
			await reader.cancel().catch(() => undefined);
			throw errors.tooLarge();
		}
		chunks.push(read.value);
	}
	return Buffer.concat(chunks);
}

/**
 * An outside service's answer read as JSON, bounded (`readBoundedBytes`), its nesting checked before parsing.
 */
export async function readBoundedJson(response: Response, maxBytes: number, errors: BoundedJsonErrors): Promise<unknown> {
	const bytes = await readBoundedBytes(response, maxBytes, errors);
	if (nestsDeeperThan(bytes)) throw errors.unreadable();
	try {
		return JSON.parse(bytes.toString('utf8'));
	} catch {
		throw errors.unreadable();
	}
}
