import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, planPath, useBrowser, visit } from './support';

const browser = useBrowser();

/** Invites people through the page's own form action (no mail is read): names sort last ('Ö'), so the demo's people stay on page one. */
async function invite(page: Page, count: number) {
	const html = await (await page.request.get('/admin/people')).text();
	const unitId = /id="invite-unit"[^>]*>[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(html)![1];
	for (let n = 1; n <= count; n++) {
		const name = `Örjan Testsson ${String(n).padStart(2, '0')}`;
		const response = await page.request.post('/admin/people?/invite', {
			form: { name, email: `orjan.${n}@exempelkommun.se`, role: 'reader', unitId },
			headers: { origin: browser.baseURL() }
		});
		expect(response.status(), name).toBeLessThan(400);
	}
}

describe('Personer', () => {
	it('finds a person by search, pages through everyone, and edits a person in a dialog by keyboard', { timeout: 120_000 }, async () => {
		const page = await browser.signedIn('admin');
		await invite(page, 21);
		await visit(page, '/admin/people');
		const pager = page.getByRole('navigation', { name: 'Bläddra bland personerna' });
		expect(await pager.textContent()).toMatch(/Visar 1–20 av 2\d/);
		expect(await page.locator('tbody tr').count()).toBe(20);
		await pager.getByRole('link', { name: 'Nästa sida' }).click();
		await page.waitForURL((url) => url.searchParams.get('page') === '2');
		expect(await page.locator('tbody th').allTextContents()).toContainEqual(expect.stringContaining('Örjan Testsson 21'));
		await expectAccessible(page);

		// Search: name, e-mail or role title, case as typed or not.
		await page.getByLabel('Sök person').fill('örjan testsson 07');
		await page.getByRole('button', { name: 'Sök', exact: true }).click();
		await page.waitForURL((url) => url.searchParams.get('q') === 'örjan testsson 07');
		expect((await page.locator('tbody th').allTextContents()).map((text) => text.trim())).toEqual(['Örjan Testsson 07']);

		// The dialog, by keyboard: open, give a role title, hear it saved, close with Escape, focus back on the button.
		await page.waitForFunction(() => document.querySelector('button.nav-menu-button') !== null); // scripts have taken over
		const edit = page.getByRole('button', { name: /^Redigera ?: Örjan Testsson 07$/ });
		await edit.focus();
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name: 'Örjan Testsson 07' });
		await expect.poll(() => dialog.isVisible()).toBe(true);
		expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
		await expectAccessible(page);
		await dialog.getByLabel('Rolltitel').focus();
		await page.keyboard.type('Rektor Norrskolan');
		await page.keyboard.press('Enter');
		await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Ändringen är sparad.');
		expect(await dialog.locator('li').allTextContents()).toContainEqual(expect.stringContaining('Rektor Norrskolan'));
		expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
		await page.keyboard.press('Escape');
		await expect.poll(() => dialog.count()).toBe(0);
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Redigera: Örjan Testsson 07');
		expect(await page.locator('tbody tr').textContent()).toContain('Rektor Norrskolan');
		// The role title is searchable too.
		await page.goto('/admin/people?q=rektor%20norrskolan');
		expect(await page.locator('tbody th').allTextContents()).toContainEqual(expect.stringContaining('Örjan Testsson 07'));
		await page.context().close();
	});

	it('edits a person on the person\'s own page, the dialog\'s fallback without scripts', { timeout: 180_000 }, async () => {
		const page = await browser.signedIn('admin');
		const html = await (await page.request.get('/admin/people?q=planerare')).text();
		const href = /href="(\/admin\/people\/[0-9a-f-]{36})"/.exec(html)![1];
		await visit(page, href);
		expect(await page.getByRole('navigation', { name: 'Du är här' }).textContent()).toMatch(/Start\s*›?\s*Personer och roller/);
		await page.getByLabel('Rolltitel').fill('Planeringschef');
		await page.getByRole('button', { name: 'Lägg till' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toBe('Ändringen är sparad.');
		expect(await page.locator('main').textContent()).toContain('Planeringschef');
		await expectAccessible(page);
		await page.context().close();
	});
});

describe('Statusar och bedömningar', () => {
	it('is a compact table; a value is edited in a dialog', { timeout: 180_000 }, async () => {
		const page = await browser.signedIn('admin');
		await visit(page, '/admin/scales');
		const statuses = page.getByRole('region', { name: 'Statusar' });
		expect(await statuses.locator('tbody tr').count()).toBeGreaterThan(3);
		await page.waitForFunction(() => document.querySelector('button.nav-menu-button') !== null); // scripts have taken over
		await statuses.getByRole('button', { name: /^Redigera ?: Pågående$/ }).click();
		const dialog = page.getByRole('dialog', { name: 'Pågående' });
		await expect.poll(() => dialog.isVisible()).toBe(true);
		await expectAccessible(page);
		await dialog.getByLabel('Benämning på engelska').fill('Ongoing');
		await dialog.getByRole('button', { name: 'Spara' }).click();
		await expect.poll(() => dialog.count()).toBe(0);
		await expect.poll(() => page.getByRole('status').textContent()).toBe('Sparat.');
		await page.context().close();
	});
});

describe('Ändringslogg', () => {
	it('reads as sentences, pages by keyset and filters by person, item name, kind and date', { timeout: 180_000 }, async () => {
		const page = await browser.signedIn('admin');
		await visit(page, '/admin/audit');
		const sentences = () => page.locator('.audit-log .sentence').allTextContents();
		const first = await sentences();
		expect(first.length).toBe(50);
		expect(first.join('\n')).not.toMatch(/follow_up\.|node\.create|[0-9a-f]{8}-[0-9a-f]{4}-/);

		// Older, then back to newer: the same first page again.
		const pager = page.getByRole('navigation', { name: 'Bläddra i ändringsloggen' });
		await pager.getByRole('link', { name: 'Äldre ändringar' }).click();
		await page.waitForURL((url) => url.searchParams.has('after'));
		const second = await sentences();
		expect(second.length).toBeGreaterThan(0);
		await pager.getByRole('link', { name: 'Nyare ändringar' }).click();
		await page.waitForURL((url) => url.searchParams.has('before'));
		expect(await sentences()).toEqual(first);

		// Item by name (a demo item's title), with kind and person.
		const plan = await planPath(page, 'Verksamhetsplan 2025');
		const document = (await (await page.request.get(`/api/v1${plan}`)).json()) as { tree: { title: string }[] };
		const title = document.tree[0].title;
		await page.goto('/admin/audit');
		await page.getByLabel('Punkt (namn eller nummer)').fill(title.slice(0, 12).toLocaleLowerCase('sv'));
		await page.getByLabel('Slag av ändring').selectOption({ label: 'Punkter och indikatorer' });
		await page.getByLabel('Vem').selectOption({ label: 'Exempeldata' });
		await page.getByRole('button', { name: 'Visa', exact: true }).click();
		await page.waitForURL((url) => url.searchParams.get('kind') === 'item');
		const found = await sentences();
		expect(found.length).toBeGreaterThan(0);
		expect(found.every((sentence) => sentence.startsWith('Exempeldata ') && sentence.toLocaleLowerCase('sv').includes(title.slice(0, 12).toLocaleLowerCase('sv')))).toBe(true);
		expect(await page.getByLabel('Punkt (namn eller nummer)').inputValue()).toBe(title.slice(0, 12).toLocaleLowerCase('sv'));
		await expectAccessible(page);

		// A date range with nothing in it, and a date that is not one.
		await page.goto('/admin/audit?from=2000-01-01&to=2000-01-31');
		expect(await page.locator('main').textContent()).toContain('Inga ändringar.');
		const bad = await page.goto('/admin/audit?from=2025-99-99');
		expect(bad?.status()).toBe(200);
		expect(await page.locator('main').textContent()).not.toContain('Inga ändringar.');
		await page.context().close();
	});
});

describe('Att rapportera, breadcrumbs and the error page', () => {
	it('says which item was saved at the top after a save without scripts, and marks overdue reports in words', { timeout: 180_000 }, async () => {
		const page = await browser.signedIn('reporter');
		await page.goto('/att-rapportera');
		const row = page.locator('form.report-row').first();
		const nodeId = (await row.locator('input[name="nodeId"]').inputValue())!;
		const title = (await row.locator('h2').textContent())!.trim();
		// The address a save without scripts is answered with.
		await visit(page, `/att-rapportera?saved=${nodeId}`);
		expect(title.endsWith((await page.getByRole('status').textContent())!.replace('Sparat: ', ''))).toBe(true);
		expect(await page.getByRole('status').textContent()).toMatch(/^Sparat: ./);
		// Overdue rows (the demo's periods are past) say so in words, not by colour alone.
		const overdue = page.locator('form.report-row.overdue');
		for (const text of await overdue.allTextContents()) expect(text).toMatch(/Försenad[\s\S]*Skulle ha rapporterats senast/);
		expect(await page.getByRole('navigation', { name: 'Du är här' }).getByRole('link', { name: 'Start' }).count()).toBe(1);
		await page.context().close();
	});

	it('a page that does not exist says it was not found, not that something went wrong', async () => {
		const page = await browser.signedIn('admin');
		const response = await page.goto('/finns-inte');
		expect(response?.status()).toBe(404);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sidan hittades inte');
		expect(await page.locator('main').textContent()).not.toContain('Något gick fel');
		expect(await page.title()).toBe('Sidan hittades inte – Styrkedjan');
		await expectAccessible(page);
		await page.context().close();
	});
});
