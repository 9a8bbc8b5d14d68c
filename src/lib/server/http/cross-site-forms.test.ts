import { describe, expect, it } from 'vitest';
import { isForbiddenCrossSiteForm } from './cross-site-forms';

const ORIGIN = 'https://styrkedjan.exempel.se';
const post = (path: string, origin: string | null, type = 'application/x-www-form-urlencoded', method = 'POST') => {
	const headers: Record<string, string> = { 'content-type': type };
	if (origin) headers.origin = origin;
	return isForbiddenCrossSiteForm(new Request(`${ORIGIN}${path}`, { method, headers, body: 'a=b' }), new URL(`${ORIGIN}${path}`));
};

describe('cross-site form posts', () => {
	it('refuses form posts from another origin, or with none, as SvelteKit does', () => {
		expect(post('/login', 'https://elak.example')).toBe(true);
		expect(post('/login', null)).toBe(true);
		expect(post('/admin/people?/invite', 'https://elak.example', 'multipart/form-data; boundary=x')).toBe(true);
		expect(post('/plans', 'https://elak.example', 'text/plain;charset=UTF-8')).toBe(true);
		expect(post('/plans', 'https://elak.example', 'application/x-www-form-urlencoded', 'DELETE')).toBe(true);
	});

	it('lets same-origin posts and non-form bodies through', () => {
		expect(post('/login', ORIGIN)).toBe(false);
		expect(post('/api/v1/plans', 'https://elak.example', 'application/json')).toBe(false);
	});

	it('exempts only a POST to an organisation’s SAML assertion consumer service', () => {
		expect(post('/auth/saml/exempelkommun/acs', 'https://idp.exempel.se')).toBe(false);
		expect(post('/auth/saml/exempelkommun/acs', null)).toBe(false);
		expect(post('/auth/saml/exempelkommun/acs', 'https://idp.exempel.se', 'application/x-www-form-urlencoded', 'PUT')).toBe(true);
		expect(post('/auth/saml/exempelkommun/start', 'https://idp.exempel.se')).toBe(true);
		expect(post('/auth/saml/a/b/acs', 'https://idp.exempel.se')).toBe(true);
		expect(post('/auth/saml/exempelkommun/acs/x', 'https://idp.exempel.se')).toBe(true);
		expect(post('/x/auth/saml/exempelkommun/acs', 'https://idp.exempel.se')).toBe(true);
	});
});
