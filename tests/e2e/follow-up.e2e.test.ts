import { describe, expect, it } from 'vitest';
import { expectAccessible, planPath, scriptsReady, useBrowser, visit } from './support';

const browser = useBrowser();

describe('follow-up', () => {
	it('the second of two people saving the same report gets a clear message with the first one\'s text', async () => {
		const first = await browser.signedIn('reporter');
		const second = await browser.signedIn('reporter');
		await visit(first, '/att-rapportera');
		await second.goto('/att-rapportera');
		const row = (page: typeof first) => page.locator('form.report-row').last();
		const title = await row(first).locator('h2').textContent();
		expect(await row(second).locator('h2').textContent()).toBe(title);

		await row(first).getByLabel('Status').selectOption({ label: 'Pågående' });
		await row(first).getByLabel('Kommentar').fill('Annas text: halvvägs.');
		await row(first).getByRole('button', { name: /Spara/ }).click();
		await first.waitForURL((url) => url.searchParams.has('saved'));

		await row(second).getByLabel('Status').selectOption({ label: 'Kvarstår' });
		await row(second).getByLabel('Kommentar').fill('Bertils text: inte startat.');
		await row(second).getByRole('button', { name: /Spara/ }).click();
		const alert = second.getByRole('alert');
		await expect.poll(() => alert.textContent()).toContain('Annas text: halvvägs.');
		expect(await alert.textContent()).toContain('Omar Haddad sparade den här rapporten medan du skrev');
		expect(await second.locator('#kept-text').inputValue()).toBe('Bertils text: inte startat.');
		await expectAccessible(second);
	});

	it('a reporter reports all but one from "Att rapportera" by keyboard alone', async () => {
		const page = await browser.signedIn('reporter');
		await page.goto('/att-rapportera');
		// One row is left for the tests that look at what a reporter has to report (the suite shares one demo).
		const rows = (await page.locator('form.report-row').count()) - 1;
		expect(rows).toBeGreaterThanOrEqual(1);
		// From the top: the skip link, into the content, to the first row's status.
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		for (let report = 0; report < rows; report++) {
			if (report === 0) {
				await page.keyboard.press('Tab'); // the item's link
				await page.keyboard.press('Tab'); // its status
			} // after a save, focus is already on the next row's status
			expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('statusId');
			const title = (await page.locator('form.report-row').first().locator('h2').textContent())!.trim();
			await page.keyboard.type('Genomförd');
			await page.keyboard.press('Tab');
			await page.keyboard.type(`Klart, rapport ${report + 1}.`);
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
			await page.keyboard.press('Enter');
			await page.waitForURL((url) => url.searchParams.has('saved') && url.hash.startsWith('#row-'));
			await page.waitForLoadState();
			// The live region names the item just saved ("Sparat: Läsfixare" for "1.2 Läsfixare"); focus has moved on before it.
			const status = page.getByRole('status');
			await expect.poll(async () => { const text = (await status.textContent()) ?? ''; return text.startsWith('Sparat: ') && title.endsWith(text.slice('Sparat: '.length)); }).toBe(true);
		}
		expect(await page.locator('form.report-row').count()).toBe(1);
		await expectAccessible(page);
	});

	it('an administrator closes a period: its reports are locked, and reopening is possible', async () => {
		const admin = await browser.signedIn('admin');
		const plan = await planPath(admin, 'Utbildningsförvaltningens verksamhetsplan 2025');
		await admin.goto(plan);
		await admin.goto(`${plan}/follow-up`);
		await expectAccessible(admin);
		expect(await admin.locator('#follow-up-table').textContent()).toContain('Genomförd');
		const period = admin.locator('tr', { hasText: 'Delår 2 per 31 augusti' });
		await period.getByRole('button', { name: /^Stäng/ }).click();
		await expect.poll(() => admin.locator('main').textContent()).toContain('Perioden är stängd');
		await expectAccessible(admin);

		// The status filter narrows the table.
		await admin.locator('select[name="status"]').selectOption({ label: 'Ej rapporterad' });
		await admin.getByRole('button', { name: 'Filtrera' }).click();
		await admin.waitForURL((url) => url.searchParams.get('status') === 'none');
		expect(await admin.locator('#follow-up-table tbody').textContent()).not.toContain('Genomförd');

		await admin.locator('tr', { hasText: 'Delår 2 per 31 augusti' }).getByRole('button', { name: /^Öppna igen/ }).click();
		await expect.poll(() => admin.locator('main').textContent()).not.toContain('Perioden är stängd');
		await admin.goto('/admin/audit');
		expect(await admin.locator('.audit-log').textContent()).toContain('öppnade uppföljningstillfället ”Delår 2 per 31 augusti” igen');
	});

	it('a goal is assessed with an analysis, beside its indicators and the activities under it; every version is kept', async () => {
		const admin = await browser.signedIn('admin');
		const plan = await planPath(admin, 'Utbildningsförvaltningens verksamhetsplan 2025');
		await admin.goto(plan);
		await admin.getByRole('link', { name: 'Hållbart medarbetarskap', exact: true }).click();
		await admin.waitForURL((url) => url.pathname.includes('/nodes/'));
		const first = admin.locator('section[id^="period-"]', { has: admin.getByRole('heading', { name: /Delår 1 per 30 april/ }) });
		expect(await first.textContent()).toContain('Delvis uppfyllt');
		expect(await first.locator('table').first().textContent()).toMatch(/Sjukfrånvaro bland medarbetare\s*6,6 %\s*Ej uppnått/);
		expect(await first.textContent()).toContain('Införa gemensamma introduktionsdagar för nya rektorer');

		const open = admin.locator('section[id^="period-"]', { has: admin.getByRole('heading', { name: /Delår 2 per 31 augusti/ }) });
		for (const [assessment, analysis] of [
			['Delvis uppfyllt', 'Sjukfrånvaron minskar men målet nås inte i år.'],
			['Ej uppfyllt', 'Efter augusti: målet nås inte; insatserna förstärks.']
		]) {
			// Typed only once the page's scripts run: hydrating after the fill would put the saved text back.
			await scriptsReady(admin);
			await open.getByLabel('Bedömning').selectOption({ label: assessment });
			await open.getByLabel('Analys', { exact: false }).fill(analysis);
			await open.getByRole('button', { name: /Spara/ }).click();
			await expect.poll(() => open.textContent()).toContain(analysis);
		}
		// The indicator's outcomes over time: a chart beside a table of the same figures.
		const trend = admin.locator('figure', { hasText: 'Sjukfrånvaro bland medarbetare' });
		expect(await trend.getByRole('img').locator('svg').count()).toBe(1);
		// Each outcome says where it came from: typed in here (Kolada's would say so).
		expect(await trend.locator('tbody').textContent()).toMatch(/Delår 1 per 30 april\s*6,6 %\s*Inskrivet\s*Delår 2 per 31 augusti\s*6,1 %\s*Inskrivet\s*Målvärde\s*6 %/);
		await open.locator('summary', { hasText: 'Visa alla 2 versioner' }).click();
		expect(await open.locator('ol').textContent()).toContain('Sjukfrånvaron minskar men målet nås inte i år.');
		await expectAccessible(admin);
	});

	it('shows the overview of a plan in a period: a chart with its data table, assessments, overdue, missing, indicators', async () => {
		const admin = await browser.signedIn('admin');
		const plan = await planPath(admin, 'Utbildningsförvaltningens verksamhetsplan 2025');
		await admin.goto(plan);
		await admin.goto(`${plan}/overview`);
		await expectAccessible(admin);
		expect(await admin.getByRole('img', { name: /Stapeldiagram: antal aktiviteter per status för varje område/ }).locator('svg:visible').count()).toBe(1);
		const table = admin.getByRole('table', { name: 'Antal aktiviteter per status och område' });
		expect(await table.locator('tbody th').allTextContents()).toEqual(['Medborgare', 'Medarbetare']);
		// The status trend: every period in order, as a chart beside a table of the same figures.
		const trendChart = admin.getByRole('img', { name: /Stapeldiagram: antal aktiviteter per status vid varje uppföljningstillfälle/ });
		expect(await trendChart.locator('svg:visible').getAttribute('viewBox')).toMatch(/^0 0 760 /);
		const trend = admin.getByRole('table', { name: 'Antal aktiviteter per status och uppföljningstillfälle' });
		expect(await trend.locator('tbody th').allTextContents()).toEqual(['Delår 1 per 30 april', 'Delår 2 per 31 augusti']);
		// The closed first period as the demo reported it (two activities in progress), whatever other tests report in the open one.
		const statuses = (await trend.locator('thead th').allTextContents()).map((text) => text.trim());
		expect(statuses).toEqual(expect.arrayContaining(['Pågående', 'Genomförd', 'Ej rapporterad']));
		expect((await trend.locator('tbody tr').first().locator('th, td').allTextContents())[statuses.indexOf('Pågående')]).toBe('2');
		expect(await admin.getByRole('region', { name: 'Antal aktiviteter per status och uppföljningstillfälle' }).getAttribute('tabindex')).toBe('0');
		expect(await admin.locator('main').textContent()).toContain('Saknade rapporter per ansvarig');
		await admin.getByLabel('Uppföljningstillfälle', { exact: true }).selectOption({ label: 'Delår 1 per 30 april' });
		await admin.getByRole('button', { name: 'Visa' }).click();
		await admin.waitForURL((url) => url.searchParams.has('period'));
		expect(await admin.locator('section:has(#indicator-heading) tbody').textContent()).toMatch(/Sjukfrånvaro bland medarbetare\s*6,6 %\s*Ej uppnått/);
		await expectAccessible(admin);
		// On a phone both charts are drawn for a narrow column, so their text is not scaled down to a few pixels.
		await admin.setViewportSize({ width: 320, height: 800 });
		expect(await trendChart.locator('svg:visible').getAttribute('viewBox')).toMatch(/^0 0 300 /);
		expect(await admin.getByRole('img', { name: /för varje område/ }).locator('svg:visible').getAttribute('viewBox')).toMatch(/^0 0 300 /);
	});

	it('carries a plan over to next year after a preview of what comes along and what stays behind', async () => {
		const admin = await browser.signedIn('admin');
		const plan = await planPath(admin, 'Utbildningsförvaltningens verksamhetsplan 2025');
		await admin.goto(plan);
		await admin.goto(`${plan}/carry-over`);
		await expectAccessible(admin);
		expect(await admin.locator('section:has(#stays)').textContent()).toContain('Följa upp att alla kommunala högstadie- och gymnasieskolor har heltidsmentorer');
		expect(await admin.locator('section:has(#comes)').textContent()).toContain('Ta fram verktyg som stödjer anpassningar');
		expect(await admin.getByLabel('Titel').inputValue()).toBe('Utbildningsförvaltningens verksamhetsplan 2026');
		await admin.getByRole('button', { name: 'Skapa nästa års plan' }).click();
		await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe('Utbildningsförvaltningens verksamhetsplan 2026');
		const outline = await admin.locator('.outline').textContent();
		expect(outline).toContain('Från föregående år');
		expect(outline).not.toContain('Följa upp att alla kommunala högstadie- och gymnasieskolor har heltidsmentorer');
		await expectAccessible(admin);
	});
});
