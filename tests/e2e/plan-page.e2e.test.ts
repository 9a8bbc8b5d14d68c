import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_EMAILS, arrowTo, expectAccessible, pickUnit, planPath, scriptsReady, signIn, tabTo, useBrowser, visit } from './support';

const browser = useBrowser();
const CENTRAL = 'Utbildningsförvaltningens verksamhetsplan 2025';

async function noPageOverflow(page: Page) {
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), page.url()).toBe(true);
}

describe('the plan page reads first', () => {
	it('finds an item through the search form by keyboard alone, filters by level, and the address can be shared', async () => {
		const page = await browser.signedIn('admin');
		const plan = await planPath(page, CENTRAL);
		await visit(page, plan);
		await tabTo(page, { name: 'q' });
		await page.keyboard.type('heltidsmentorer');
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.searchParams.get('q') === 'heltidsmentorer');
		await expect.poll(() => page.locator('#search-results').textContent()).toBe('2 träffar');
		const results = page.locator('.outline a.title');
		expect(await results.allTextContents()).toEqual([
			'14 Successivt införa heltidsmentorer på alla högstadie- och gymnasieskolor.',
			'Följa upp att alla kommunala högstadie- och gymnasieskolor har heltidsmentorer'
		]);
		// Each result says where it sits in the plan.
		expect(await page.locator('.outline .path').last().textContent()).toContain('Likvärdiga möjligheter');
		await expectAccessible(page);

		// The same search with a level: only the activity; the address alone gives the same answer.
		const url = new URL(page.url());
		const level = await page.locator('select[name="level"] option', { hasText: 'Aktivitet' }).getAttribute('value');
		url.searchParams.set('level', level!);
		const other = await browser.signedIn('reader');
		await visit(other, url.pathname + url.search);
		expect(await other.locator('.outline a.title').allTextContents()).toEqual(['Följa upp att alla kommunala högstadie- och gymnasieskolor har heltidsmentorer']);
		// A reader sees no editing menu.
		expect(await other.locator('.item-menu').count()).toBe(0);

		// Nothing found: said so, with the way back.
		await visit(page, `${plan}?q=finnsinte`);
		expect(await page.locator('#search-results').textContent()).toBe('0 träffar');
		expect(await page.getByRole('link', { name: 'Rensa sökningen' }).count()).toBe(1);
	});

	it('shows each item\'s latest status as words, and folds branches by keyboard and without JavaScript', async () => {
		const page = await browser.signedIn('admin');
		const plan = await planPath(page, CENTRAL);
		await visit(page, plan);
		const status = page.locator('.outline .status');
		if (await status.count()) expect(await status.first().textContent()).toMatch(/^Senaste status:\s*\S.*\(.+\)$/);

		const branch = page.locator('.outline > li > details.branch').first();
		const child = branch.locator('a.title').first();
		expect(await child.isVisible()).toBe(true);
		const summary = (await branch.locator('> summary').getAttribute('aria-label'))!;
		expect(summary).toMatch(/^\d+ underliggande under Medborgare$/);
		await tabTo(page, { label: summary });
		await page.keyboard.press('Enter');
		await expect.poll(() => child.isVisible()).toBe(false);
		await page.keyboard.press('Enter');
		await expect.poll(() => child.isVisible()).toBe(true);

		// "Fäll ihop alla" is a link: every branch folded, the top level still shown; then out again.
		await tabTo(page, { text: 'Fäll ihop alla' });
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.searchParams.get('fold') === 'all');
		expect(await page.locator('details.branch[open]').count()).toBe(0);
		expect(await page.locator('.outline > li > .item a.title', { hasText: 'Medborgare' }).isVisible()).toBe(true);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Fäll ut alla' }).click();
		await page.waitForURL((url) => !url.searchParams.has('fold'));
		expect(await page.locator('details.branch:not([open])').count()).toBe(0);
	});

	it('keeps the editing actions in one menu per item, usable by keyboard', async () => {
		const page = await browser.signedIn('admin');
		const plan = await planPath(page, CENTRAL);
		await visit(page, plan);
		const titles = () => page.locator('.outline > li > .item a.title').allTextContents();
		const before = await titles();
		expect(before.length).toBeGreaterThanOrEqual(2);
		// No move buttons on the rows: they are inside the closed menus.
		expect(await page.getByRole('button', { name: /^Flytta/ }).count()).toBe(0);

		await tabTo(page, { label: `Åtgärder: ${before[0]}` });
		await page.keyboard.press('Enter');
		await expect.poll(() => page.getByRole('link', { name: `Redigera: ${before[0]}` }).isVisible()).toBe(true);
		await expectAccessible(page);
		await tabTo(page, { label: `Flytta ner: ${before[0]}` }, 10);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.hash === '' || url.hash.startsWith('#node-'));
		await expect.poll(titles).toEqual([before[1], before[0], ...before.slice(2)]);
		// And back, so other tests see the demo as it was.
		await page.locator(`.item-menu > summary[aria-label="Åtgärder: ${before[0]}"]`).click();
		await page.getByRole('button', { name: `Flytta upp: ${before[0]}` }).click();
		await expect.poll(titles).toEqual(before);

		// The item's edit and remove actions lead to the item's own page, to its sections.
		await page.locator(`.item-menu > summary[aria-label="Åtgärder: ${before[0]}"]`).click();
		await page.getByRole('link', { name: `Ta bort: ${before[0]}` }).click();
		await page.waitForURL((url) => url.hash === '#remove-heading');
		expect(await page.getByRole('heading', { name: 'Ta bort' }).count()).toBe(1);
	});

	it('is a reading page of moderate height that reflows at 320 px', async () => {
		const page = await browser.signedIn('admin');
		const plan = await planPath(page, CENTRAL);
		await page.setViewportSize({ width: 1280, height: 900 });
		await visit(page, plan);
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		console.log(`plan page height at 1280 px, ${CENTRAL}, admin: ${height} px`);
		for (const width of [320, 390]) {
			await page.setViewportSize({ width, height: 800 });
			await page.goto(plan);
			await noPageOverflow(page);
			await page.locator('.item-menu > summary').first().click();
			await noPageOverflow(page);
			await page.goto(`${plan}?q=skol`);
			await noPageOverflow(page);
			await expectAccessible(page);
		}
	});

	it('does not offer adopting an empty plan as the main action, and asks before adopting it', async () => {
		const page = await browser.signedIn('admin');
		await visit(page, '/plans');
		await scriptsReady(page);
		const newPlan = page.getByRole('region', { name: 'Ny plan' });
		await newPlan.getByLabel('Titel').fill('Tom plan 2027');
		await newPlan.getByLabel('Styrmodell').selectOption({ index: 1 });
		await pickUnit(newPlan, 'Ägare', 'Utbildningsförvaltningen (Förvaltning)');
		await newPlan.locator('#startYear').fill('2027');
		await newPlan.getByRole('button', { name: 'Skapa planen' }).click();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tom plan 2027');
		const adopt = page.getByRole('link', { name: 'Fastställ planen' });
		expect(await adopt.getAttribute('class')).toContain('secondary');
		expect(await page.locator('a.button:not(.secondary):not(.quiet)', { hasText: /^Lägg till/ }).count()).toBeGreaterThan(0);
		await adopt.click();
		await expectAccessible(page);
		await page.getByLabel('Fastställd av').fill('Förvaltningschef');
		// The browser asks for the box; the server refuses too when it is left out.
		await page.evaluate(() => document.querySelector('input[name="confirmEmpty"]')?.removeAttribute('required'));
		await page.getByRole('button', { name: 'Fastställ planen' }).click();
		await expect.poll(() => page.getByRole('alert').textContent()).toContain('Bekräfta att du vill fastställa en tom plan.');
		await expectAccessible(page);
		await page.getByLabel('Fastställd av').fill('Förvaltningschef');
		await page.getByLabel('Planen har inga punkter. Jag vill ändå fastställa den.').check();
		await page.getByRole('button', { name: 'Fastställ planen' }).click();
		await expect.poll(async () => (await page.locator('#adoption').textContent())?.replace(/\s+/g, ' ')).toContain('Fastställd av Förvaltningschef');
	});
});

