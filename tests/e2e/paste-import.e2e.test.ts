import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, planPath, useBrowser, visit } from './support';

const browser = useBrowser();
const LOCAL = 'Lokal utvecklingsplan Norrskolan 2025/26';
// Not the plan's first goal: the Excel round trip in documents.e2e renames that one.
const GOAL = 'Trygghet och studiero i alla klassrum';
const TABLE = 'Aktivitet\tAnsvar/Klart\tBeskrivning\nMattecoacher i åk 7\tUtvecklingsledare (del 2) okt 25\t"Två coacher.\n\nEn per arbetslag."\nMatteverkstad\tRektor VT26\tEtt rum för laborativ matematik\n';

/** What the mapping form shows: each column's choice, the list choice, and the level and placement line. */
async function mapping(page: Page) {
	return {
		activity: await page.getByLabel('Kolumn Aktivitet').inputValue(),
		combined: await page.getByLabel('Kolumn Ansvar/Klart').inputValue(),
		description: await page.getByLabel('Kolumn Beskrivning').inputValue(),
		together: await page.getByLabel('Håll ihop som ett värde').isChecked(),
		placement: await page.locator('#paste-placement').textContent()
	};
}

describe('pasting a table', () => {
	it('shows the level and placement in the preview, splits an Ansvar/Klart column, and keeps every choice after an error', async () => {
		const admin = await browser.signedIn('admin');
		const plan = await planPath(admin, LOCAL);
		await visit(admin, `${plan}/import`);
		await admin.getByLabel('Tabellen').fill(TABLE);
		await admin.getByLabel('Raderna blir').selectOption({ label: 'Aktivitet' });
		const goal = await admin.locator('#parentId option', { hasText: GOAL }).getAttribute('value');
		await admin.getByLabel('Placering').selectOption(goal!);
		await admin.getByRole('button', { name: 'Förhandsgranska' }).click();

		await expect.poll(() => admin.locator('#paste-placement').count()).toBe(1);
		expect(await mapping(admin)).toEqual({
			activity: 'title',
			combined: 'responsible+deadline',
			description: 'description',
			together: false,
			placement: `Nivå: Aktivitet. Placering: under "${GOAL}".`
		});
		expect(await admin.getByText('Kolumnen "Ansvar/Klart" anger både ansvarig och när det ska vara klart').textContent()).toContain(
			'"Utvecklingsledare (del 2) okt 25" blir ansvarig Utvecklingsledare (del 2), klart okt 25.'
		);
		await expectAccessible(admin);

		// Two title columns: refused, and the mapping comes back exactly as it was left.
		await admin.getByLabel('Kolumn Beskrivning').selectOption('title');
		await admin.getByLabel('Håll ihop som ett värde').check();
		await admin.getByRole('button', { name: 'Skapa punkterna' }).click();
		await expect.poll(() => admin.locator('#form-error').textContent()).toBe('Välj exakt en kolumn som blir rubrik.');
		expect(await mapping(admin)).toEqual({
			activity: 'title',
			combined: 'responsible+deadline',
			description: 'title',
			together: true,
			placement: `Nivå: Aktivitet. Placering: under "${GOAL}".`
		});
		await expectAccessible(admin);

		// Back to the table: the text, level, placement and heading row are as chosen.
		await admin.getByRole('button', { name: 'Ändra tabellen, nivån eller placeringen' }).click();
		await expect.poll(() => admin.getByLabel('Tabellen').inputValue()).toBe(TABLE);
		expect(await admin.locator('#levelId option:checked').textContent()).toBe('Aktivitet');
		expect(await admin.getByLabel('Placering').inputValue()).toBe(goal);
		expect(await admin.getByLabel('Första raden är rubriker').isChecked()).toBe(true);
		await expectAccessible(admin);
		// … and so is the mapping, when the table has as many columns as before.
		await admin.getByRole('button', { name: 'Förhandsgranska' }).click();
		await expect.poll(() => admin.getByLabel('Kolumn Beskrivning').inputValue()).toBe('title');
		expect(await admin.getByLabel('Håll ihop som ett värde').isChecked()).toBe(true);

		await admin.getByLabel('Kolumn Beskrivning').selectOption('description');
		await admin.getByRole('button', { name: 'Skapa punkterna' }).click();
		await expect.poll(() => admin.getByRole('status').textContent()).toMatch(/^Klart: 2 nya punkter\.$/);
		await admin.goto(plan);
		const outline = (await admin.locator('main').textContent()) ?? '';
		expect(outline).toContain('Mattecoacher i åk 7');
		expect(outline).toMatch(/Utvecklingsledare \(del 2\)/);
		expect(outline).not.toContain('Utvecklingsledare (del 2) okt 25');
	});

	it('tells in the preview and on the item that a deadline such as "vår/höst" gives no date', async () => {
		const admin = await browser.signedIn('admin');
		const plan = await planPath(admin, LOCAL);
		await visit(admin, `${plan}/import`);
		await admin.getByLabel('Tabellen').fill('Aktivitet\tKlart\nLäxläsning med mentor\tvår/höst\n');
		await admin.getByLabel('Raderna blir').selectOption({ label: 'Aktivitet' });
		const goal = await admin.locator('#parentId option', { hasText: GOAL }).getAttribute('value');
		await admin.getByLabel('Placering').selectOption(goal!);
		await admin.getByRole('button', { name: 'Förhandsgranska' }).click();
		await expect.poll(() => admin.getByText('Klart utan datum: "vår/höst".').count()).toBe(1);
		await admin.getByRole('button', { name: 'Skapa punkterna' }).click();
		await expect.poll(() => admin.getByRole('status').textContent()).toMatch(/^Klart: 1 ny punkt\.$/);

		await admin.goto(plan);
		expect(await admin.locator('main').textContent()).toMatch(/vår\/höst\s\(inget datum\)/);
		await admin.getByRole('link', { name: 'Läxläsning med mentor' }).first().click();
		await admin.waitForURL(/\/nodes\//);
		expect(await admin.locator('main').textContent()).toMatch(/vår\/höst\s\(inget datum\)Det går inte att räkna ut ett datum ur det som står, så punkten kan inte visas som försenad\./);
		await expectAccessible(admin);
	});
});
