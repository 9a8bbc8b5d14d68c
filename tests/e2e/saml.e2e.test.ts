import { describe, expect, inject, it } from 'vitest';
import { expectAccessible, pageProblems, signInAt, useBrowser, visit } from './support';

const browser = useBrowser();

// Samlby kommun (tests/e2e/seed.ts) is this test's own: its administrator sets up the test IdP
// (tests/peers/saml-idp.ts, started by global-setup.ts), and new people arrive through it.
describe('sign-in through SAML', () => {
	it('an administrator sets up the IdP by its metadata address; a new person signs in through it with the default role', async () => {
		const idp = inject('samlIdp');
		const admin = await browser.newPage();
		await signInAt(admin, '/login/samlby', 'admin@samlby.se', 'samlby-losenord-2026');
		await admin.waitForURL((url) => url.pathname === '/');
		await visit(admin, '/admin/saml');
		// What to give the IdP: our metadata, entity id and assertion consumer service.
		const shown = await admin.locator('main').textContent();
		expect(shown).toContain(`${inject('baseURL')}/auth/saml/samlby/acs`);
		expect(shown).toContain(`${inject('baseURL')}/auth/saml/samlby/metadata`);
		const metadata = await admin.request.get('/auth/saml/samlby/metadata');
		expect(metadata.headers()['content-type']).toContain('application/samlmetadata+xml');
		expect(await metadata.text()).toContain(`entityID="${inject('baseURL')}/auth/saml/samlby/metadata"`);

		// Unusable metadata is refused with the reason.
		await admin.getByLabel('Metadata (XML)').fill('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x">');
		await admin.getByRole('button', { name: 'Spara' }).click();
		await expect.poll(() => admin.getByRole('alert').first().textContent()).toContain('Metadatan går inte att läsa');
		await expectAccessible(admin);

		await admin.getByLabel('Metadata (XML)').fill('');
		await admin.getByLabel('Adress till metadata').fill(`${idp}/metadata`);
		await admin.getByLabel('Knapptext på inloggningssidan').fill('Logga in med Samlbys SAML');
		await admin.getByLabel('Roll vid första inloggningen').selectOption({ label: 'Planerare' });
		await admin.getByRole('button', { name: 'Spara' }).click();
		await expect.poll(() => admin.getByRole('status').first().textContent()).toContain('Identitetsleverantören är sparad.');
		expect(await admin.locator('main').textContent()).toContain(`${idp}/sso`);
		await expectAccessible(admin);
		// The page with its provider reflows on a phone (addresses and fingerprints wrap).
		expect(await pageProblems(admin, '/admin/saml', [320, 390, 1280])).toEqual([]);

		// Signed out, a new person signs in through the IdP.
		const page = await browser.newPage();
		await visit(page, '/login/samlby');
		await page.getByRole('link', { name: 'Logga in med Samlbys SAML' }).click();
		await page.waitForURL((url) => url.origin === idp);
		await page.getByLabel('Användarnamn').fill('siv.saml');
		await page.getByRole('button', { name: 'Logga in hos test-IdP' }).click();
		await page.waitForURL((url) => url.origin === inject('baseURL') && url.pathname === '/');
		expect(await page.locator('header').textContent()).toContain('Saml siv.saml');
		await expectAccessible(page);
		// A planner: may create plans.
		await page.goto('/plans');
		expect(await page.getByRole('heading', { name: 'Ny plan' }).count()).toBe(1);

		// The administrator sees the new person, made by SSO with the default role.
		await admin.goto('/admin/people');
		const row = admin.locator('tr', { hasText: 'siv.saml@samlby.se' });
		expect(await row.textContent()).toContain('Planerare');
		expect(await row.textContent()).toContain('SSO');
	});

	it('refuses a response posted from another site that answers no request of ours, and no other address takes cross-site forms', async () => {
		const page = await browser.newPage();
		const forged = await page.request.post('/auth/saml/samlby/acs', {
			headers: { origin: 'https://elak.example', 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			data: `SAMLResponse=${encodeURIComponent(Buffer.from('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>').toString('base64'))}`,
			maxRedirects: 0
		});
		expect([400, 404]).toContain(forged.status());
		expect(forged.headers()['set-cookie'] ?? '').not.toContain('styrkedjan_session');
		const elsewhere = await page.request.post('/auth/saml/samlby/start', {
			headers: { origin: 'https://elak.example', 'content-type': 'application/x-www-form-urlencoded' },
			data: 'a=b',
			maxRedirects: 0
		});
		expect(elsewhere.status()).toBe(403);
	});
});
