import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_EMAILS, arrowTo, expectAccessible, pickUnit, scriptsReady, signIn, tabTo, useBrowser, visit } from './support';

const browser = useBrowser();
const NORRSKOLAN = 'Norrskolan (Skolenhet)';

async function unitId(page: Page, name: string): Promise<string> {
	const units = (await (await page.request.get('/api/v1/units')).json()) as { id: string; name: string }[];
	return units.find((unit) => unit.name === name)!.id;
}

async function withoutScripts(): Promise<Page> {
	const other = await browser.newPage();
	const context = await other.context().browser()!.newContext({ baseURL: browser.baseURL(), locale: 'sv-SE', javaScriptEnabled: false });
	const page = await context.newPage();
	page.setDefaultTimeout(20_000);
	await signIn(page, DEMO_EMAILS.admin);
	return page;
}

const tableTitles = (page: Page) => page.locator('main table tbody td:first-child').allTextContents();

describe('the unit picker', () => {
	it('creates a plan whose owner is found by typing, the arrow keys and Enter; the plans page per unit lists it', { timeout: 180_000 }, async () => {
		const page = await browser.signedIn('admin');
		await visit(page, '/plans');
		await scriptsReady(page);
		const title = `Plan via enhetsväljaren ${randomUUID().slice(0, 8)}`;
		const newPlan = page.getByRole('region', { name: 'Ny plan' });
		await newPlan.getByLabel('Titel').fill(title);
		await newPlan.getByLabel('Titel').focus();
		await tabTo(page, { id: 'ownerUnitId' }, 10);
		const box = newPlan.getByRole('combobox', { name: 'Ägare' });
		expect(await box.getAttribute('aria-expanded')).toBe('false');
		await page.keyboard.type('skol');
		await expect.poll(() => box.getAttribute('aria-expanded')).toBe('true');
		const options = page.getByRole('listbox').getByRole('option');
		// Every unit with "skol" in its name or kind, each with its kind; the names starting so come first.
		await expect.poll(() => options.allTextContents()).toContain(NORRSKOLAN);
		expect(await options.allTextContents()).toContain('Skolområde Norr (Skolområde)');
		expect((await options.allTextContents()).indexOf('Skolområde Norr (Skolområde)')).toBeLessThan((await options.allTextContents()).indexOf(NORRSKOLAN));
		await expectAccessible(page);
		// Narrower: two words, in any order.
		await page.keyboard.type(' norr');
		await expect.poll(() => options.allTextContents()).toEqual(expect.arrayContaining([NORRSKOLAN, 'Skolområde Norr (Skolområde)']));
		await arrowTo(page, NORRSKOLAN);
		await page.keyboard.press('Enter');
		await expect.poll(() => box.inputValue()).toBe(NORRSKOLAN);
		expect(await box.getAttribute('aria-expanded')).toBe('false');
		const norrskolan = await unitId(page, 'Norrskolan');
		expect(await newPlan.locator('input[type="hidden"][name="ownerUnitId"]').inputValue()).toBe(norrskolan);

		// Half-typed text that is left is not a choice: the box shows the chosen unit again.
		await page.keyboard.press('End');
		await page.keyboard.type('xyz');
		await expect.poll(() => page.getByRole('listbox').textContent()).toContain('Inget matchar.');
		await page.keyboard.press('Escape');
		await expect.poll(() => box.inputValue()).toBe(NORRSKOLAN);

		await newPlan.getByRole('button', { name: 'Skapa planen' }).click();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);

		// The plans page per unit: the school's plans (this one among them), none of the organiser's.
		await visit(page, `/plans?unit=${norrskolan}`);
		const titles = await tableTitles(page);
		expect(titles).toContain(title);
		expect(titles).not.toContain('Verksamhetsplan 2025');
		expect(await page.locator('main').textContent()).toMatch(/\d+ planer? för Norrskolan och enheterna under den\./);
	});

	it('shows the plans of a unit and the units below it, picked by keyboard; the address can be shared', { timeout: 180_000 }, async () => {
		const page = await browser.signedIn('admin');
		await visit(page, '/plans');
		await scriptsReady(page);
		const all = await tableTitles(page);
		await tabTo(page, { id: 'unit' });
		await page.keyboard.type('Skolområde Norr');
		await arrowTo(page, 'Skolområde Norr (Skolområde)');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Visa');
		await page.keyboard.press('Enter');
		const area = await unitId(page, 'Skolområde Norr');
		await page.waitForURL((url) => url.searchParams.get('unit') === area);
		await scriptsReady(page);
		const some = await tableTitles(page);
		expect(some).toContain('Lokal utvecklingsplan Norrskolan 2025/26');
		expect(some.length).toBeLessThan(all.length);
		expect(await page.getByRole('combobox', { name: 'Enhet' }).inputValue()).toBe('Skolområde Norr (Skolområde)');
		await expectAccessible(page);

		// Emptying the box is "all units" again.
		await page.getByRole('combobox', { name: 'Enhet' }).fill('');
		await page.getByRole('button', { name: 'Visa', exact: true }).click();
		await page.waitForURL((url) => url.searchParams.get('unit') === '');
		expect((await tableTitles(page)).length).toBe(all.length);
	});

	it('is a plain select without JavaScript, sent under the same name', { timeout: 180_000 }, async () => {
		const page = await withoutScripts();
		const norrskolan = await unitId(page, 'Norrskolan');
		await page.goto('/plans');
		expect(await page.locator('input[role="combobox"]').count()).toBe(0);
		await page.getByLabel('Enhet', { exact: true }).selectOption({ label: NORRSKOLAN });
		await page.getByRole('button', { name: 'Visa', exact: true }).click();
		await page.waitForURL((url) => url.searchParams.get('unit') === norrskolan);
		expect(await tableTitles(page)).toContain('Lokal utvecklingsplan Norrskolan 2025/26');
		expect(await page.locator('select#ownerUnitId option', { hasText: NORRSKOLAN }).getAttribute('value')).toBe(norrskolan);
	});

	it('invites a person to a unit, and gives a role on another unit in the person dialog', { timeout: 180_000 }, async () => {
		const page = await browser.signedIn('admin');
		await visit(page, '/admin/people');
		await scriptsReady(page);
		const name = `Enhetsväljar Testsson ${randomUUID().slice(0, 6)}`;
		const invite = page.locator('form[action="?/invite"]');
		await invite.getByLabel('Namn').fill(name);
		await invite.getByLabel('E-post').fill(`${name.split(' ').pop()}@exempelkommun.se`);
		await invite.getByLabel('Roll', { exact: true }).selectOption({ label: 'Läsare' });
		await pickUnit(invite, 'Enhet', NORRSKOLAN);
		await invite.getByRole('button', { name: 'Skicka inbjudan' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toBe('Inbjudan är skickad.');

		await page.goto(`/admin/people?q=${encodeURIComponent(name)}`);
		await scriptsReady(page);
		expect(await page.locator('tbody tr').textContent()).toContain('Norrskolan');
		await page.getByRole('button', { name: new RegExp(`^Redigera ?: ${name}$`) }).click();
		const dialog = page.getByRole('dialog', { name });
		await expect.poll(() => dialog.isVisible()).toBe(true);
		await dialog.getByLabel('Roll', { exact: true }).selectOption({ label: 'Rapportör' });
		const box = dialog.getByRole('combobox', { name: 'Enhet' }).and(dialog.locator('input'));
		await box.focus();
		await page.keyboard.type('södra');
		await expect.poll(() => page.getByRole('listbox').getByRole('option').allTextContents()).toContain('Södra gymnasiet (Skolenhet)');
		await arrowTo(page, 'Södra gymnasiet (Skolenhet)', 30);
		await page.keyboard.press('Enter');
		await expect.poll(() => box.inputValue()).toBe('Södra gymnasiet (Skolenhet)');
		await expectAccessible(page);
		await dialog.getByRole('button', { name: 'Ge en roll' }).click();
		await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Ändringen är sparad.');
		expect(await dialog.locator('li').allTextContents()).toContainEqual(expect.stringContaining('Södra gymnasiet'));
	});

	it('reflows at 320 px with its list open, and is axe-clean there', async () => {
		const page = await browser.signedIn('admin');
		await page.setViewportSize({ width: 320, height: 800 });
		await visit(page, '/plans');
		await scriptsReady(page);
		await page.getByRole('region', { name: 'Ny plan' }).getByRole('combobox', { name: 'Ägare' }).fill('skol');
		await expect.poll(() => page.getByRole('listbox').getByRole('option').count()).toBeGreaterThan(1);
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await expectAccessible(page);
	});
});

describe('tabs', () => {
	it('the statuses and the assessment scale are two tabs, moved between with the arrow keys', { timeout: 180_000 }, async () => {
		const page = await browser.signedIn('admin');
		await visit(page, '/admin/scales');
		await scriptsReady(page);
		const tabs = page.getByRole('tablist', { name: 'Statusar och bedömningar' });
		await tabs.waitFor();
		expect(await tabs.getByRole('tab').allTextContents()).toEqual(['Statusar', 'Bedömningsskala']);
		const statuses = page.getByRole('tab', { name: 'Statusar' });
		const assessments = page.getByRole('tab', { name: 'Bedömningsskala' });
		expect(await statuses.getAttribute('aria-selected')).toBe('true');
		expect(await page.getByRole('tabpanel').locator('section[aria-labelledby="heading-status"]').isVisible()).toBe(true);
		await tabTo(page, { role: 'tab' });
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Statusar');
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => assessments.getAttribute('aria-selected')).toBe('true');
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Bedömningsskala');
		await expect.poll(() => page.getByRole('tabpanel').locator('section[aria-labelledby="heading-assessment"]').isVisible()).toBe(true);
		expect(await page.getByRole('region', { name: 'Statusar' }).count()).toBe(0);
		expect(await page.getByRole('heading', { name: 'Byt skala' }).count()).toBe(1);
		await expectAccessible(page);
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => statuses.getAttribute('aria-selected')).toBe('true');
		await page.keyboard.press('End');
		await expect.poll(() => assessments.getAttribute('aria-selected')).toBe('true');

		await page.setViewportSize({ width: 320, height: 800 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await expectAccessible(page);
	});

	it('shows every panel, one after another, without JavaScript', async () => {
		const page = await withoutScripts();
		await page.goto('/admin/scales');
		expect(await page.getByRole('tablist').count()).toBe(0);
		expect(await page.locator('section[aria-labelledby="heading-status"]').isVisible()).toBe(true);
		expect(await page.locator('section[aria-labelledby="heading-assessment"]').isVisible()).toBe(true);
		expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(expect.arrayContaining(['Statusar', 'Bedömningsskala']));
	});
});
