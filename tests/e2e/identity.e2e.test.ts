import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, pickUnit, scriptsReady, signIn, useBrowser, visit } from './support';

const browser = useBrowser();

/** The newest message the in-test SMTP server received for an address, once it has arrived. */
async function mailTo(address: string, after: number): Promise<{ subject: string; text: string }> {
	const dir = inject('mailDir');
	for (let attempt = 0; attempt < 100; attempt++) {
		const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort().reverse() : [];
		for (const file of files) {
			if (Number(file.split('-')[0]) < after) continue;
			const mail = await simpleParser(fs.readFileSync(path.join(dir, file)));
			const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
			if (to.some((entry) => entry.value.some((value) => value.address === address))) return { subject: mail.subject ?? '', text: mail.text ?? '' };
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`No mail to ${address}`);
}

const linkIn = (text: string) => /(http:\/\/\S+\/password\/reset\?token=\S+)/.exec(text)![1];

async function choosePassword(page: Page, link: string, password: string) {
	await page.goto(link);
	await expectAccessible(page);
	await page.getByLabel('Nytt lösenord').fill(password);
	await page.getByLabel('Samma lösenord igen').fill(password);
	await page.getByRole('button', { name: 'Spara lösenordet' }).click();
	await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
}

describe('people and access', () => {
	it('an administrator invites a person, who sets a password from the mailed link and signs in', async () => {
		const admin = await browser.signedIn('admin');
		await visit(admin, '/admin/people');
		await scriptsReady(admin);
		const since = Date.now();
		const invite = admin.locator('form[action="?/invite"]');
		await invite.getByLabel('Namn').fill('Nina Ny');
		await invite.getByLabel('E-post').fill('nina.ny@exempelkommun.se');
		await invite.getByLabel('Roll', { exact: true }).selectOption({ label: 'Rapportör' });
		await pickUnit(invite, 'Enhet', 'Norrskolan (Skolenhet)');
		await invite.getByRole('button', { name: 'Skicka inbjudan' }).click();
		await expect.poll(() => admin.getByRole('status').textContent()).toBe('Inbjudan är skickad.');
		expect(await admin.locator('tbody').textContent()).toContain('Nina Ny');
		await expectAccessible(admin);

		const mail = await mailTo('nina.ny@exempelkommun.se', since);
		expect(mail.subject).toBe('Du är inbjuden till Styrkedjan');
		const page = await browser.newPage();
		await choosePassword(page, linkIn(mail.text), 'ninas-nya-losenord');
		await signIn(page, 'nina.ny@exempelkommun.se', 'ninas-nya-losenord');
		expect(await page.locator('header').textContent()).toContain('Nina Ny');

		// The link is spent.
		await page.context().clearCookies();
		await page.goto(linkIn(mail.text));
		await page.getByLabel('Nytt lösenord').fill('ett-annat-losenord');
		await page.getByLabel('Samma lösenord igen').fill('ett-annat-losenord');
		await page.getByRole('button', { name: 'Spara lösenordet' }).click();
		await expect.poll(() => page.getByRole('alert').textContent()).toBe('Länken är ogiltig, redan använd eller för gammal. Begär en ny.');
	});

	// Uses the person invited above, so the demo people keep their passwords for the other tests.
	it('a person who forgot the password gets a link by mail; the old password stops working', async () => {
		const page = await browser.newPage();
		await page.goto('/login');
		await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
		await expectAccessible(page);
		const since = Date.now();
		await page.getByLabel('E-post').fill('nina.ny@exempelkommun.se');
		await page.getByRole('button', { name: 'Skicka länk' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Om adressen hör till ett konto/);
		const mail = await mailTo('nina.ny@exempelkommun.se', since);
		expect(mail.subject).toBe('Nytt lösenord till Styrkedjan');
		await choosePassword(page, linkIn(mail.text), 'ninas-andra-losenord');
		await signIn(page, 'nina.ny@exempelkommun.se', 'ninas-andra-losenord');

		const other = await browser.newPage();
		await other.goto('/login');
		await other.getByLabel('E-post').fill('nina.ny@exempelkommun.se');
		await other.getByLabel('Lösenord').fill('ninas-nya-losenord');
		await other.getByRole('button', { name: 'Logga in' }).click();
		await expect.poll(() => other.getByRole('alert').textContent()).toMatch(/^Inloggningen misslyckades\./);
	});

	it('signs in through the organisation\'s OpenID provider, creating the person with the default role', async () => {
		const admin = await browser.signedIn('admin');
		await admin.goto('/admin/people');
		// Typed only once scripts have taken over: hydrating the page resets what was typed before it.
		await scriptsReady(admin);
		const sso = admin.locator('form[action="?/setSso"]');
		await sso.getByLabel('Utfärdare (issuer)').fill(inject('oidcIssuer'));
		await sso.getByLabel('Klient-id').fill('styrkedjan-e2e');
		await sso.getByLabel('Klienthemlighet').fill('e2e-client-secret-which-is-long-enough');
		await sso.getByLabel('Roll vid första inloggningen').selectOption({ label: 'Planerare' });
		await sso.getByRole('button', { name: 'Spara' }).click();
		await expect.poll(() => admin.locator('#sso ~ p.muted, section:has(#sso) p.muted').first().textContent()).toContain(inject('oidcIssuer'));

		const page = await browser.newPage();
		await page.goto('/login/exempelkommun');
		await page.getByRole('link', { name: 'Logga in med organisationens konto' }).click();
		await page.locator('input[name="login"]').fill('anna.sso');
		await page.locator('input[name="password"]').fill('vad-som-helst');
		await page.getByRole('button', { name: 'Sign-in' }).click();
		await page.getByRole('button', { name: 'Continue' }).click();
		await page.waitForURL((url) => url.pathname === '/');
		expect(await page.locator('header').textContent()).toContain('Sso anna.sso');
		// A planner: may create plans.
		await page.goto('/plans');
		expect(await page.getByRole('heading', { name: 'Ny plan' }).count()).toBe(1);

		await admin.goto('/admin/people');
		const row = admin.locator('tr', { hasText: 'anna.sso@exempelkommun.se' });
		expect(await row.textContent()).toContain('Planerare');
		expect(await row.textContent()).toContain('SSO');
	});

	it('refuses a callback that was not started here, or whose state was tampered with', async () => {
		const page = await browser.newPage();
		const direct = await page.goto('/auth/oidc/callback?code=forged&state=forged');
		expect(direct?.status()).toBe(400);
		expect(await page.locator('main').textContent()).toContain('Inloggningen kunde inte slutföras');

		// Start for real, then come back with another state than the one issued.
		await page.goto('/login/exempelkommun');
		const start = await page.getByRole('link', { name: 'Logga in med organisationens konto' }).getAttribute('href');
		const response = await page.request.get(start!, { maxRedirects: 0 });
		expect(response.status()).toBe(303);
		const tampered = await page.goto('/auth/oidc/callback?code=forged&state=not-the-issued-state');
		expect(tampered?.status()).toBe(400);
		await page.goto('/plans');
		await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
	});

	it('shows the audit log, filtered by person, and each item\'s own history', async () => {
		const page = await browser.signedIn('admin');
		await visit(page, '/admin/audit');
		await page.getByLabel('Vem').selectOption({ label: 'Exempeldata' });
		await page.getByRole('button', { name: 'Visa', exact: true }).click();
		await page.waitForURL((url) => url.searchParams.get('actor') === 'demo');
		await expect.poll(() => page.locator('.audit-log > li').count()).toBeGreaterThan(10);
		const sentences = await page.locator('.audit-log .sentence').allTextContents();
		expect(sentences.filter((sentence) => !sentence.startsWith('Exempeldata '))).toEqual([]);
		await expectAccessible(page);

		await page.goto('/plans');
		await page.getByRole('link', { name: 'Lokal utvecklingsplan Norrskolan 2025/26' }).click();
		await page.locator('.outline a.title').first().click();
		await page.locator('summary', { hasText: /Visa \d+ ändring/ }).click();
		expect(await page.locator('section:has(#history-heading) tbody').textContent()).toContain('node.create');
		await expectAccessible(page);
	});
});