/** An item of a demo plan no other browser test reads, so what these tests write changes nothing for them. */
const INSATS_PLAN = 'Insatsplan grundskolan 2025/26';
const INSATS = 'Språkutvecklande arbetssätt i alla ämnen';

async function openItem(page: Page) {
	const plan = await planPath(page, INSATS_PLAN);
	await page.goto(`${plan}?q=${encodeURIComponent(INSATS)}`);
	await page.getByRole('link', { name: INSATS }).first().click();
	await page.waitForURL(/\/nodes\//);
}

describe('the item form picks responsible people and boards, never types them', () => {
	it('picks a person and creates a role title explicitly, by keyboard, with a screen reader\'s combobox', async () => {
		const page = await browser.signedIn('admin');
		await openItem(page);
		const box = page.locator('input[role="combobox"]').first();
		await box.waitFor();
		expect(await box.getAttribute('aria-expanded')).toBe('false');
		await tabTo(page, { role: 'combobox' });
		await page.keyboard.type('Omar');
		await expect.poll(() => box.getAttribute('aria-expanded')).toBe('true');
		const options = page.getByRole('listbox').getByRole('option');
		// The person, and — as a choice of its own — creating a role title of what was typed.
		await expect.poll(() => options.allTextContents()).toEqual(['Omar Haddad', 'Skapa rolltitel ”Omar”']);
		await arrowTo(page, 'Omar Haddad');
		await page.keyboard.press('Enter');
		const chosen = page.getByRole('list', { name: 'Valda: Ansvarig' });
		await expect.poll(() => chosen.getByRole('checkbox', { name: 'Omar Haddad' }).isChecked()).toBe(true);
		expect(await box.inputValue()).toBe('');
		await expect.poll(() => page.locator('[aria-live="polite"]', { hasText: 'Omar Haddad tillagd.' }).count()).toBe(1);

		// A title that does not exist: the only choice is to create it, said in so many words.
		await page.keyboard.type('Kvalitetssamordnare');
		await expect.poll(() => options.allTextContents()).toEqual(['Skapa rolltitel ”Kvalitetssamordnare”']);
		await arrowTo(page, 'Skapa rolltitel ”Kvalitetssamordnare”');
		await page.keyboard.press('Enter');
		await expect.poll(() => chosen.getByRole('checkbox', { name: 'Kvalitetssamordnare (ny rolltitel)' }).isChecked()).toBe(true);
		await expectAccessible(page);
		await tabTo(page, { text: 'Spara' }, 100);
		const saved = page.waitForEvent('load');
		await page.keyboard.press('Enter');
		await saved;
		const shown = (await page.locator('dl.fields').first().textContent()) ?? '';
		expect(shown).toContain('Kvalitetssamordnare');
		expect(shown).toContain('Omar Haddad');
	});

	it('refuses a typed name that is in no list, on the server, instead of creating a role title', async () => {
		const page = await browser.signedIn('admin');
		await openItem(page);
		const box = page.locator('input[role="combobox"]').first();
		await box.fill('Planeringschf');
		await page.keyboard.press('Escape');
		await page.locator('form[action="?/update"]').getByRole('button', { name: 'Spara' }).click();
		await expect.poll(() => page.getByRole('alert').textContent()).toContain('Det finns ingen rolltitel eller person som heter ”Planeringschf”');
		await expectAccessible(page);
		// Nothing was written: the search for the typo finds no role title.
		await box.fill('Planeringschf');
		await expect.poll(() => page.getByRole('listbox').getByRole('option').allTextContents()).toEqual(['Skapa rolltitel ”Planeringschf”']);
	});

	it('works without JavaScript: a text field with suggestions, and a separate field for a new role title', async () => {
		const other = await browser.newPage();
		const noScript = await other.context().browser()!.newContext({ baseURL: browser.baseURL(), locale: 'sv-SE', javaScriptEnabled: false });
		const page = await noScript.newPage();
		await signIn(page, DEMO_EMAILS.admin);
		await openItem(page);
		expect(await page.locator('input[role="combobox"]').count()).toBe(0);
		await page.getByLabel('Sök rolltitel eller person').fill('Planeringschef (del 2)');
		await page.getByLabel('Ny rolltitel').fill('Skolchef förskola');
		const edit = page.locator('form[action="?/update"]');
		expect(await edit.evaluate((form: HTMLFormElement) => [...form.elements].filter((element) => !(element as HTMLInputElement).checkValidity?.()).map((element) => element.getAttribute('name')))).toEqual([]);
		const saved = page.waitForEvent('load');
		await edit.getByRole('button', { name: 'Spara' }).click();
		await saved;
		await expect.poll(async () => (await page.locator('dl.fields').first().textContent())?.replace(/\s+/g, ' ')).toContain('Planeringschef (del 2)');
		expect(await page.locator('dl.fields').first().textContent()).toContain('Skolchef förskola');
		// (axe needs scripts in the page: the same form with scripts is checked above.)
	});
});

describe('rich-text fields are written with a toolbar', () => {
	it('makes text bold by keyboard (toolbar and Ctrl+I), stores the Markdown, and previews without reading HTML', async () => {
		const page = await browser.signedIn('admin');
		await openItem(page);
		const toolbar = page.getByRole('toolbar', { name: 'Formatering' }).first();
		await toolbar.waitFor();
		const area = page.locator('#description');
		await tabTo(page, { name: 'description' });
		await page.keyboard.press('Control+A');
		await page.keyboard.press('Delete');
		await page.keyboard.type('Viktigt steg');
		for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
		// One Tab stop for the toolbar, just before the text: its first button.
		await page.keyboard.press('Shift+Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Fetstil');
		await page.keyboard.press('Enter');
		expect(await area.inputValue()).toBe('Viktigt **steg**');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('description');
		await page.keyboard.press('End');
		await page.keyboard.type(' nu');
		await page.keyboard.press('Shift+ArrowLeft');
		await page.keyboard.press('Shift+ArrowLeft');
		await page.keyboard.press('Control+I');
		expect(await area.inputValue()).toBe('Viktigt **steg** *nu*');
		// Arrow keys move along the toolbar: the numbered list is the fourth button.
		await page.keyboard.press('Shift+Tab');
		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Numrerad lista');
		await page.keyboard.press('Enter');
		expect(await area.inputValue()).toBe('1. Viktigt **steg** *nu*');

		// The preview: emphasis drawn, a script typed shown as the text it is and never run.
		await page.keyboard.press('End');
		await page.keyboard.type('\n\n<script>window.ran = true</script>');
		await page.locator('.rich-editor', { has: area }).getByRole('button', { name: 'Förhandsgranska' }).click();
		const preview = page.getByRole('region', { name: 'Förhandsgranskning av texten' });
		expect(await preview.locator('ol strong').textContent()).toBe('steg');
		expect(await preview.locator('ol em').textContent()).toBe('nu');
		expect(await preview.textContent()).toContain('<script>window.ran = true</script>');
		expect(await preview.locator('script').count()).toBe(0);
		expect(await page.evaluate(() => (window as unknown as { ran?: boolean }).ran)).toBeUndefined();
		await expectAccessible(page);

		await area.focus();
		await tabTo(page, { text: 'Spara' }, 100);
		const saved = page.waitForEvent('load');
		await page.keyboard.press('Enter');
		await saved;
		await expect.poll(() => page.locator('#description').inputValue()).toBe('1. Viktigt **steg** *nu*\n\n<script>window.ran = true</script>');
		expect(await page.locator('.rich ol strong').first().textContent()).toBe('steg');
		expect(await page.evaluate(() => (window as unknown as { ran?: boolean }).ran)).toBeUndefined();
	});
});
