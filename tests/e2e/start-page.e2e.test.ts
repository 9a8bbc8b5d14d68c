import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_EMAILS, DEMO_PASSWORD, expectAccessible, signInAt, useBrowser, visit } from './support';

const browser = useBrowser();

/** No sideways scrolling of the page at a phone's 320 px (WCAG 1.4.10). */
async function expectReflowAt320(page: Page) {
	await page.setViewportSize({ width: 320, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	await expectAccessible(page);
	await page.setViewportSize({ width: 1280, height: 800 });
}

/** Tabs through the page until the focused element reads `text`, then returns true (false if never). */
async function tabTo(page: Page, text: string): Promise<boolean> {
	for (let step = 0; step < 60; step++) {
		await page.keyboard.press('Tab');
		if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === text) return true;
	}
	return false;
}


describe('the start page', () => {
	it('shows a reporter what to report, by when, and takes them there by keyboard', async () => {
		const page = await browser.signedIn('reporter');
		await visit(page, '/');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hej Omar Haddad');
		const toReport = page.locator('section', { has: page.locator('#to-report') });
		expect(await toReport.textContent()).toMatch(/Du har \d+ punkte?r? att rapportera\./);
		expect(await toReport.textContent()).toMatch(/Närmast: .+, senast \d+ \w+ \d{4}\./);
		expect(await page.locator('section', { has: page.locator('#my-plans') }).getByRole('link').count()).toBeGreaterThan(1);
		expect(await page.locator('#my-items').count()).toBe(1);
		// A reporter does not oversee the organisation, nor set it up.
		expect(await page.locator('#organisation-heading').count()).toBe(0);
		expect(await page.locator('#first-steps').count()).toBe(0);
		await expectReflowAt320(page);

		await page.goto('/');
		expect(await tabTo(page, 'Till Att rapportera')).toBe(true);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === '/att-rapportera');
	});

	it('shows an administrator the organisation at a glance, with links into the follow-up', async () => {
		const page = await browser.signedIn('admin');
		await visit(page, '/');
		const organisation = page.locator('section.organisation');
		expect(await organisation.locator('h3').count()).toBeGreaterThan(0);
		expect(await organisation.textContent()).toMatch(/\d+ av \d+ rapporterade \(\d+ %\)/);
		expect(await organisation.textContent()).toContain('Saknade rapporter per ansvarig');
		// Nothing of Norrby (the other organisation on the server) is counted or named.
		expect(await page.locator('main').textContent()).not.toContain('Norrby');
		expect(await page.getByRole('link', { name: 'Hela ändringsloggen' }).count()).toBe(1);
		await expectReflowAt320(page);

		await organisation.getByRole('link', { name: /^Uppföljningen/ }).first().click();
		await page.waitForURL((url) => /^\/plans\/[^/]+\/follow-up$/.test(url.pathname) && url.searchParams.has('period'));
		await expectAccessible(page);
	});

	it('guides a new organisation through its first steps, and "Ny plan" says to choose a steering model first', async () => {
		const page = await browser.newPage();
		await signInAt(page, '/login/tomby', 'admin@tomby.se', 'tomby-losenord-2026');
		await page.waitForURL((url) => url.pathname === '/');
		await expectAccessible(page);
		const steps = page.locator('section', { has: page.locator('#first-steps') });
		expect(await steps.locator('li').allTextContents()).toEqual([
			expect.stringMatching(/^Välj en styrmodell bland förvalen\s*Att göra/),
			expect.stringMatching(/^Skapa den första planen\s*Att göra/),
			expect.stringMatching(/^Bjud in personerna\s*Att göra/),
			expect.stringMatching(/^Öppna en uppföljningsperiod\s*Att göra/)
		]);
		// Nothing of the demo organisation shows here.
		expect(await page.locator('main').textContent()).not.toMatch(/Exempelkommun|Omar Haddad/);
		await expectReflowAt320(page);
		// Nothing to report, and Att rapportera says so.
		await visit(page, '/att-rapportera');
		expect(await page.locator('main').textContent()).toContain('Du har inget kvar att rapportera');
		await page.goto('/');

		await steps.getByRole('link', { name: 'Skapa den första planen' }).click();
		await page.waitForURL((url) => url.pathname === '/plans');
		await expectAccessible(page);
		expect(await page.locator('select#frameworkId').count()).toBe(0);
		expect(await page.locator('main').textContent()).toContain('Välj först en styrmodell');
		await page.getByRole('link', { name: 'Välj en styrmodell' }).click();
		await page.waitForURL((url) => url.pathname === '/frameworks');
		await page.getByLabel('Namn', { exact: true }).fill('Vår styrmodell');
		await page.locator('input[name="preset"]').first().check();
		await page.getByRole('button', { name: 'Skapa styrmodellen' }).click();
		await page.waitForURL((url) => url.pathname.startsWith('/frameworks/'));

		await page.goto('/');
		expect(await steps.locator('li').first().textContent()).toMatch(/Klart/);
		await page.goto('/plans');
		expect(await page.locator('select#frameworkId option').count()).toBeGreaterThan(0);
	});
});

