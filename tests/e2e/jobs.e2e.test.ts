import { describe, expect, it } from 'vitest';
import { DEMO_EMAILS, expectAccessible, signIn, signInAt, useBrowser, visit } from './support';

const browser = useBrowser();

/**
 * Background jobs as an administrator sees them (Hjulby kommun, whose admin no other test mails):
 * the jobs with their schedule (off in the test server), "Kör nu" queues a run that the job runner
 * takes by itself, and the run shows as done with what it did.
 */
describe('background jobs', () => {
	it('lists the jobs, runs one when asked and shows its outcome', { timeout: 240_000 }, async () => {
		const page = await browser.newPage();
		await signInAt(page, '/login/hjulby', 'admin@hjulby.se', 'hjulby-losenord-2026');
		await page.waitForURL((url) => url.pathname === '/');
		await visit(page, '/admin/jobs');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bakgrundsjobb');
		const row = page.getByRole('row', { name: /^Påminnelser/ });
		expect(await row.textContent()).toContain('Schemat är avstängt');
		await expectAccessible(page);

		await page.getByRole('button', { name: 'Kör nu: Påminnelser' }).click();
		await page.waitForURL((url) => url.searchParams.get('done') === 'queued');
		expect(await page.getByRole('status').first().textContent()).toContain('Påminnelser har lagts i kön');
		// The runner polls every few seconds; reload until the run is recorded (bounded, no timing asserted).
		for (let tries = 0; tries < 60 && !((await row.textContent()) ?? '').includes('Klar'); tries++) {
			await page.waitForTimeout(1000);
			await visit(page, '/admin/jobs');
		}
		expect(await row.textContent()).toContain('Klar');
		await expectAccessible(page);
		await page.close();
	});

	it('is refused to a planner', async () => {
		const page = await browser.newPage();
		await signIn(page, DEMO_EMAILS.planner);
		const response = await page.goto('/admin/jobs');
		expect(response?.status()).toBe(403);
		await page.close();
	});
});
