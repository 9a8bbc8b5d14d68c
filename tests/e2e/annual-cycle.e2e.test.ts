import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, signInAt, useBrowser, visit } from './support';

const browser = useBrowser();

/**
 * The year's rhythm as an administrator sets it up (Hjulby kommun, the seed's organisation for this
 * alone): an annual cycle for next year, events in it, the wheel beside the same events as a list,
 * a follow-up that opens its periods in both plans at once and closes them together but for one,
 * what is coming up on the start page, and an event outside the year refused with the reason.
 */
const year = new Date().getFullYear() + 1;

async function signIn(page: Page) {
	await signInAt(page, '/login/hjulby', 'admin@hjulby.se', 'hjulby-losenord-2026');
	await page.waitForURL((url) => url.pathname === '/');
}

async function addEvent(page: Page, event: { name: string; kind: string; startsOn: string; endsOn?: string; plans?: string[] }) {
	const form = page.locator('form[action="?/addEvent"]');
	await form.getByLabel('Namn').fill(event.name);
	await form.getByLabel('Slag').selectOption({ label: event.kind });
	await form.getByLabel('Datum').fill(event.startsOn);
	if (event.endsOn) await form.getByLabel('Till och med').fill(event.endsOn);
	for (const plan of event.plans ?? []) await form.getByLabel(plan).check();
	await form.getByRole('button', { name: 'Lägg till händelse' }).click();
}

describe('the annual cycle', () => {
	it('sets up a year, shows it as a wheel beside its list, and opens and closes a follow-up in every plan at once', { timeout: 240_000 }, async () => {
		const page = await browser.newPage();
		await signIn(page);
		await visit(page, '/arshjul');
		expect(await page.locator('main').textContent()).toContain('Organisationen har inget årshjul än.');
		await expectAccessible(page);
		await page.getByLabel('År', { exact: true }).fill(String(year));
		await page.getByRole('button', { name: 'Börja ett årshjul' }).click();
		await page.waitForURL((url) => url.searchParams.has('cycle'));
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Årshjul ${year}`);

		await addEvent(page, { name: 'Delår 1 per 30 april', kind: 'Uppföljning', startsOn: `${year}-04-30`, endsOn: `${year}-05-15`, plans: ['Hjulbys verksamhetsplan', 'Hjulbys kvalitetsplan'] });
		await page.waitForURL((url) => url.hash.startsWith('#event-'));
		await addEvent(page, { name: 'Nämndens sammanträde', kind: 'Nämndsammanträde', startsOn: `${year}-02-12` });
		await page.waitForURL((url) => url.hash.startsWith('#event-'));
		await addEvent(page, { name: 'Analysdagar', kind: 'Analys', startsOn: `${year}-05-10`, endsOn: `${year}-05-20` });
		await page.waitForURL((url) => url.hash.startsWith('#event-'));
		// Another year's day: refused, saying which days this year has.
		await addEvent(page, { name: 'Fel år', kind: 'Annat', startsOn: `${year + 1}-01-10` });
		await expect.poll(() => page.getByRole('alert').first().textContent()).toContain(`utanför årshjulets år (${year}-01-01–${year}-12-31)`);

		await visit(page, '/arshjul');
		const wheel = page.getByRole('img', { name: new RegExp(`^Årshjul ${year}: 3 händelser`) });
		expect(await wheel.count()).toBeGreaterThan(0);
		const list = page.locator('ol.events > li');
		expect(await list.locator('.what a').allTextContents()).toEqual(['Nämndens sammanträde', 'Delår 1 per 30 april', 'Analysdagar']);
		expect(await list.nth(1).textContent()).toContain('Samtidigt som: Analysdagar');
		await expectAccessible(page);
		for (const width of [320, 390]) {
			await page.setViewportSize({ width, height: 800 });
			expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${width} px`).toBe(true);
		}
		await page.setViewportSize({ width: 1280, height: 800 });

		// The follow-up's periods: opened in both plans at once, closed together but for one.
		await list.nth(1).getByRole('link').click();
		await page.waitForURL((url) => /^\/arshjul\/[0-9a-f-]{36}$/.test(url.pathname));
		await page.getByRole('button', { name: 'Öppna perioderna' }).click();
		await expect.poll(() => page.getByRole('status').first().textContent()).toBe('2 perioder öppnades.');
		await page.getByRole('button', { name: 'Öppna perioderna' }).click();
		await expect.poll(() => page.getByRole('status').first().textContent()).toBe('0 perioder öppnades.');
		await page.getByRole('group', { name: 'Lämna öppna i' }).getByLabel('Hjulbys kvalitetsplan').check();
		await page.getByRole('button', { name: 'Stäng perioderna' }).click();
		await expect.poll(() => page.getByRole('status').first().textContent()).toBe('1 period stängdes.');
		await expectAccessible(page);

		// Coming up, on everyone's start page.
		await visit(page, '/');
		const coming = page.getByRole('region', { name: 'På gång i årshjulet' });
		expect(await coming.textContent()).toContain('Nämndens sammanträde');
		await page.context().close();
	});
});
