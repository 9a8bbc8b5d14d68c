import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectAccessible, pickUnit, scriptsReady, useBrowser, visit } from './support';

const browser = useBrowser();

async function addLevel(page: Page, names: [string, string, string, string]) {
	const form = page.locator('section', { has: page.getByRole('heading', { name: 'Lägg till nivå' }) });
	for (const [id, value] of ['nameSv', 'namePluralSv', 'nameEn', 'namePluralEn'].map((id, index) => [id, names[index]])) {
		await form.locator(`#new-${id}`).fill(value);
	}
	await form.getByRole('button', { name: 'Lägg till nivå' }).click();
	await page.waitForLoadState();
}

const levelCard = (page: Page, index: number) => page.locator('ol.outline > li').nth(index);

async function saveLevelSettings(level: Locator, change: (form: Locator) => Promise<void>) {
	await level.locator('summary', { hasText: 'Inställningar' }).click();
	const form = level.locator('form[action="?/updateLevel"]');
	await change(form);
	await form.getByRole('button', { name: 'Spara' }).click();
}

async function addField(page: Page, level: Locator, type: string, labelSv: string, labelEn: string) {
	await level.locator('summary', { hasText: 'Lägg till fält' }).click();
	const form = level.locator('details', { has: page.locator('summary', { hasText: 'Lägg till fält' }) }).locator('form');
	await form.getByLabel('Typ', { exact: true }).selectOption({ label: type });
	await form.getByLabel('Etikett (svenska)').fill(labelSv);
	await form.getByLabel('Etikett (engelska)').fill(labelEn);
	await form.getByRole('button', { name: 'Lägg till fält' }).click();
	await page.waitForLoadState();
}

/** Opens an item's action menu on the plan page (edit, move, add below, remove). */
const openMenu = (page: Page, title: string) => page.locator(`.item-menu > summary[aria-label="Åtgärder: ${title}"]`).click();

const activityTitles = (page: Page) => page.locator('.outline .item:has(.badge:text-is("Aktivitet")) a.title').allTextContents();

