import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageProblems, useBrowser } from './support';

/**
 * Every role sees its own pages: the planner, the reporter, the reader and a school's rektor each follow every link of
 * their own navigation and open the pages of their daily work, at 320, 390 and 1280 px: no page wider
 * than the window, axe clean. (The administrator's pages are all in reflow.e2e.test.ts.) A page a role
 * may not open answers 403 or 404, and that answer must be as accessible as any page.
 */
const WIDTHS = [320, 390, 1280];
const ROLES = ['planner', 'reporter', 'reader', 'rektor'] as const;
/** The plan each opens: the organiser's, or for the rektor her school's own (a draft in the steering chain). */
const PLAN: Record<(typeof ROLES)[number], string> = {
	planner: 'Utbildningsförvaltningens verksamhetsplan 2025',
	reporter: 'Utbildningsförvaltningens verksamhetsplan 2025',
	reader: 'Utbildningsförvaltningens verksamhetsplan 2025',
	rektor: 'Verksamhetsplan 2025 – Lindskolan F–6'
};
const browser = useBrowser();
const mayRefuse = (status: number) => status < 400 || status === 403 || status === 404;

interface Tree {
	id: string;
	children: Tree[];
}
const first = (nodes: Tree[]): Tree | undefined => nodes[0];

for (const role of ROLES) {
	describe(`the ${role}'s pages`, () => {
		let page: Page;
		let planId: string;
		let nodeId: string | undefined;
		beforeAll(async () => {
			page = await browser.signedIn(role);
			const plans = (await (await page.request.get('/api/v1/plans')).json()) as { id: string; title: string }[];
			planId = plans.find((plan) => plan.title === PLAN[role])!.id;
			const document = (await (await page.request.get(`/api/v1/plans/${planId}`)).json()) as { tree: Tree[] };
			nodeId = first(document.tree)?.id;
		}, 120_000);
		afterAll(async () => {
			await page?.context().close();
		});

		it('every link of its navigation', { timeout: 240_000 }, async () => {
			await page.setViewportSize({ width: 1280, height: 800 });
			await page.goto('/');
			const links = await page.locator('header nav a[href^="/"]').evaluateAll((anchors) => [...new Set(anchors.map((anchor) => anchor.getAttribute('href')!))]);
			expect(links.length).toBeGreaterThan(0);
			const problems: string[] = [];
			for (const link of links) problems.push(...(await pageProblems(page, link, WIDTHS)));
			expect(problems).toEqual([]);
		});

		for (const [name, address] of [
			['the start page', () => '/'],
			['a plan', () => `/plans/${planId}`],
			['its overview', () => `/plans/${planId}/overview`],
			['its follow-up', () => `/plans/${planId}/follow-up`],
			['an item', () => (nodeId ? `/plans/${planId}/nodes/${nodeId}` : '/')],
			['the things to report', () => '/att-rapportera'],
			['an administrator’s page', () => '/admin/people']
		] as const) {
			it(name, { timeout: 120_000 }, async () => {
				expect(await pageProblems(page, address(), WIDTHS, mayRefuse)).toEqual([]);
			});
		}
	});
}
