import { describe, expect, it } from 'vitest';
import { expectAccessible, useBrowser, visit } from './support';

const browser = useBrowser();

/**
 * How a level is written in documents, set in the steering model's editor: a name template (a
 * placeholder the level lacks is refused, saying which), the title column's help, and where the
 * item's own items stand among its parts.
 */
describe('an administrator says how documents write a level', () => {
	it('sets a name template and the title help, is told of an unknown placeholder, and moves the items between the parts', { timeout: 120_000 }, async () => {
		const page = await browser.signedIn('admin');
		await visit(page, '/frameworks');
		await page.getByLabel('Namn', { exact: true }).fill('Områdesmodell');
		await page.getByLabel('Område – insatser och effekter').check();
		await page.getByRole('button', { name: 'Skapa styrmodellen' }).click();
		await expect.poll(() => page.url()).toMatch(/\/frameworks\/[0-9a-f-]{36}$/);
		const area = page.locator('ol.outline > li').first();

		const saveSettings = async (fill: Record<string, string>) => {
			await area.locator('summary', { hasText: 'Inställningar' }).click();
			const form = area.locator('form[action="?/updateLevel"]');
			for (const [label, value] of Object.entries(fill)) await form.getByLabel(label, { exact: true }).fill(value);
			await form.getByRole('button', { name: 'Spara' }).click();
			await page.waitForLoadState();
		};

		// A placeholder the level does not have: refused, named, nothing saved.
		await saveSettings({ 'Mall (svenska)': 'Område: {titel}' });
		await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('{titel}');
		await expectAccessible(page);

		await saveSettings({ 'Mall (svenska)': 'Område: {title}', 'Mall (engelska)': 'Area: {title}', 'Hjälptext under rubrikkolumnen (svenska)': 'Vad ska bli bättre?' });
		await page.reload();
		await area.locator('summary', { hasText: 'Inställningar' }).click();
		await expect.poll(() => area.getByLabel('Mall (svenska)', { exact: true }).inputValue()).toBe('Område: {title}');
		await expect.poll(() => area.getByLabel('Hjälptext under rubrikkolumnen (svenska)', { exact: true }).inputValue()).toBe('Vad ska bli bättre?');

		// The area's interventions between its description and its effects, by keyboard.
		const order = () => area.locator('tbody th').allTextContents();
		await expect.poll(order).toEqual(['Beskrivning', 'Effekter', 'Kontakt', 'Underliggande punkter']);
		for (let step = 0; step < 2; step++) {
			await area.getByRole('button', { name: /^Flytta upp\s*: Underliggande punkter$/ }).focus();
			await page.keyboard.press('Enter');
			await page.waitForLoadState();
		}
		await expect.poll(order).toEqual(['Beskrivning', 'Underliggande punkter', 'Effekter', 'Kontakt']);
		await expectAccessible(page);
	});
});
