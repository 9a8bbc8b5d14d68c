import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, signInAt, useBrowser, visit } from './support';

const browser = useBrowser();

/**
 * National key figures, as an organisation starts with them: its administrator fetches Kolada's
 * catalogue (from the local stand-in), places the organisation in Kolada, a key figure is found by
 * words and linked to an indicator, the values arrive by themselves, and the item shows where they
 * came from and how the organisation compares with the country and its group. Kolby kommun is the
 * seed's organisation for this alone (a sync fills every linked indicator of its organisation).
 */
async function signInToKolby(page: Page) {
	await signInAt(page, '/login/kolby', 'admin@kolby.se', 'kolby-losenord-2026');
	await page.waitForURL((url) => url.pathname === '/');
}

describe('Kolada', () => {
	it('fetches the catalogue, links a key figure found by words, fills it and compares it', { timeout: 240_000 }, async () => {
		const page = await browser.newPage();
		await signInToKolby(page);
		await visit(page, '/admin/kolada');
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Hämta katalogen från Kolada' }).click();
		await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Katalogen är hämtad: \d+ nyckeltal\./);
		await page.getByLabel('Kommun', { exact: true }).selectOption('1280');
		await page.getByLabel('Jämförelsegrupp', { exact: true }).selectOption('G124001');
		await page.getByRole('button', { name: 'Spara', exact: true }).click();
		await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Sparat.');
		await expectAccessible(page);

		// The plan's goal: a new indicator, from a key figure searched by words.
		await visit(page, '/plans');
		await page.getByRole('link', { name: 'Kolbys plan 2025' }).first().click();
		await page.getByRole('link', { name: 'Fler elever blir behöriga till gymnasiet' }).first().click();
		await page.waitForURL((url) => url.pathname.includes('/nodes/'));
		const item = new URL(page.url()).pathname;
		await page.locator('#new-indicator > summary').click();
		await page.getByRole('link', { name: 'Sök nyckeltal i Kolada' }).click();
		await page.waitForURL((url) => url.pathname === '/kolada');
		await page.getByLabel('Ord eller id').fill('behöriga yrkesprogram');
		await page.getByRole('button', { name: 'Sök' }).click();
		await page.waitForURL((url) => url.searchParams.get('q') === 'behöriga yrkesprogram');
		await expectAccessible(page);
		const pick = page.locator('li', { has: page.getByRole('heading', { name: 'Elever i åk 9 som är behöriga till ett yrkesprogram, hemkommun, andel (%)' }) }).getByRole('link');
		expect(await pick.textContent()).toBe('Välj nyckeltalet: Elever i åk 9 som är behöriga till ett yrkesprogram, hemkommun, andel (%)');
		await pick.click();
		await page.waitForURL((url) => url.pathname === item && url.searchParams.get('kpi') === 'N15428');
		const form = page.locator('#new-indicator form');
		expect(await form.getByLabel(/^Kolada/).inputValue()).toBe('N15428');
		await form.getByLabel('Typ', { exact: true }).selectOption('percent');
		await form.getByRole('button', { name: 'Lägg till indikator' }).click();
		await expect.poll(() => page.locator('#indicators-heading + *').textContent()).toContain('N15428');

		// A made-up id is refused, naming it.
		await page.locator('#new-indicator > summary').click();
		await page.locator('#new-indicator form').getByLabel('Indikator', { exact: true }).fill('Påhittad');
		await page.locator('#new-indicator form').getByLabel(/^Kolada/).fill('N99999');
		await page.locator('#new-indicator form').getByRole('button', { name: 'Lägg till indikator' }).click();
		await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Kolada har inget nyckeltal med id N99999');

		// The values arrive: the sync fills the open period from Kolada.
		await visit(page, '/admin/kolada');
		await page.getByRole('button', { name: 'Hämta värden nu' }).click();
		await page.waitForURL((url) => url.searchParams.get('done') === 'sync');
		await expect.poll(() => page.locator('main').textContent()).toMatch(/1 ifyllda eller uppdaterade, 0 egna värden behållna, 0 misslyckade/);
		expect(await page.getByRole('table', { name: /på begäran: 1 ifyllda/ }).getByRole('row', { name: /N15428/ }).textContent()).toMatch(/N15428, 1280/);
		await expectAccessible(page);

		// Where the value came from, and the comparison beside its table.
		await visit(page, item);
		const main = page.locator('main');
		await expect.poll(() => main.textContent()).toContain('jämförelse i Kolada (N15428');
		const comparison = page.getByRole('table', { name: /i Kolada år för år/ });
		expect(await comparison.locator('thead').textContent()).toMatch(/Exempelkommun.*Riket.*Liknande kommuner/);
		expect(await comparison.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
		const outcomes = page.getByRole('table', { name: 'Elever i åk 9 som är behöriga till ett yrkesprogram, hemkommun, andel (%)', exact: true });
		expect(await outcomes.getByRole('row', { name: /Helår 2025/ }).textContent()).toContain('Kolada');
		await expectAccessible(page);
		await page.setViewportSize({ width: 320, height: 700 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await page.context().close();
	});
});
