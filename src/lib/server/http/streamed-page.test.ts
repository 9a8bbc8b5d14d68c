import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { streamLater, streamPage } from './streamed-page';

type Resolve = (event: RequestEvent, options?: ResolveOptions) => Promise<Response>;

/** The hook run on a page that defers a part in `render` (as a load function would), answered as `answer`. */
async function respond(pieces: () => Iterable<string>, answer: (marker: string) => Response) {
	const event = { locals: {} } as RequestEvent;
	const resolve: Resolve = async () => answer(streamLater(event.locals, pieces));
	return streamPage({ event, resolve });
}

const page = (marker: string) =>
	new Response(`<html><body><ol class="outline">${marker}</ol><footer></footer></body></html>`, {
		headers: { 'content-type': 'text/html', etag: '"shell"', 'content-security-policy': "script-src 'self'" }
	});

describe('a page with a part streamed after it', () => {
	it('sends the page with the pieces in the marker\'s place, without the ETag of the page around them', async () => {
		const response = await respond(() => ['<li>a</li>', '<li>b</li>'], page);
		expect(response.headers.get('etag')).toBeNull();
		expect(response.headers.get('content-length')).toBeNull();
		expect(response.headers.get('content-security-policy')).toBe("script-src 'self'");
		expect(await response.text()).toBe('<html><body><ol class="outline"><li>a</li><li>b</li></ol><footer></footer></body></html>');
	});

	it('sends the page before the part, and renders a piece only when the reader wants more', async () => {
		let rendered = 0;
		const pieces = function* () {
			for (let i = 0; i < 100; i++) {
				rendered += 1;
				yield `<li>${'x'.repeat(10_000)}</li>`;
			}
		};
		const response = await respond(pieces, page);
		const reader = response.body!.getReader();
		const first = new TextDecoder().decode((await reader.read()).value);
		expect(first).toBe('<html><body><ol class="outline">');
		expect(rendered).toBeLessThan(20);
		await reader.cancel();
	});

	it('renders the pieces in the request\'s async context (its language), wherever the body is read', async () => {
		const language = new AsyncLocalStorage<string>();
		// Pieces larger than a chunk: the later ones are rendered when the reader (outside the context) asks.
		const pieces = function* () {
			for (let i = 0; i < 4; i++) yield `<li>${language.getStore()}</li>${' '.repeat(100_000)}`;
		};
		const response = await language.run('en', () => respond(pieces, page));
		expect((await response.text()).match(/<li>\w*<\/li>/g)).toEqual(Array(4).fill('<li>en</li>'));
	});

	it('cuts the page short when a piece fails to render (its head is sent already)', async () => {
		const failing = function* () {
			yield '<li>a</li>';
			throw new Error('render failed');
		};
		const response = await respond(failing, page);
		await expect(response.text()).rejects.toThrow();
	});

	it('leaves other answers as they are: an error page without the marker, a redirect', async () => {
		const error = await respond(() => ['<li>never</li>'], () => new Response('<p>Något gick fel.</p>', { status: 500, headers: { 'content-type': 'text/html', etag: '"e"' } }));
		expect(error.status).toBe(500);
		expect(await error.text()).toBe('<p>Något gick fel.</p>');
		const redirect = await respond(() => [], () => new Response(null, { status: 303, headers: { location: '/login' } }));
		expect(redirect.status).toBe(303);
	});
});
