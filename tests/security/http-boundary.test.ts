import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS, get, postForm, signIn, startServer, type TestServer } from './server';

/**
 * What reaches the server before any route does (issue #9, items 12–15): control characters in any
 * text input, impossible dates in the audit filter, bodies over the size limit, and the security
 * headers on every kind of response, static files and redirects included.
 */
let server: TestServer;
let admin: string;
let plan: { id: string; frameworkId: string; ownerUnitId: string };

const ENGLISH = 'PARAGLIDE_LOCALE=en';
const MB = 1024 * 1024;

beforeAll(async () => {
	server = await startServer({ database: 'pglite' });
	admin = await signIn(server, DEMO_EMAILS.admin);
	const plans = (await (await get(server, '/api/v1/plans', admin)).json()) as { id: string; state: string; frameworkId: string; ownerUnitId: string }[];
	plan = plans.find((candidate) => candidate.state === 'draft')!;
});

afterAll(() => server?.stop());

const unhandled = () => server.output().match(/Unhandled error/g)?.length ?? 0;

/** A multipart body as a browser sends it, so it can be posted with or without a content-length. */
function multipart(fields: Record<string, string>, file?: { name: string; filename: string; bytes: Buffer }) {
	const boundary = `----styrkedjan${Math.random().toString(36).slice(2)}`;
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
	}
	if (file) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
		parts.push(file.bytes, Buffer.from('\r\n'));
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function postMultipart(pathname: string, form: ReturnType<typeof multipart>, cookie: string, options: { chunked?: boolean; headers?: Record<string, string> } = {}) {
	const body = options.chunked
		? new ReadableStream({
				start(controller) {
					for (let offset = 0; offset < form.body.length; offset += 256 * 1024) controller.enqueue(form.body.subarray(offset, offset + 256 * 1024));
					controller.close();
				}
			})
		: form.body;
	return fetch(`${server.baseURL}${pathname}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: server.baseURL, accept: 'text/html', 'content-type': form.contentType, cookie, ...options.headers },
		body,
		...(options.chunked ? { duplex: 'half' } : {})
	} as RequestInit);
}

describe('control characters in any text input are refused at the boundary (item 12)', () => {
	it('a NUL in the login e-mail gets a clear message in the user\'s language, not a 500', async () => {
		const before = unhandled();
		const swedish = await postForm(server, '/login', { email: 'admin\u0000@exempelkommun.se', password: 'x', org: 'exempelkommun' });
		expect(swedish.status).toBe(400);
		const text = await swedish.text();
		expect(text).toContain('styrtecken');
		expect(text).toContain('U+0000');
		expect(text).not.toContain('Något gick fel');

		const english = await postForm(server, '/login', { email: 'admin\u0000@exempelkommun.se', password: 'x', org: 'exempelkommun' }, ENGLISH);
		expect(english.status).toBe(400);
		expect(await english.text()).toContain('control character');
		expect(unhandled()).toBe(before);
	});

	it('tab, line feed and carriage return are ordinary text', async () => {
		const response = await postForm(server, '/login', { email: 'no\tone\r\n@exempelkommun.se', password: 'x', org: 'exempelkommun' });
		expect(response.status).toBe(400);
		const text = await response.text();
		expect(text).toContain('id="form-error"');
		expect(text).not.toContain('styrtecken');
	});

	it('a signed-in form post with a control character saves nothing and says why', async () => {
		const before = unhandled();
		const title = `Plan med styrtecken \u0001 ${Date.now()}`;
		const response = await postForm(server, '/plans?/create', { title, frameworkId: plan.frameworkId, ownerUnitId: plan.ownerUnitId, kind: 'plan', periodKind: 'calendar_year', startYear: '2026' }, admin);
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('U+0001');
		const plans = (await (await get(server, '/api/v1/plans', admin)).json()) as { title: string }[];
		expect(plans.some((candidate) => candidate.title.includes('Plan med styrtecken'))).toBe(false);
		expect(unhandled()).toBe(before);
	});

	it('DEL and the other C0 characters are refused too', async () => {
		for (const character of ['\u0008', '\u001b', '\u007f']) {
			const response = await postForm(server, '/login', { email: `a${character}@exempelkommun.se`, password: 'x', org: 'exempelkommun' });
			expect(response.status).toBe(400);
			expect(await response.text()).toContain('styrtecken');
		}
	});

	it('a control character in the address is refused on pages and in the API', async () => {
		const before = unhandled();
		const oidc = await get(server, '/auth/oidc/start?org=%00');
		expect(oidc.status).toBe(400);
		expect(await oidc.text()).toContain('styrtecken');

		const audit = await get(server, '/admin/audit?actor=%00', admin);
		expect(audit.status).toBe(400);

		const api = await get(server, '/api/v1/plans?q=a%01b', admin);
		expect(api.status).toBe(400);
		expect(api.headers.get('content-type')).toContain('application/json');
		const body = (await api.json()) as { error: { code: string; message: string; field: string | null } };
		expect(body.error.code).toBe('error_request_control_character_address');
		expect(body.error.field).toBe('q');
		expect(body.error.message).toContain('U+0001');
		expect(unhandled()).toBe(before);
	});

	it('the text fields of an upload are checked; the file itself is not', async () => {
		const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01, 0x02, 0x7f]);
		const withText = await postMultipart(`/plans/${plan.id}/import?/workbook`, multipart({ note: 'a\u0000b' }, { name: 'file', filename: 'plan.xlsx', bytes: binary }), admin);
		expect(withText.status).toBe(400);
		expect(await withText.text()).toContain('U+0000');

		const fileOnly = await postMultipart(`/plans/${plan.id}/import?/workbook`, multipart({}, { name: 'file', filename: 'plan.xlsx', bytes: binary }), admin);
		expect(await fileOnly.text()).not.toContain('styrtecken');
	});

	it('a text field longer than any form takes is refused before a route sees it', async () => {
		const response = await postForm(server, '/login', { email: 'a'.repeat(3_000_001), password: 'x', org: 'exempelkommun' });
		expect(response.status).toBe(400);
		expect(await response.text()).toMatch(/3\s000\s000 tecken/u);
	});

	it('JSON bodies: escaped control characters and deep nesting are refused with the API\'s error', async () => {
		const nul = await fetch(`${server.baseURL}/api/v1/plans`, { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json' }, body: '{"title":"a\\u0000b"}' });
		expect(nul.status).toBe(400);
		expect(((await nul.json()) as { error: { code: string } }).error.code).toBe('error_request_control_character');

		const deep = await fetch(`${server.baseURL}/api/v1/plans`, { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json' }, body: '['.repeat(100_000) + ']'.repeat(100_000) });
		expect(deep.status).toBe(400);
		expect(((await deep.json()) as { error: { code: string } }).error.code).toBe('error_request_json_too_deep');
	});
});

describe('impossible dates in query strings get a message, not a 500 (item 13)', () => {
	it.each(['2025-99-99', '0000-00-00', '9999-12-31', 'igår'])('the audit log filter with %s', async (date) => {
		const before = unhandled();
		for (const field of ['from', 'to']) {
			const response = await get(server, `/admin/audit?${field}=${encodeURIComponent(date)}`, admin);
			expect(response.status).toBe(200);
			const text = await response.text();
			expect(text).toContain('Skriv datumet som');
			expect(text).toContain(`id="${field}-error"`);
			expect(text).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`));
		}
		const english = await get(server, `/admin/audit?from=${encodeURIComponent(date)}`, `${admin}; ${ENGLISH}`);
		expect(await english.text()).toContain('Write the date as');
		expect(unhandled()).toBe(before);
	});

	it('a real date filters as before', async () => {
		const response = await get(server, '/admin/audit?from=2020-02-29&to=2099-12-31', admin);
		expect(response.status).toBe(200);
		expect(await response.text()).not.toContain('Skriv datumet som');
	});
});

