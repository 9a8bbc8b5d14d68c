import type { Locator, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, planPath, useBrowser, visit } from './support';

const browser = useBrowser();
const PLAN = 'Utbildningsförvaltningens verksamhetsplan 2025';

/** Holds every request matching `pattern` until `release` is called: the test sees the busy state without timing. */
async function hold(page: Page, pattern: string | ((url: URL) => boolean), method?: string) {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	let sent = 0;
	await page.route(pattern, async (route: Route) => {
		if (method && route.request().method() !== method) return route.continue();
		sent += 1;
		await released;
		await route.continue();
	});
	return { release, sent: () => sent };
}

/** The busy script is running on the page (it is a plain script, also on pages SvelteKit does not run). */
async function scriptsReady(page: Page) {
	await page.waitForFunction(() => document.documentElement.hasAttribute('data-busy-ready'));
}

/** The status beside a busy link or form: the visible text and what the live region says. */
async function status(owner: Locator) {
	const id = await owner.getAttribute('data-busy-status');
	const region = owner.page().locator(`[id="${id}"]`);
	return { text: (await region.locator('[data-busy-text]').textContent())?.trim(), spoken: (await region.locator('[data-busy-live]').textContent())?.trim() };
}

/** While the answer is held the file is being sent (a held request's upload may not end) or being read. */
const SENDING_OR_READING = /^(Skickar filen … \d+ %|Läser in …)$/;

/** Clicks without waiting for what the click starts (a held post would keep Playwright's click waiting). */
async function press(button: Locator) {
	await button.evaluate((element: HTMLElement) => element.click());
}

