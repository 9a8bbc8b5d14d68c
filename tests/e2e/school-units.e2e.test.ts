import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, signIn, useBrowser, visit } from './support';
import { recordedUnits } from '../peers/school-unit-register';

const browser = useBrowser();

/** Norrby's administrator (the second organisation of the seed): the demo's own unit tree is left as it is. */
async function norrbyAdmin(): Promise<Page> {
	const page = await browser.newPage();
	await signIn(page, 'admin@norrby.se', 'norrby-losenord-2026');
	return page;
}

async function fitsWidth(page: Page): Promise<boolean> {
	return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('school units from the school unit register', () => {
	it('an administrator previews the register\'s units and applies them by keyboard, then filters them by kind and school form', async () => {
		const admin = await norrbyAdmin();
		await visit(admin, '/organisation');
		await admin.getByRole('link', { name: 'Skolenheter från skolenhetsregistret' }).focus();
		await admin.keyboard.press('Enter');
		await admin.waitForURL((url) => url.pathname === '/organisation/school-units');
		await expectAccessible(admin);
		await admin.getByRole('link', { name: 'Hämta skolenheter' }).focus();
		await admin.keyboard.press('Enter');
		await admin.waitForURL((url) => url.pathname === '/organisation/school-units/import');
		await expectAccessible(admin);

		// The parent is chosen and the municipality typed, then the preview is asked for, all from the keyboard.
		await admin.getByLabel('Lägg nya enheter under').focus();
		expect(await admin.getByLabel('Lägg nya enheter under').locator('option:checked').textContent()).toContain('Norrby kommun');
		await admin.keyboard.press('Tab');
		await admin.keyboard.type('1280');
		await admin.getByRole('button', { name: 'Förhandsgranska' }).focus();
		await admin.keyboard.press('Enter');
		await expect.poll(() => admin.locator('#preview-summary').textContent()).toBe(
			'Under ”Norrby kommun”: 7 läggs till, 0 byter namn, 0 markeras som nedlagda, 0 öppnas igen, 0 får nya skolformer, 0 är oförändrade.'
		);
		const rows = await admin.locator('section[aria-labelledby="preview-heading"] tbody tr').allInnerTexts();
		expect(rows).toHaveLength(7);
		expect(rows[0]).toMatch(/12801001\s+Ekbackens förskola\s+Förskoleenhet\s+Förskola\s+Läggs till/);
		await expectAccessible(admin);
		await admin.setViewportSize({ width: 320, height: 800 });
		expect(await fitsWidth(admin)).toBe(true);
		await expectAccessible(admin);
		await admin.setViewportSize({ width: 1280, height: 800 });

		await admin.getByRole('button', { name: 'Genomför ändringarna' }).focus();
		await admin.keyboard.press('Enter');
		await admin.waitForURL((url) => url.pathname === '/organisation/school-units');
		expect(await admin.getByRole('status').textContent()).toContain('Skolenheterna är inlästa: 7 tillagda');
		const closed = admin.locator('tbody tr').filter({ hasText: 'Sjöbodaskolan' });
		expect(await closed.innerText()).toMatch(/Skolenhet\s+12801006\s+Förskoleklass, Grundskola\s+Nedlagd 2025-06-30/);
		await expectAccessible(admin);

		await admin.getByLabel('Typ').selectOption({ label: 'Förskoleenhet' });
		await admin.getByRole('button', { name: 'Visa' }).focus();
		await admin.keyboard.press('Enter');
		await admin.waitForURL((url) => url.searchParams.get('kind') === 'preschool_unit');
		expect(await admin.locator('tbody th').allTextContents()).toEqual(['Ekbackens förskola']);
		await admin.goto('/organisation/school-units?form=GY');
		expect(await admin.locator('tbody th').allTextContents()).toEqual(['Tallgymnasiet']);
		await admin.setViewportSize({ width: 320, height: 800 });
		expect(await fitsWidth(admin)).toBe(true);
		await expectAccessible(admin);
		await admin.setViewportSize({ width: 1280, height: 800 });

		// The API gives the same units.
		const units = (await (await admin.request.get('/api/v1/units?kind=school_unit&schoolForm=GR')).json()) as { name: string; schoolUnitCode: string; closedOn: string | null }[];
		expect(units.map((unit) => [unit.schoolUnitCode, unit.name, unit.closedOn])).toEqual([
			['12801005', 'Björkskolan', null],
			['12801003', 'Lindskolan 7–9', null],
			['12801002', 'Lindskolan F–6', null],
			['12801006', 'Sjöbodaskolan', '2025-06-30']
		]);

		// A second look at the register changes nothing.
		await admin.goto('/organisation/school-units/import');
		await admin.getByLabel('Eller huvudmannens organisationsnummer').fill('212000-1280');
		await admin.getByRole('button', { name: 'Förhandsgranska' }).click();
		await expect.poll(() => admin.locator('#preview-summary').textContent()).toContain('0 läggs till, 0 byter namn, 0 markeras som nedlagda, 0 öppnas igen, 0 får nya skolformer, 7 är oförändrade.');
	});

	it('reads a file of the register\'s JSON, and refuses a file in another format with what was expected', async () => {
		const admin = await norrbyAdmin();
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'school-units-'));
		try {
			const answers = recordedUnits();
			answers[3].data.attributes.displayName = 'Tallgymnasiet (Tallbacken)';
			fs.writeFileSync(path.join(dir, 'register.json'), JSON.stringify(answers));
			fs.writeFileSync(path.join(dir, 'plan.json'), JSON.stringify({ format: 'styrkedjan-plan', tree: [] }));

			await visit(admin, '/organisation/school-units/import');
			await admin.getByLabel('Eller en fil från registret (JSON)').setInputFiles(path.join(dir, 'plan.json'));
			await admin.getByRole('button', { name: 'Förhandsgranska' }).click();
			await expect.poll(() => admin.locator('#file').getAttribute('aria-invalid')).toBe('true');
			expect(await admin.locator('form').filter({ has: admin.locator('#file') }).innerText()).toContain(
				'Filen är inte i skolenhetsregistrets format (vid data). Väntat: JSON från Skolverkets skolenhetsregister (API v2)'
			);
			await expectAccessible(admin);

			await admin.getByLabel('Eller en fil från registret (JSON)').setInputFiles(path.join(dir, 'register.json'));
			await admin.getByRole('button', { name: 'Förhandsgranska' }).click();
			await expect.poll(() => admin.locator('#preview-summary').isVisible()).toBe(true);
			const renamed = admin.locator('section[aria-labelledby="preview-heading"] tbody tr').filter({ hasText: '12801004' });
			expect(await renamed.innerText()).toContain('Byter namn från ”Tallgymnasiet”');
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('works without JavaScript: preview and apply are plain form posts', async () => {
		const withScripts = await browser.newPage();
		const context = await withScripts.context().browser()!.newContext({ baseURL: browser.baseURL(), locale: 'sv-SE', javaScriptEnabled: false });
		const admin = await context.newPage();
		await signIn(admin, 'admin@norrby.se', 'norrby-losenord-2026');
		// (axe runs on the pages with scripts, above: it needs them to run at all)
		expect((await admin.goto('/organisation/school-units/import'))?.status()).toBe(200);
		await admin.getByLabel('Kommunkod').fill('12');
		await admin.getByRole('button', { name: 'Förhandsgranska' }).click();
		expect(await admin.locator('#municipalityCode').getAttribute('aria-invalid')).toBe('true');
		expect(await admin.locator('form').filter({ has: admin.locator('#municipalityCode') }).innerText()).toContain('Kommunkoden ska vara fyra siffror, till exempel 1280.');
		await admin.getByLabel('Kommunkod').fill('1280');
		await admin.getByRole('button', { name: 'Förhandsgranska' }).click();
		expect(await admin.locator('#preview-summary').textContent()).toMatch(/^Under ”Norrby kommun”: /);
		await admin.getByRole('button', { name: 'Genomför ändringarna' }).click();
		await admin.waitForURL((url) => url.pathname === '/organisation/school-units');
		expect(await admin.getByRole('status').textContent()).toContain('Skolenheterna är inlästa');
		await context.close();
	});

	it('is for administrators only', async () => {
		const reader = await browser.signedIn('reader');
		expect((await reader.goto('/organisation/school-units/import'))?.status()).toBe(403);
		expect((await reader.goto('/organisation/school-units'))?.status()).toBe(200);
		expect(await reader.getByRole('link', { name: 'Hämta skolenheter' }).count()).toBe(0);
	});
});
