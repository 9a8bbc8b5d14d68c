import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, planPath, useBrowser, visit } from './support';

const browser = useBrowser();

/** The rows of the units' table under a goal, by unit name. */
const unitNames = (page: Page, goal: RegExp) =>
	page
		.locator('section', { has: page.getByRole('heading', { level: 2, name: goal }) })
		.getByRole('table', { name: /^Enheternas uppföljning/ })
		.locator('tbody th[scope="row"] a')
		.allTextContents();

/**
 * The organiser's roll-up of the steering chain as a planner uses it: the demo's closed first period,
 * filtered by area and unit type and sorted by assessment through the address (no script needed), each
 * goal's spread of assessments drawn beside its table, the units' analyses under their names, a link
 * down to a unit's report; in the open period, whom to ask about what is not reported.
 */
describe("the roll-up of the units' follow-up", () => {
	it('filters, sorts, draws the spread, gathers the analyses and leads down to a unit’s report', { timeout: 120_000 }, async () => {
		const page = await browser.signedIn('planner');
		const plan = await planPath(page, 'Verksamhetsplan 2025');
		await visit(page, `${plan}/roll-up`);
		const results = /Höga kunskapsresultat/;
		await page.getByLabel('Uppföljningstillfälle').selectOption({ label: 'Delår 1 per 30 april' });
		await page.getByRole('button', { name: 'Visa enheterna' }).click();
		await page.waitForURL((url) => url.searchParams.has('period'));
		expect(await unitNames(page, results)).toEqual(['Ekbackens förskola', 'Lindskolan 7–9', 'Lindskolan F–6', 'Tallgymnasiet']);
		const goal = page.locator('section', { has: page.getByRole('heading', { level: 2, name: results }) });
		const units = goal.getByRole('table', { name: /^Enheternas uppföljning/ });
		// The spread: a chart beside a table of the same figures.
		expect(await goal.getByRole('img', { name: /antal enheter per bedömning/ }).count()).toBe(1);
		const spread = goal.getByRole('table', { name: /^Bedömningarna/ });
		expect(await spread.getByRole('row', { name: /Delvis uppfyllt/ }).getByRole('cell').textContent()).toBe('3');
		expect(await spread.getByRole('row', { name: /^Ej uppfyllt/ }).getByRole('cell').textContent()).toBe('1');
		await expectAccessible(page);

		// Sorted by assessment through the column's header, then the other way round; the header says so.
		await units.getByRole('link', { name: /^Bedömning/ }).click();
		await page.waitForURL((url) => url.searchParams.get('sort') === 'assessment');
		expect(await unitNames(page, results)).toEqual(['Ekbackens förskola', 'Lindskolan F–6', 'Tallgymnasiet', 'Lindskolan 7–9']);
		expect(await units.getByRole('columnheader', { name: /^Bedömning/ }).getAttribute('aria-sort')).toBe('ascending');
		expect(await units.locator('thead th').first().getAttribute('aria-sort')).toBeNull();
		await units.getByRole('link', { name: /^Bedömning/ }).click();
		await page.waitForURL((url) => url.searchParams.get('order') === 'desc');
		expect(await unitNames(page, results)).toEqual(['Lindskolan 7–9', 'Ekbackens förskola', 'Lindskolan F–6', 'Tallgymnasiet']);
		expect(await units.getByRole('columnheader', { name: /^Bedömning/ }).getAttribute('aria-sort')).toBe('descending');

		// Filtered by area, then by unit type; the sort stays.
		await page.getByLabel('Område').selectOption({ label: 'Skolområde Söder' });
		await page.getByRole('button', { name: 'Visa enheterna' }).click();
		await page.waitForURL((url) => Boolean(url.searchParams.get('area')));
		expect(new URL(page.url()).searchParams.get('sort')).toBe('assessment');
		expect(await unitNames(page, results)).toEqual(['Tallgymnasiet']);
		await page.getByLabel('Område').selectOption({ label: 'Alla' });
		await page.getByLabel('Typ av enhet').selectOption({ label: 'Förskoleenhet' });
		await page.getByRole('button', { name: 'Visa enheterna' }).click();
		await page.waitForURL((url) => url.searchParams.get('kind') === 'preschool_unit' && !url.searchParams.get('area'));
		expect(await unitNames(page, results)).toEqual(['Ekbackens förskola']);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Visa alla enheter' }).click();
		await page.waitForURL((url) => !url.searchParams.get('kind'));

		// The analyses, each under its unit's name, and the way down to the unit's report for the period.
		const analysis = goal.getByRole('article', { name: 'Lindskolan 7–9' });
		expect(await analysis.textContent()).toContain('matematiken i åk 8');
		await analysis.getByRole('link', { name: /Enhetens rapport/ }).click();
		await page.waitForURL((url) => url.pathname.endsWith('/follow-up') && url.searchParams.has('period'));
		expect(await page.locator('main').textContent()).toContain('Studiestöd i matematik');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Delår 1 per 30 april');
		await page.context().close();
	});

	it('names whom to ask about what a unit has not reported in the open period', { timeout: 180_000 }, async () => {
		const page = await browser.signedIn('planner');
		const plan = await planPath(page, 'Verksamhetsplan 2025');
		await visit(page, `${plan}/roll-up`);
		const goal = page.locator('section', { has: page.getByRole('heading', { level: 2, name: /Höga kunskapsresultat/ }) });
		const missing = goal.getByRole('listitem').filter({ hasText: /^Lindskolan F–6:/ });
		// The goal is not assessed there yet in the second period: the principal's role title, with who holds it.
		const text = (await missing.textContent())!.replace(/\s+/g, ' ');
		expect(text).toMatch(/målet är inte bedömt.*Fråga: .*Rektor Lindskolan F–6 \(Sara Lindqvist\)/);
		expect(text).toContain('Speciallärare Lindskolan F–6 (ingen har rollen)');
		// The report with the analyses as an appendix is offered beside it.
		const link = page.getByRole('navigation', { name: /enheternas analyser som bilaga/ }).getByRole('link', { name: 'Word (.docx)' });
		expect(await link.getAttribute('href')).toMatch(/format=docx&period=[0-9a-f-]{36}&analyses=1$/);
		await expectAccessible(page);
		// So is it on the plan's follow-up page (the plan has units' plans), and the web page has the appendix.
		await visit(page, `${plan}/follow-up`);
		const html = page.getByRole('navigation', { name: /enheternas analyser som bilaga/ }).getByRole('link', { name: 'Webbsida för utskrift' });
		const answer = await page.request.get((await html.getAttribute('href'))!);
		expect(answer.status()).toBe(200);
		const report = (await answer.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
		expect(report.slice(report.lastIndexOf('Bilaga: Enheternas analyser'))).toMatch(/Möt arbetsmarknadens behov .*Tallgymnasiet .*Programmet är fullsatt till hösten\./);
		await page.context().close();
	});
});
