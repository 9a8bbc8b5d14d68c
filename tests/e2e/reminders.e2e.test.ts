import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, signInAt, useBrowser, visit } from './support';

const browser = useBrowser();

/**
 * Reminders by e-mail, in Påminby kommun (the seed's organisation for this alone): a period due in
 * three days, with an item unreported by Rut and one by Rolf. Whether the job runner mailed them
 * before a test clicks is not known here, so a test never counts on being the first to send.
 */
const PASSWORD = 'paminby-losenord-2026';

async function signInToPaminby(page: Page, email: string) {
	await signInAt(page, '/login/paminby', email, PASSWORD);
	await page.waitForURL((url) => url.pathname === '/');
}

/** A message the in-test SMTP server received for an address, once it has arrived. */
async function mailTo(address: string, subject: RegExp): Promise<{ subject: string; text: string }> {
	const dir = inject('mailDir');
	for (let attempt = 0; attempt < 300; attempt++) {
		for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).sort().reverse() : []) {
			const mail = await simpleParser(fs.readFileSync(path.join(dir, file)));
			const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
			if (subject.test(mail.subject ?? '') && to.some((entry) => entry.value.some((value) => value.address === address))) return { subject: mail.subject ?? '', text: mail.text ?? '' };
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`No mail to ${address}`);
}

describe('reminders by e-mail', () => {
	it('an administrator sends the reminders at once; the mail arrives with a direct link that opens what to report', async () => {
		const admin = await browser.newPage();
		await signInToPaminby(admin, 'admin@paminby.se');
		await visit(admin, '/admin/reminders');
		// The page is among the administration's links.
		expect(await admin.getByRole('navigation', { name: 'Huvudmeny' }).locator('a[href="/admin/reminders"]').count()).toBeGreaterThan(0);
		const preview = admin.getByRole('table', { name: /Påminbys plan – Påminbys delår, sista dag \d{4}-\d{2}-\d{2}/ });
		expect(await preview.getByRole('row', { name: /Rut Rapportör/ }).textContent()).toMatch(/Rut Rapportör\s*1\s*(Påminns nu|Har stängt av påminnelser)/);
		expect(await admin.getByLabel('Dagar före sista dag').inputValue()).toBe('7');

		await admin.getByRole('button', { name: 'Skicka påminnelser nu' }).click();
		await expect.poll(() => admin.getByRole('status').first().textContent()).toMatch(/^Skickade: \d+\. Redan skickade tidigare: \d+\./);
		expect(await admin.getByRole('table', { name: 'Senast skickade' }).getByRole('row', { name: /Rut Rapportör/ }).textContent()).toMatch(/Rut Rapportör\s*Påminnelse\s*Påminbys delår\s*Skickat/);
		await expectAccessible(admin);

		const mail = await mailTo('rut@paminby.se', /^Påminnelse: rapportera Påminbys delår senast \d{4}-\d{2}-\d{2}$/);
		expect(mail.text).toContain('Hej Rut Rapportör!');
		expect(mail.text).toContain('- Påminbys plan › Läsfixare i Påminby');
		const link = /(http:\/\/\S+\/att-rapportera)\n/.exec(mail.text)![1];
		expect(new URL(link).origin).toBe(browser.baseURL());
		expect(mail.text).toContain(`${browser.baseURL()}/installningar`);

		const rut = await browser.newPage();
		await signInToPaminby(rut, 'rut@paminby.se');
		await rut.goto(link);
		expect(await rut.getByRole('heading', { level: 1 }).textContent()).toBe('Att rapportera');
		expect(await rut.locator('main').textContent()).toContain('Läsfixare i Påminby');
		await expectAccessible(rut);
		await admin.context().close();
		await rut.context().close();
	});

	it('a person turns reminders off on Mina inställningar, and the administrator sees it', async () => {
		const rolf = await browser.newPage();
		await signInToPaminby(rolf, 'rolf@paminby.se');
		await rolf.getByRole('link', { name: /Mina inställningar/ }).first().click();
		await rolf.waitForURL((url) => url.pathname === '/installningar');
		await expectAccessible(rolf);
		expect(await rolf.getByRole('heading', { level: 1 }).textContent()).toBe('Mina inställningar');
		// A reporter oversees nothing: no weekly digest is offered.
		expect(await rolf.getByLabel(/Veckosammanfattning/).count()).toBe(0);
		expect(await rolf.getByRole('link', { name: 'Till Din kalender' }).getAttribute('href')).toBe('/arshjul#kalender');
		const reminders = rolf.getByRole('checkbox', { name: /Påminnelser om det jag ska rapportera/ });
		await reminders.uncheck();
		await rolf.getByRole('button', { name: 'Spara', exact: true }).click();
		await expect.poll(() => rolf.getByRole('status').first().textContent()).toBe('Inställningarna är sparade.');
		expect(await reminders.isChecked()).toBe(false);
		await expectAccessible(rolf);
		await rolf.context().close();

		const admin = await browser.newPage();
		await signInToPaminby(admin, 'admin@paminby.se');
		await visit(admin, '/admin/reminders');
		const preview = admin.getByRole('table', { name: /Påminbys delår/ });
		expect(await preview.getByRole('row', { name: /Rolf Rapportör/ }).textContent()).toContain('Har stängt av påminnelser');
		// An administrator oversees reporting: the weekly digest is offered on their settings.
		await visit(admin, '/installningar');
		expect(await admin.getByRole('checkbox', { name: /Veckosammanfattning av rapporteringen/ }).isChecked()).toBe(false);
		await admin.context().close();
	});
});
