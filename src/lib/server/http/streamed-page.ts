import { AsyncLocalStorage } from 'node:async_hooks';
import type { Handle } from '@sveltejs/kit';
import { logger } from '../app/logger';

/** A part of a page sent after the rest of it: the marker the page renders in its place, and its HTML in pieces. */
export interface StreamedPart {
	marker: string;
	pieces: () => Iterable<string>;
}

/**
 * Defers a part of the page being rendered: returns the marker the page renders where the part goes;
 * `streamPage` then sends the page up to the marker at once and the part's pieces after it, each
 * rendered as the browser takes the previous one (the whole plan's outline: 4–18 MB of HTML that the
 * server would otherwise build as one string). Called by a load function after all its reads, so a
 * failed read is still an error page; only rendering is left for the stream.
 */
export function streamLater(locals: App.Locals, pieces: () => Iterable<string>): string {
	// Unguessable: nothing a user writes into the page can be taken for it.
	const marker = `<!--streamed-${crypto.randomUUID()}-->`;
	locals.streamed = { marker, pieces };
	return marker;
}

/**
 * The hook that streams a page with a deferred part (see `streamLater`). Any other answer, and a page
 * whose rendering failed (no marker in it: SvelteKit's error page), passes as it came.
 */
export const streamPage: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const part = event.locals.streamed;
	if (!part || !response.headers.get('content-type')?.startsWith('text/html')) return response;
	const html = await response.text();
	const at = html.indexOf(part.marker);
	if (at < 0) return new Response(html, response);
	const headers = new Headers(response.headers);
	// SvelteKit's ETag hashes the page around the marker only: a 304 by it would keep an outdated plan.
	headers.delete('etag');
	headers.delete('content-length');
	const body = streamPieces(html.slice(0, at), part.pieces(), html.slice(at + part.marker.length));
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
};

/** Characters per chunk at least after the first (pieces are joined until then): fewer, fuller writes to the socket. */
const CHUNK_CHARS = 64 * 1024;

/**
 * `before` at once (the browser starts drawing the page), then the pieces and `after` as the reader
 * asks for more: the next piece is rendered only then, so a slow connection holds one piece in
 * memory, not the page. Rendering reads the request's language from its async context (Paraglide's),
 * which the socket's reads do not carry: the stream's callbacks are bound to the context it was made in.
 */
export function streamPieces(before: string, pieces: Iterable<string>, after: string): ReadableStream<Uint8Array> {
	const iterator = (function* () {
		yield* pieces;
		yield after;
	})();
	const encoder = new TextEncoder();
	return new ReadableStream<Uint8Array>({
		start: (controller) => {
			controller.enqueue(encoder.encode(before));
		},
		pull: AsyncLocalStorage.bind((controller: ReadableStreamDefaultController<Uint8Array>) => {
			let chunk = '';
			try {
				while (chunk.length < CHUNK_CHARS) {
					const next = iterator.next();
					if (next.done) break;
					chunk += next.value;
				}
			} catch (error) {
				// The head is sent already: the page can only be cut short (the browser shows it unfinished).
				logger.error({ err: error }, 'A streamed page failed while rendering');
				controller.error(error);
				return;
			}
			if (chunk) controller.enqueue(encoder.encode(chunk));
			else controller.close();
		}),
		cancel: () => {
			iterator.return(undefined);
		}
	});
}