describe('a body over the size limit is answered plainly in the user\'s language (item 14)', () => {
	const big = () => multipart({}, { name: 'file', filename: 'plan.xlsx', bytes: Buffer.alloc(13 * MB, 0x41) });

	it('an upload of 13 MB gets a 413 page that names the 12 MB limit', async () => {
		const before = unhandled();
		const swedish = await postMultipart(`/plans/${plan.id}/import?/workbook`, big(), admin);
		expect(swedish.status).toBe(413);
		expect(swedish.headers.get('content-type')).toContain('text/html');
		const text = await swedish.text();
		expect(text).toContain('lang="sv"');
		expect(text).toContain('12 MB');
		expect(text).not.toContain('Något gick fel');

		const english = await postMultipart(`/plans/${plan.id}/import?/workbook`, big(), `${admin}; ${ENGLISH}`);
		expect(english.status).toBe(413);
		const englishText = await english.text();
		expect(englishText).toContain('lang="en"');
		expect(englishText).toContain('12 MB');
		expect(englishText).toContain('too large');
		expect(unhandled()).toBe(before);
	});

	it('the same without a content-length (chunked), when the limit is only found while reading', async () => {
		const response = await postMultipart(`/plans/${plan.id}/import?/workbook`, big(), admin, { chunked: true });
		expect(response.status).toBe(413);
		expect(await response.text()).toContain('12 MB');
	});

	it('the API answers 413 with its JSON error', async () => {
		const response = await fetch(`${server.baseURL}/api/v1/plans`, {
			method: 'POST',
			headers: { cookie: `${admin}; ${ENGLISH}`, 'content-type': 'application/json' },
			body: Buffer.alloc(13 * MB, 0x20)
		});
		expect(response.status).toBe(413);
		const body = (await response.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('error_request_too_large');
		expect(body.error.message).toContain('12 MB');
	});
});

describe('every kind of response carries the security headers (item 15)', () => {
	function expectHeaders(response: Response, html: boolean) {
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		expect(response.headers.get('permissions-policy')).toContain('camera=()');
		if (html) expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
	}

	it('the sign-in redirect of the auth hook', async () => {
		const response = await get(server, '/plans');
		expect(response.status).toBe(303);
		expectHeaders(response, false);
	});

	it('static files and the built assets', async () => {
		const favicon = await get(server, '/favicon.svg');
		expect(favicon.status).toBe(200);
		expectHeaders(favicon, true);
		const page = await (await get(server, '/login')).text();
		const asset = page.match(/_app\/immutable\/[^"]+\.css/)![0];
		const stylesheet = await get(server, `/${asset}`);
		expect(stylesheet.status).toBe(200);
		expectHeaders(stylesheet, false);
	});

	it('pages, error pages, JSON, the health check and SvelteKit\'s own answers', async () => {
		expectHeaders(await get(server, '/login'), true);
		expectHeaders(await get(server, '/no-such-page', admin), true);
		expectHeaders(await get(server, '/api/v1/plans'), false);
		expectHeaders(await get(server, '/healthz'), false);
		const slash = await get(server, '/login/');
		expect(slash.status).toBe(308);
		expectHeaders(slash, false);
		const crossSite = await postForm(server, '/login', { email: 'x' }, undefined, { origin: 'https://evil.example' });
		expect(crossSite.status).toBe(403);
		expectHeaders(crossSite, false);
	});

	it('the boundary\'s own refusals', async () => {
		expectHeaders(await postForm(server, '/login', { email: 'a\u0000' }), true);
	});

	it('a page revisited (304 Not Modified) keeps its own policy: the 304 brings none that would block its stylesheet', async () => {
		// A browser updates the stored page's headers from a 304; the default policy (nothing may load)
		// on it left a server-rendered page unstyled on every second visit.
		// A page rendered on the server only (/plans now runs its scripts, whose per-request nonce changes the page).
		const first = await get(server, '/admin/tokens', admin);
		expect(first.status).toBe(200);
		const again = await get(server, '/admin/tokens', admin, { 'if-none-match': first.headers.get('etag')! });
		expect(again.status).toBe(304);
		expect([null, first.headers.get('content-security-policy')]).toContain(again.headers.get('content-security-policy'));
		expect(again.headers.get('x-content-type-options')).toBe('nosniff');
	});
});