describe('an administrator builds a steering model and a plan in it', () => {
	it('creates the model, a plan on three levels, fills fields, reorders and adopts it', async () => {
		const page = await browser.signedIn('admin');

		// A steering model from nothing.
		await visit(page, '/frameworks');
		await page.getByLabel('Namn', { exact: true }).fill('Skolans modell');
		await page.getByLabel('En tom styrmodell').check();
		await page.getByRole('button', { name: 'Skapa styrmodellen' }).click();
		await expect.poll(() => page.url()).toMatch(/\/frameworks\/[0-9a-f-]{36}$/);
		await expectAccessible(page);
		await addLevel(page, ['Fokusområde', 'Fokusområden', 'Focus area', 'Focus areas']);
		await addLevel(page, ['Mål', 'Mål', 'Goal', 'Goals']);
		await addLevel(page, ['Aktivitet', 'Aktiviteter', 'Activity', 'Activities']);
		await saveLevelSettings(levelCard(page, 0), (form) => form.getByRole('group', { name: 'Får innehålla' }).getByLabel('Mål').check());
		await saveLevelSettings(levelCard(page, 1), async (form) => {
			await form.getByRole('group', { name: 'Får innehålla' }).getByLabel('Aktivitet').check();
			await form.getByLabel('Bedömning och analys').check();
		});
		await saveLevelSettings(levelCard(page, 2), async (form) => {
			await form.getByLabel('Status och kommentar').check();
			await form.getByLabel('Rad i en tabell').check();
		});
		await addField(page, levelCard(page, 2), 'Klart senast', 'Klart', 'Due');
		await addField(page, levelCard(page, 2), 'Tal', 'Antal elever', 'Number of pupils');
		await addField(page, levelCard(page, 2), 'Ansvariga', 'Ansvarig', 'Responsible');
		await expect.poll(() => levelCard(page, 2).locator('tbody th').allTextContents()).toEqual(['Beskrivning', 'Klart', 'Antal elever', 'Ansvarig']);
		// The item's parts in the organisation's order: the deadline before the description.
		await levelCard(page, 2).getByRole('button', { name: /^Flytta ner\s*: Beskrivning$/ }).click();
		await expect.poll(() => levelCard(page, 2).locator('tbody th').allTextContents()).toEqual(['Klart', 'Beskrivning', 'Antal elever', 'Ansvarig']);
		await expectAccessible(page);

		// A plan in it.
		await visit(page, '/plans');
		await scriptsReady(page);
		const newPlan = page.getByRole('region', { name: 'Ny plan' });
		await newPlan.getByLabel('Titel').fill('Läsplan Norrskolan 2026/27');
		await newPlan.getByLabel('Styrmodell').selectOption({ label: 'Skolans modell' });
		await pickUnit(newPlan, 'Ägare', 'Norrskolan (Skolenhet)');
		await newPlan.getByLabel('Typ av plan').selectOption({ label: 'Lokal plan' });
		await newPlan.getByLabel('Ett läsår', { exact: true }).check();
		await newPlan.locator('#startYear').fill('2026');
		await newPlan.getByRole('button', { name: 'Skapa planen' }).click();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Läsplan Norrskolan 2026/27');
		await expectAccessible(page);
		const planUrl = page.url();

		// Items on three levels.
		await page.getByRole('link', { name: 'Lägg till Fokusområde' }).click();
		await expectAccessible(page);
		await page.getByLabel('Rubrik').fill('Läsning');
		await page.getByRole('button', { name: 'Spara' }).click();
		await openMenu(page, 'Läsning');
		await page.getByRole('link', { name: 'Lägg till Mål under Läsning' }).click();
		await page.getByLabel('Rubrik').fill('Alla elever läser med flyt i åk 3');
		await page.getByRole('button', { name: 'Spara' }).click();
		for (const [title, due, pupils] of [
			['Läsfixare i åk 1', 'VT27', '48'],
			['Bokcirklar i åk 2', 'december', '']
		]) {
			await openMenu(page, 'Alla elever läser med flyt i åk 3');
			await page.getByRole('link', { name: 'Lägg till Aktivitet under Alla elever läser med flyt i åk 3' }).click();
			const order = await page.locator('form label[for]').evaluateAll((labels) => labels.map((label) => label.getAttribute('for')));
			expect(order.indexOf('field-deadline')).toBeLessThan(order.indexOf('description'));
			await page.getByLabel('Rubrik').fill(title);
			await page.getByLabel('Klart').fill(due);
			await page.getByLabel('Antal elever').fill(pupils);
			// Responsible is picked from the organisation's role titles and people, never typed into being.
			await page.locator('input[role="combobox"]').fill('Rektor Norrskolan');
			await page.getByRole('listbox').getByRole('option', { name: 'Rektor Norrskolan', exact: true }).click();
			await page.getByRole('button', { name: 'Spara' }).click();
		}
		await expect.poll(() => activityTitles(page)).toEqual(['Läsfixare i åk 1', 'Bokcirklar i åk 2']);
		await expect.poll(() => page.locator('.outline').textContent()).toMatch(/VT27\s\(30 juni 2027\)/);
		await expect.poll(() => page.locator('.outline').textContent()).toMatch(/december\s\(31 december 2026\)/);
		await expectAccessible(page);

		// Reorder.
		await openMenu(page, 'Läsfixare i åk 1');
		await page.getByRole('button', { name: 'Flytta ner: Läsfixare i åk 1' }).click();
		await expect.poll(() => activityTitles(page)).toEqual(['Bokcirklar i åk 2', 'Läsfixare i åk 1']);

		// A value that breaks its field is refused with the field's name, and nothing is written.
		await openMenu(page, 'Alla elever läser med flyt i åk 3');
		await page.getByRole('link', { name: 'Lägg till Aktivitet under Alla elever läser med flyt i åk 3' }).click();
		await page.getByLabel('Rubrik').fill('Felaktig aktivitet');
		await page.getByLabel('Antal elever').fill('många');
		await page.getByRole('button', { name: 'Spara' }).click();
		await expect.poll(() => page.getByRole('alert').textContent()).toBe('Fältet "Antal elever" ska vara ett tal, t.ex. 12 eller 12,5, inte "många".');
		await expect.poll(() => page.getByLabel('Rubrik').inputValue()).toBe('Felaktig aktivitet');
		await expectAccessible(page);
		await page.goto(planUrl);
		await expect.poll(() => activityTitles(page)).toEqual(['Bokcirklar i åk 2', 'Läsfixare i åk 1']);

		// A chapter.
		await page.getByRole('link', { name: 'Lägg till kapitel' }).click();
		await expectAccessible(page);
		await page.getByLabel('Rubrik').fill('Inledning');
		await page.getByLabel('Text').fill('Vi **läser** mer tillsammans.');
		await page.getByRole('button', { name: 'Spara' }).click();
		await page.locator('summary', { hasText: 'Inledning' }).click();
		await expect.poll(() => page.locator('.rich strong').first().textContent()).toBe('läser');

		// Adopt: afterwards the plan is read-only.
		await page.getByRole('link', { name: 'Fastställ planen' }).click();
		await expectAccessible(page);
		await page.getByLabel('Fastställd av').fill('Rektor Eva Berg');
		await page.getByLabel('Datum').fill('2026-08-15');
		await page.getByLabel('Diarienummer').fill('Dnr 2026/12');
		await page.getByRole('button', { name: 'Fastställ planen' }).click();
		await expect.poll(async () => (await page.locator('#adoption').textContent())?.replace(/\s+/g, ' ')).toContain('Fastställd av Rektor Eva Berg den 15 augusti 2026 · Dnr 2026/12');
		expect(await page.getByRole('link', { name: /Lägg till/ }).count()).toBe(0);
		expect(await page.getByRole('button', { name: /Flytta/ }).count()).toBe(0);
		expect(await page.locator('.item-menu').count()).toBe(0);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Läsfixare i åk 1' }).click();
		expect(await page.getByRole('heading', { name: 'Redigera' }).count()).toBe(0);
		await expectAccessible(page);
	});
});
