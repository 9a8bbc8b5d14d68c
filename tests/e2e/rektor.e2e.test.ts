import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, planPath, useBrowser, visit } from './support';

const browser = useBrowser();

/**
 * The steering chain from the school's side. The demo's rektor is a planner on Lindskolan F–6 only:
 * she reads the organiser's adopted plan, builds her school's plan under the organiser's goals (which
 * she cannot change), reports her activities and assesses the goals for her school — and never sees
 * another school's draft, in the list, by address or through the API.
 */
const OWN = 'Verksamhetsplan 2025 – Lindskolan F–6';
const OTHER = 'Verksamhetsplan 2025 – Lindskolan 7–9';
const SAFE = 'Trygga barn och elever med lust att lära';

const openMenu = (page: Page, title: string) => page.locator(`.item-menu > summary[aria-label="Åtgärder: ${title}"]`).click();

describe("the rektor's own school in the steering chain", () => {
	it("sees her school's plan and the organiser's, never another school's draft", { timeout: 120_000 }, async () => {
		const admin = await browser.signedIn('admin');
		const other = await planPath(admin, OTHER);
		await admin.context().close();

		const page = await browser.signedIn('rektor');
		const titles = ((await (await page.request.get('/api/v1/plans')).json()) as { title: string }[]).map((plan) => plan.title);
		expect(titles).toContain(OWN);
		expect(titles).toContain('Verksamhetsplan 2025');
		expect(titles).not.toContain(OTHER);
		await visit(page, '/plans');
		expect(await page.locator('main').textContent()).not.toContain(OTHER);

		for (const address of [other, `${other}/follow-up`, `${other}/overview`, `${other}/export?format=docx`]) {
			const response = await page.goto(address);
			expect(response?.status(), address).toBe(403);
		}
		await expectAccessible(page);
		expect((await page.request.get(`/api/v1${other}`)).status()).toBe(403);
		await page.context().close();
	});

	it('adds an activity under the organiser\'s goal, reports it, and assesses the goal for her school', { timeout: 180_000 }, async () => {
		const page = await browser.signedIn('rektor');
		const own = await planPath(page, OWN);
		await visit(page, own);
		// The organiser's goal stands in her plan as its anchor: marked, and not hers to change.
		const anchor = page.locator('.outline .item', { has: page.locator('a.title', { hasText: SAFE }) }).first();
		expect(await anchor.textContent()).toContain('Huvudmannens mål');
		await expectAccessible(page);

		const title = `Vuxna i omklädningsrummen inför idrotten ${Date.now()}`;
		await openMenu(page, SAFE);
		await page.getByRole('link', { name: `Lägg till Aktivitet under ${SAFE}` }).click();
		await page.getByLabel('Rubrik').fill(title);
		await page.getByLabel('Klart').fill('HT25');
		await page.locator('input[role="combobox"]').fill('Rektor Lindskolan F–6');
		await page.getByRole('listbox').getByRole('option', { name: 'Rektor Lindskolan F–6', exact: true }).click();
		await page.getByRole('button', { name: 'Spara' }).click();
		// Away from the form (its own address, …/nodes/new, also starts with …/nodes/): the save has been answered.
		await page.waitForURL((url) => url.pathname === own || (url.pathname.startsWith(`${own}/nodes/`) && !url.pathname.endsWith('/nodes/new')));
		await visit(page, own);
		await expect.poll(() => page.locator('.outline').textContent()).toContain(title);

		// The new activity is hers to report in the open period.
		await visit(page, '/att-rapportera');
		const row = page.locator('form.report-row', { has: page.locator('h2', { hasText: title }) });
		await row.getByLabel('Status').selectOption({ label: 'Pågående' });
		await row.getByLabel('Kommentar').fill('Vuxna finns på plats sedan augusti.');
		await row.getByRole('button', { name: /Spara/ }).click();
		await page.waitForURL((url) => url.searchParams.has('saved'));
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain(title);
		await expectAccessible(page);

		// The goal, assessed for her school: the unit's contribution to the organiser's analysis.
		await visit(page, own);
		await anchor.locator('a.title').click();
		await page.waitForURL((url) => url.pathname.startsWith(`${own}/nodes/`));
		// Its wording is the organiser's: said so, with the way to the goal itself, and no field to change it here.
		expect(await page.locator('main').textContent()).toContain('Målet kommer från huvudmannens plan');
		expect(await page.locator('textarea[name="title"], input[name="title"]:not([type="hidden"])').count()).toBe(0);
		const open = page.locator('section', { has: page.getByRole('heading', { name: /Delår 2 per 31 augusti/ }) });
		await open.getByLabel('Bedömning').selectOption({ label: 'Delvis uppfyllt' });
		await open.getByLabel(/^Analys/).fill('Otryggheten gäller omklädningsrummen; vuxna finns nu där. Följs upp i enkäten i höst.');
		await open.getByRole('button', { name: /^Spara/ }).click();
		await expect.poll(() => page.locator('main').textContent()).toContain('Otryggheten gäller omklädningsrummen');
		await expectAccessible(page);
		await page.context().close();
	});

	it("cannot change the organiser's plan", { timeout: 180_000 }, async () => {
		const page = await browser.signedIn('rektor');
		const organiser = await planPath(page, 'Verksamhetsplan 2025');
		await visit(page, organiser);
		expect(await page.locator('.item-menu').count()).toBe(0);
		expect((await page.goto(`${organiser}/cascade`))?.status()).toBe(403);
		expect((await page.goto(`${organiser}/roll-up`))?.status()).toBe(403);
		await page.context().close();
	});
});
