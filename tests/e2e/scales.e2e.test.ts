import { describe, expect, it } from 'vitest';
import { expectAccessible, planPath, useBrowser, visit } from './support';

const browser = useBrowser();

describe('status set and assessment scale', () => {
	it('an administrator adds a status, is told plainly when its colour is too pale, and the new status is offered in reports', async () => {
		const admin = await browser.signedIn('admin');
		await visit(admin, '/admin/scales');
		const add = admin.locator('form[action="?/add"]').filter({ has: admin.locator('input[name="kind"][value="status"]') });
		await admin.getByText('Ny status').click();
		await add.getByLabel('Benämning', { exact: true }).fill('Blek status');
		await add.getByLabel('Färg').fill('#ffee58');
		await add.getByRole('button', { name: 'Lägg till' }).click();
		await expect.poll(() => admin.getByRole('alert').textContent()).toContain('Färgen syns för dåligt mot vit bakgrund');
		// What was typed is still there to correct.
		expect(await add.getByLabel('Benämning', { exact: true }).inputValue()).toBe('Blek status');
		await expectAccessible(admin);

		await add.getByLabel('Benämning', { exact: true }).fill('Pausad');
		await add.getByLabel('Benämning på engelska').fill('Paused');
		await add.getByLabel('Färg').fill('#5b21b6');
		await add.getByLabel('Betydelse').selectOption({ label: 'Pågår' });
		await add.getByRole('button', { name: 'Lägg till' }).click();
		await expect.poll(() => admin.getByRole('status').textContent()).toBe('Sparat.');
		await expect.poll(() => admin.locator('section[aria-labelledby="heading-status"] tbody th').allTextContents()).toContainEqual(expect.stringContaining('Pausad'));
		await expectAccessible(admin);

		await admin.goto(`${await planPath(admin, 'Utbildningsförvaltningens verksamhetsplan 2025')}/follow-up`);
		expect(await admin.locator('select[name="status"] option').allTextContents()).toContain('Pausad');
	});

	it('is for administrators only', async () => {
		const reader = await browser.signedIn('reader');
		const response = await reader.goto('/admin/scales');
		expect(response?.status()).toBe(403);
		expect(await reader.locator('header').textContent()).not.toContain('Statusar och bedömningar');
	});
});