describe('busy states and upload progress', () => {
	for (const [where, suffix] of [
		['the plan page (rendered on the server only)', ''],
		['the follow-up page (run by SvelteKit)', '/follow-up']
	] as const)
		it(`a download on ${where} is busy while the file is made, under the same name`, { timeout: 180_000 }, async () => {
			const page = await browser.signedIn('admin');
			await page.goto(`${await planPath(page, PLAN)}${suffix}`);
			await scriptsReady(page);
			const held = await hold(page, '**/export?format=docx*');
			const link = page.getByRole('link', { name: 'Word (.docx)', exact: true });
			const download = page.waitForEvent('download');
			await press(link);
			await expect.poll(() => link.getAttribute('aria-busy')).toBe('true');
			expect(await status(link)).toEqual({ text: 'Skapar Word (.docx) …', spoken: 'Skapar Word (.docx) …' });
			expect(await link.count()).toBe(1); // the same name while busy
			await expectAccessible(page);
			held.release();
			expect((await download).suggestedFilename()).toMatch(/\.docx$/);
			await expect.poll(() => link.getAttribute('aria-busy')).toBeNull();
			expect(await status(link)).toEqual({ text: '', spoken: '' });
			await page.context().close();
		});

	it('a workbook import on the plan\'s import page shows the file being read, then the answer', { timeout: 180_000 }, async () => {
		const admin = await browser.signedIn('admin');
		const plan = await planPath(admin, PLAN);
		await visit(admin, `${plan}/import`);
		await scriptsReady(admin);
		const form = admin.locator('form', { has: admin.getByLabel('Fil (.xlsx)') });
		const button = form.getByRole('button', { name: 'Läs in filen', exact: true });
		// Not a workbook: nothing is saved, the page says why.
		await admin.getByLabel('Fil (.xlsx)').setInputFiles({ name: 'plan.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('inte en arbetsbok') });
		const held = await hold(admin, (url) => url.search === '?/workbook', 'POST');
		await press(button);
		await expect.poll(() => form.getAttribute('aria-busy')).toBe('true');
		await expect.poll(async () => (await status(form)).text).toMatch(SENDING_OR_READING);
		expect((await status(form)).spoken).toMatch(/^(Filen skickas|Läser in …)$/);
		expect(await button.getAttribute('aria-busy')).toBe('true');
		expect(await button.getAttribute('aria-disabled')).toBe('true');
		await expectAccessible(admin);
		// A second click sends nothing more.
		await press(button);
		expect(held.sent()).toBe(1);
		held.release();
		await expect.poll(() => admin.getByRole('alert').first().textContent()).toMatch(/\S/);
		expect(admin.url()).toMatch(/\/import$/);
		expect(await admin.locator('form[aria-busy]').count()).toBe(0);
		expect(await admin.getByRole('heading', { level: 1 }).textContent()).toBe('Importera till planen');
		await expectAccessible(admin);
		await admin.context().close();
	});

	it('shows the upload\'s progress in per cent while a large file is sent', { timeout: 180_000 }, async () => {
		const admin = await browser.signedIn('admin');
		await visit(admin, `${await planPath(admin, PLAN)}/import`);
		await scriptsReady(admin);
		const form = admin.locator('form', { has: admin.getByLabel('Fil (.xlsx)') });
		await admin.getByLabel('Fil (.xlsx)').setInputFiles({ name: 'stor.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.alloc(600_000, 'a') });
		// A slow line (about 100 kB a second up) so the upload takes seconds.
		const cdp = await admin.context().newCDPSession(admin);
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 100_000 });
		// Every text the status shows, recorded in the page (it outlives the body the answer replaces).
		await form.evaluate((element) => {
			const region = document.getElementById(element.getAttribute('data-busy-status')!)!;
			const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
			new MutationObserver(() => seen.push(region.querySelector('[data-busy-text]')!.textContent!)).observe(region, { subtree: true, childList: true, characterData: true });
		});
		await press(form.getByRole('button', { name: 'Läs in filen', exact: true }));
		const progress = admin.getByRole('progressbar', { name: 'Filen skickas' });
		await expect.poll(async () => (await status(form)).text, { timeout: 30_000 }).toMatch(/^Skickar filen … ([1-9]\d?) %$/);
		expect(await progress.isVisible()).toBe(true);
		expect(Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
		expect((await status(form)).spoken).toBe('Filen skickas');
		await expectAccessible(admin);
		await expect.poll(() => admin.getByRole('alert').first().textContent(), { timeout: 60_000 }).toMatch(/\S/);
		// Sent in steps, then read in until the answer came.
		const seen = await admin.evaluate(() => (window as unknown as { seen: string[] }).seen.filter((text, at, all) => text !== all[at - 1]));
		expect(seen.filter((text) => /^Skickar filen … \d+ %$/.test(text)).length).toBeGreaterThan(2);
		expect(seen.at(-1)).toBe('Läser in …');
		await admin.context().close();
	});

	it('a pasted table\'s preview is busy until the next page, posted by the browser', { timeout: 180_000 }, async () => {
		const admin = await browser.signedIn('admin');
		await visit(admin, `${await planPath(admin, PLAN)}/import`);
		await scriptsReady(admin);
		await admin.getByLabel('Tabellen').fill('Rubrik\nEn rad som inte sparas');
		const form = admin.locator('form', { has: admin.getByLabel('Tabellen') });
		const held = await hold(admin, (url) => url.search === '?/preview', 'POST');
		// While the browser's post is held Playwright cannot look into the page (it waits for the next
		// one), so the page reports what it shows through a binding.
		type Shown = { busy: string | null; text: string; spoken: string; button: string };
		let shown!: (state: Shown) => void;
		const busy = new Promise<Shown>((resolve) => (shown = resolve));
		await admin.exposeFunction('reportBusy', (state: Shown) => state.busy === 'true' && shown(state));
		await form.evaluate((element) => {
			const region = document.getElementById(element.getAttribute('data-busy-status')!)!;
			const report = () =>
				(window as unknown as { reportBusy: (state: unknown) => void }).reportBusy({
					busy: element.getAttribute('aria-busy'),
					text: region.querySelector('[data-busy-text]')!.textContent,
					spoken: region.querySelector('[data-busy-live]')!.textContent,
					button: element.querySelector('button')!.textContent
				});
			new MutationObserver(report).observe(element, { attributes: true, subtree: true, childList: true, characterData: true });
		});
		await press(form.getByRole('button', { name: 'Förhandsgranska', exact: true }));
		expect(await busy).toEqual({ busy: 'true', text: 'Läser in …', spoken: 'Läser in …', button: 'Förhandsgranska' });
		held.release();
		await expect.poll(() => admin.locator('#paste-placement').count()).toBe(1);
		await admin.context().close();
	});

	it('the JSON import on the plans page is busy, then says what was wrong', { timeout: 180_000 }, async () => {
		const admin = await browser.signedIn('admin');
		await visit(admin, '/plans');
		await scriptsReady(admin);
		const region = admin.getByRole('region', { name: 'Importera en plan (JSON)' });
		const form = region.locator('form');
		await region.getByLabel('Fil (.json)').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from('{ inte json') });
		const held = await hold(admin, (url) => url.search === '?/importJson', 'POST');
		await press(region.getByRole('button', { name: 'Importera planen', exact: true }));
		await expect.poll(() => form.getAttribute('aria-busy')).toBe('true');
		await expect.poll(async () => (await status(form)).text).toMatch(SENDING_OR_READING);
		expect(await region.getByRole('button', { name: 'Importera planen', exact: true }).getAttribute('aria-busy')).toBe('true');
		await expectAccessible(admin);
		held.release();
		await expect.poll(() => region.getByRole('alert').textContent()).toBe('Filen är inte giltig JSON. Använd en fil som exporterats från Styrkedjan (format JSON).');
		expect(await form.getAttribute('aria-busy')).toBeNull();
		expect(await status(form)).toEqual({ text: '', spoken: '' });
		await expectAccessible(admin);
		await admin.context().close();
	});
});
