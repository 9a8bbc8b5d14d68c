import { describe, expect, it } from 'vitest';
import { DEMO_EMAILS, expectAccessible, useBrowser, visit } from './support';
import { LOCKED_EMAIL } from '../server-process';

const browser = useBrowser();
/** The one answer for a wrong password, an unknown account and a locked one (no account enumeration). */
const SIGN_IN_FAILED = 'Inloggningen misslyckades. Kontrollera e-post och lösenord. Efter 5 felaktiga försök i rad är kontot låst i 15 minuter.';

describe('signing in', () => {
	it('sends a visitor to the login page, which shows the demo people, and back after signing in', async () => {
		const page = await browser.newPage();
		await page.goto('/frameworks');
		await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
		await expectAccessible(page);
		expect(await page.locator('#demo-users').textContent()).toContain('Demo');
		expect(await page.locator('#demo-users ~ p').last().textContent()).toContain(DEMO_EMAILS.reporter);
		expect(await page.getByLabel('E-post').evaluate((input) => input === document.activeElement)).toBe(true);
		await page.getByLabel('E-post').fill(DEMO_EMAILS.planner);
		await page.getByLabel('Lösenord').fill('exempel-demo-2025');
		await page.getByRole('button', { name: 'Logga in' }).click();
		await expect.poll(() => new URL(page.url()).pathname).toBe('/frameworks');
		expect(await page.locator('header').textContent()).toContain('Karin Ek');
		await page.getByRole('button', { name: 'Logga ut' }).click();
		await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
		await page.goto('/plans');
		await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
	});

	it('refuses a wrong password without saying whether the email exists or is locked, and locks after five tries', async () => {
		const page = await browser.newPage();
		// An account of its own: a demo person locked here would lock out every later test that signs in as them.
		for (const email of ['ingen@exempelkommun.se', LOCKED_EMAIL, LOCKED_EMAIL, LOCKED_EMAIL, LOCKED_EMAIL]) {
			await page.goto('/login');
			await page.getByLabel('E-post').fill(email);
			await page.getByLabel('Lösenord').fill('fel-lösenord-här');
			await page.getByRole('button', { name: 'Logga in' }).click();
			await expect.poll(() => page.getByRole('alert').textContent()).toBe(SIGN_IN_FAILED);
		}
		await expectAccessible(page);
		await page.getByLabel('Lösenord').fill('fel-lösenord-här');
		await page.getByRole('button', { name: 'Logga in' }).click();
		await expect.poll(() => page.getByRole('alert').textContent()).toBe(SIGN_IN_FAILED);
		// Even the right password waits out the lock, and the answer is the one an unknown account gets.
		await page.getByLabel('Lösenord').fill('exempel-demo-2025');
		await page.getByRole('button', { name: 'Logga in' }).click();
		await page.waitForLoadState();
		await expect.poll(() => page.getByRole('alert').textContent()).toBe(SIGN_IN_FAILED);
		await page.goto('/plans');
		await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
	});

	it('sends security headers, and refuses a form post from another site', async () => {
		const response = await fetch(`${browser.baseURL()}/login`);
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		const forged = await fetch(`${browser.baseURL()}/login`, {
			method: 'POST',
			headers: { origin: 'https://elak.example', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'org=exempelkommun&email=admin%40exempelkommun.se&password=exempel-demo-2025'
		});
		expect(forged.status).toBe(403);
		expect(forged.headers.get('set-cookie')).toBeNull();
	});

	it('refuses a forged session cookie', async () => {
		const page = await browser.newPage();
		await page.context().addCookies([
			{ name: 'styrkedjan_session', value: `${crypto.randomUUID()}.${'A'.repeat(43)}`, url: browser.baseURL() }
		]);
		await page.goto('/plans');
		await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
	});

	it('shows a reader the plans but no editing', async () => {
		const page = await browser.signedIn('reader');
		await visit(page, '/plans');
		expect(await page.getByRole('heading', { name: 'Ny plan' }).count()).toBe(0);
		await page.locator('main table a').first().click();
		expect(await page.getByRole('link', { name: /Lägg till/ }).count()).toBe(0);
		const response = await page.goto(`/frameworks`);
		expect(response?.status()).toBe(200);
		expect(await page.getByRole('heading', { name: 'Ny styrmodell' }).count()).toBe(0);
		expect((await page.goto('/admin/people'))?.status()).toBe(403);
	});
});