describe('signing in to the right organisation', () => {
	it('finds the organisation from the e-mail\'s domain, with the e-mail field focused', async () => {
		const page = await browser.newPage();
		await page.goto('/login');
		expect(await page.getByLabel('E-post').evaluate((input) => input === document.activeElement)).toBe(true);
		// No list of the organisations on the server.
		expect(await page.locator('select').count()).toBe(0);
		expect(await page.locator('main').textContent()).not.toMatch(/Norrby|Tomby/);
		await signInAt(page, '/login', DEMO_EMAILS.planner, DEMO_PASSWORD);
		await page.waitForURL((url) => url.pathname === '/');
		expect(await page.locator('header').textContent()).toContain('Karin Ek');
	});

	it('asks for the organisation\'s address when two organisations share the domain, without naming either; the address signs in', async () => {
		const page = await browser.newPage();
		await signInAt(page, '/login', 'anna@grannar.se', 'norrby-losenord-2026');
		await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Vi kan inte avgöra vilken organisation din e-postadress hör till\./);
		expect(await page.locator('main').textContent()).not.toMatch(/Norrby kommun|Exempelkommun kommun|Tomby/);
		await expectAccessible(page);
		await page.getByLabel('Organisationens inloggningsadress').fill('norrby');
		await page.getByRole('button', { name: 'Gå till inloggningen' }).click();
		await page.waitForURL((url) => url.pathname === '/login/norrby');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Logga in till Norrby kommun');
		// Not the demo's organisation: no demo buttons here.
		expect(await page.locator('#demo-users').count()).toBe(0);
		await page.getByLabel('E-post').fill('admin@norrby.se');
		await page.getByLabel('Lösenord').fill('norrby-losenord-2026');
		await page.getByRole('button', { name: 'Logga in' }).click();
		await page.waitForURL((url) => url.pathname === '/');
		expect(await page.locator('header').textContent()).toContain('Norrbys admin');
		// Norrby's own domain finds Norrby on the shared address too.
		const byDomain = await browser.newPage();
		await signInAt(byDomain, '/login', 'admin@norrby.se', 'norrby-losenord-2026');
		await byDomain.waitForURL((url) => url.pathname === '/');
		expect(await byDomain.locator('header').textContent()).toContain('Norrbys admin');

		const unknown = await browser.newPage();
		expect((await unknown.goto('/login/finns-inte'))?.status()).toBe(404);
	});

	it('lets an administrator set the organisation\'s e-mail domains, and refuses what is not one', async () => {
		const page = await browser.signedIn('admin');
		await visit(page, '/organisation');
		const card = page.locator('section', { has: page.locator('#sign-in') });
		expect(await card.textContent()).toContain('/login/exempelkommun');
		expect(await card.getByLabel('E-postdomäner').inputValue()).toBe('exempelkommun.se');
		await card.getByLabel('E-postdomäner').fill('exempelkommun.se, inte en domän');
		await card.getByRole('button', { name: 'Spara' }).click();
		await expect.poll(() => page.getByRole('alert').textContent()).toContain('"inte" är ingen e-postdomän');
		await card.getByLabel('E-postdomäner').fill('Exempelkommun.se, @skola.exempelkommun.se');
		await card.getByRole('button', { name: 'Spara' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toBe('E-postdomänerna är sparade.');
		expect(await card.getByLabel('E-postdomäner').inputValue()).toBe('exempelkommun.se, skola.exempelkommun.se');
		await expectAccessible(page);
	});

	it('signs in with one click per demo role, by keyboard too', async () => {
		const page = await browser.newPage();
		await visit(page, '/login');
		const buttons = page.locator('#demo-users ~ form button');
		expect(await buttons.allTextContents()).toEqual(
			['Administratör (Maria Sundin)', 'Planerare (Karin Ek)', 'Rapportör (Omar Haddad)', 'Läsare (Lena Björk)', 'Rektor på Lindskolan F–6 (Sara Lindqvist)'].map((text) => expect.stringContaining(text))
		);
		await expectReflowAt320(page);
		await page.getByRole('button', { name: /Rapportör \(Omar Haddad\)/ }).focus();
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === '/');
		expect(await page.locator('header').textContent()).toContain('Omar Haddad');
	});
});
