import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS, DEMO_PASSWORD, get, hasPostgres, postForm, startServer, type TestServer } from './server';

/** The servers read the client's address from X-Forwarded-For (as behind a load balancer), so each test can be its own address. */
const BEHIND_PROXY = { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' };

const login = (server: TestServer, address: string, fields: Record<string, string>) =>
	postForm(server, '/login', { org: 'exempelkommun', redirectTo: '/plans', ...fields }, undefined, { 'x-forwarded-for': address });
const alertOf = async (response: Response) => /role="alert"[^>]*>([^<]*)</.exec(await response.text())?.[1];
const sessionOf = (response: Response) => response.headers.getSetCookie().find((line) => line.startsWith('styrkedjan_session='))?.split(';')[0];

describe.skipIf(!hasPostgres)('sign-in under attack (PostgreSQL, two servers on one database)', () => {
	let server: TestServer;
	let second: TestServer;
	let db: pg.Client;
	const account = async (email: string) =>
		(await db.query(`select failed_logins, locked_until from accounts where email = $1`, [email])).rows[0] as { failed_logins: number; locked_until: Date | null };

	beforeAll(async () => {
		server = await startServer({ database: 'postgres', env: BEHIND_PROXY });
		second = await startServer({ database: 'postgres', databaseUrl: server.databaseUrl, env: BEHIND_PROXY });
		db = new pg.Client({ connectionString: server.databaseUrl });
		await db.connect();
	});
	afterAll(async () => {
		await db?.end();
		await second?.stop();
		await server?.stop();
	});

	it('100 parallel wrong passwords (from 100 addresses) lock the account; then the right password is refused like an unknown account', async () => {
		const responses = await Promise.all(
			Array.from({ length: 100 }, (_, i) => login(server, `10.1.0.${i}`, { email: DEMO_EMAILS.reader, password: `fel-lösenord-${i}` }))
		);
		expect(responses.map((response) => response.status)).toEqual(Array(100).fill(400));
		const locked = await account(DEMO_EMAILS.reader);
		expect(locked.failed_logins).toBe(100);
		expect(locked.locked_until!.getTime()).toBeGreaterThan(Date.now());

		const right = await login(server, '10.1.1.1', { email: DEMO_EMAILS.reader, password: DEMO_PASSWORD });
		expect(right.status).toBe(400);
		expect(sessionOf(right)).toBeUndefined();
		const unknown = await login(server, '10.1.1.2', { email: 'ingen@exempelkommun.se', password: DEMO_PASSWORD });
		const message = await alertOf(unknown);
		expect(message).toMatch(/^Inloggningen misslyckades/);
		expect(await alertOf(right)).toBe(message);
		expect((await account(DEMO_EMAILS.reader)).failed_logins).toBe(101);
	});

	it('counts an address before any password is checked: of 100 parallel attempts 30 are checked, then even the right password is refused unchecked', async () => {
		const responses = await Promise.all(
			Array.from({ length: 100 }, (_, i) => login(server, '10.2.0.1', { email: `ingen-${i}@exempelkommun.se`, password: 'fel-lösenord' }))
		);
		const statuses = responses.map((response) => response.status);
		expect(statuses.filter((status) => status === 400)).toHaveLength(30);
		expect(statuses.filter((status) => status === 429)).toHaveLength(70);
		const right = await login(server, '10.2.0.1', { email: DEMO_EMAILS.planner, password: DEMO_PASSWORD });
		expect(right.status).toBe(429);
		expect(await alertOf(right)).toMatch(/För många inloggningsförsök/);
		// The account's own count would show a password check.
		expect((await account(DEMO_EMAILS.planner)).failed_logins).toBe(0);
	});

	it('two servers behind one load balancer share one allowance per address', async () => {
		for (let i = 0; i < 15; i++) {
			expect((await login(server, '10.3.0.1', { email: `ingen-${i}@exempelkommun.se`, password: 'fel' })).status).toBe(400);
			expect((await login(second, '10.3.0.1', { email: `ingen-${i}@exempelkommun.se`, password: 'fel' })).status).toBe(400);
		}
		expect((await login(second, '10.3.0.1', { email: 'ingen@exempelkommun.se', password: 'fel' })).status).toBe(429);
		expect((await login(server, '10.3.0.1', { email: 'ingen@exempelkommun.se', password: 'fel' })).status).toBe(429);
		expect((await login(second, '10.3.0.2', { email: 'ingen@exempelkommun.se', password: 'fel' })).status).toBe(400);
	});

	it('successful sign-ins do not use up the allowance of an address a whole school shares', async () => {
		for (let i = 0; i < 35; i++) {
			const response = await login(i % 2 ? second : server, '10.4.0.1', { email: DEMO_EMAILS.admin, password: DEMO_PASSWORD });
			expect(response.status).toBe(303);
		}
		expect((await login(server, '10.4.0.1', { email: 'ingen@exempelkommun.se', password: 'fel' })).status).toBe(400);
	});

	it('sends a signed-in person only to paths on this site', async () => {
		const hostile = ['/\\evil.example', '\\/evil.example', '//evil.example', '/%5Cevil.example', 'https://evil.example/', 'javascript:alert(1)', '/.//evil.example'];
		for (const redirectTo of hostile) {
			const response = await login(server, '10.5.0.1', { email: DEMO_EMAILS.admin, password: DEMO_PASSWORD, redirectTo });
			expect([redirectTo, response.status, response.headers.get('location')]).toEqual([redirectTo, 303, '/']);
		}
		const kept = await login(server, '10.5.0.1', { email: DEMO_EMAILS.admin, password: DEMO_PASSWORD, redirectTo: '/plans/x?y=1' });
		expect(kept.headers.get('location')).toBe('/plans/x?y=1');
		// Already signed in: the login page sends on at once; not signed in: the form carries the target.
		const cookie = sessionOf(kept)!;
		for (const redirectTo of hostile) {
			const response = await get(server, `/login?redirectTo=${encodeURIComponent(redirectTo)}`, cookie);
			expect([redirectTo, response.headers.get('location')]).toEqual([redirectTo, '/']);
		}
		const page = await (await get(server, `/login?redirectTo=${encodeURIComponent('/\\evil.example')}`)).text();
		expect(page).toContain('name="redirectTo" value="/"');
		const language = await postForm(server, '/language', { locale: 'sv', redirectTo: '/\\evil.example' });
		expect(language.headers.get('location')).toBe('/');
	});

	it('sends a single sign-on only to paths on this site', async () => {
		const provider = await fakeIdentityProvider();
		try {
			await db.query(
				`insert into identity_providers (tenant_id, issuer, client_id, client_secret) select id, $1, 'styrkedjan', 'hemlig' from tenants where slug = 'exempelkommun'`,
				[provider.issuer]
			);
			const targetOf = async (redirectTo: string) => {
				const response = await get(server, `/auth/oidc/start?org=exempelkommun&redirectTo=${encodeURIComponent(redirectTo)}`);
				expect(response.status).toBe(303);
				expect(response.headers.get('location')).toMatch(new RegExp(`^${provider.issuer}authorize\\?`));
				const cookie = response.headers.getSetCookie().find((line) => line.startsWith('styrkedjan_oidc='))!;
				return JSON.parse(decodeURIComponent(cookie.split(';')[0].slice('styrkedjan_oidc='.length))).redirectTo;
			};
			for (const redirectTo of ['/\\evil.example', '\\/evil.example', '//evil.example', '/%5Cevil.example', 'https://evil.example/', 'javascript:alert(1)']) {
				expect([redirectTo, await targetOf(redirectTo)]).toEqual([redirectTo, '/']);
			}
			expect(await targetOf('/plans/x?y=1')).toBe('/plans/x?y=1');
		} finally {
			await db.query(`delete from identity_providers`);
			await provider.close();
		}
	});
});

/** Just enough of an OpenID provider for the start of a sign-in: its discovery document. */
async function fakeIdentityProvider(): Promise<{ issuer: string; close(): Promise<void> }> {
	let issuer = '';
	const server = http.createServer((request, response) => {
		if (request.url !== '/.well-known/openid-configuration') return void response.writeHead(404).end();
		response.writeHead(200, { 'content-type': 'application/json' }).end(
			JSON.stringify({
				issuer,
				authorization_endpoint: `${issuer}authorize`,
				token_endpoint: `${issuer}token`,
				jwks_uri: `${issuer}jwks`,
				response_types_supported: ['code'],
				subject_types_supported: ['public'],
				id_token_signing_alg_values_supported: ['RS256']
			})
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
	return { issuer, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
