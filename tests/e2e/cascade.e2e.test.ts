import { describe, expect, it } from 'vitest';
import { expectAccessible, planPath, useBrowser, visit } from './support';

const browser = useBrowser();

/**
 * The steering chain from the organiser's side: a planner sends an adopted plan's goal down to a
 * school, by keyboard; the school gets its own plan with the goal at the top. A reader may not.
 */
describe("sending an adopted plan's goals to the units", () => {
	it('gives the chosen school its own plan with the goal, and says so', { timeout: 120_000 }, async () => {
		const page = await browser.signedIn('planner');
		const plan = await planPath(page, 'Verksamhetsplan 2025');
		await visit(page, plan);
		await page.getByRole('link', { name: 'Skicka mål till enheterna' }).click();
		await page.waitForURL((url) => url.pathname === `${plan}/cascade`);
		await expectAccessible(page);
		// Where the page stands: Start › Planer › the plan › this page.
		const crumbs = page.getByRole('navigation', { name: 'Du är här' });
		expect(await crumbs.getByRole('link').allTextContents()).toEqual(['Start', 'Planer', 'Verksamhetsplan 2025']);
		expect(await crumbs.locator('[aria-current="page"]').textContent()).toBe('Skicka målen till enheterna');
		await page.getByRole('checkbox', { name: 'Trygghet', exact: true }).check();
		await page.getByRole('checkbox', { name: /^Norrskolan/ }).check();
		await page.getByRole('button', { name: 'Skicka målen' }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Nya planer: 1\. Tillagda mål: 1\./);
		await expectAccessible(page);

		// Sent again: nothing twice.
		await page.getByRole('checkbox', { name: 'Trygghet', exact: true }).check();
		await page.getByRole('checkbox', { name: /^Norrskolan/ }).check();
		await page.getByRole('button', { name: 'Skicka målen' }).click();
		await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Nya planer: 0\. Tillagda mål: 0\./);

		await page.getByRole('link', { name: 'Verksamhetsplan 2025 – Norrskolan' }).click();
		await page.waitForURL((url) => /^\/plans\/[0-9a-f-]{36}$/.test(url.pathname));
		await expect.poll(() => page.locator('main').textContent()).toContain('Trygghet');
		// The school's plan says where its goals come from; the goal is marked as the organiser's.
		expect(await page.locator('main').textContent()).toContain('Enhetens plan i styrkedjan under Verksamhetsplan 2025');
		expect(await page.locator('.outline').getByText('Huvudmannens mål').count()).toBeGreaterThan(0);
		await expectAccessible(page);
		await page.context().close();
	});

	it("opens the period for the units and shows each unit's share of the goal", { timeout: 120_000 }, async () => {
		const page = await browser.signedIn('admin');
		const plan = await planPath(page, 'Verksamhetsplan 2025');
		await visit(page, plan);
		await page.getByRole('link', { name: 'Enheternas uppföljning' }).click();
		await page.waitForURL((url) => url.pathname === `${plan}/roll-up`);
		// Norrskolan's new plan has no period yet: opened with the organiser's.
		await page.getByRole('button', { name: 'Öppna perioden för enheterna' }).click();
		await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Perioden öppnades för 1 enhet\./);
		const goal = page.locator('section', { has: page.getByRole('heading', { name: 'Trygghet' }) });
		await expect.poll(() => goal.getByRole('row', { name: /Norrskolan/ }).textContent()).toMatch(/Inte bedömd.*0 av 0 rapporterade/);
		await expectAccessible(page);
		await page.context().close();
	});

	it('is not for a reader', { timeout: 180_000 }, async () => {
		const page = await browser.signedIn('reader');
		const plan = await planPath(page, 'Verksamhetsplan 2025');
		for (const address of [`${plan}/cascade`, `${plan}/roll-up`]) {
			const response = await page.goto(address);
			expect(response?.status(), address).toBe(403);
			await expectAccessible(page);
		}
		await page.context().close();
	});
});
