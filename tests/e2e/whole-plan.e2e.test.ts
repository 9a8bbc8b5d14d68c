import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, planPath, signInAt, tabTo, useBrowser, visit } from './support';

const browser = useBrowser();
/** The demo's largest draft (the plan-page tests read it too; these tests only read). */
const CENTRAL = 'Utbildningsförvaltningens verksamhetsplan 2025';

interface DocumentNode {
	id: string;
	linkedParentIds: string[];
	children: DocumentNode[];
}

/** The plan's items as the API gives them (its JSON document): every id, and every link (item under a further parent). */
async function itemsOf(page: Page, plan: string) {
	const document = (await (await page.request.get(`/api/v1${plan}`)).json()) as { tree: DocumentNode[] };
	const ids: string[] = [];
	const links: [string, string][] = [];
	const visit = (node: DocumentNode) => {
		ids.push(node.id);
		for (const parent of node.linkedParentIds) links.push([parent, node.id]);
		node.children.forEach(visit);
	};
	document.tree.forEach(visit);
	return { ids, links };
}

/** Storby's administrator (tests/e2e/seed.ts) and the address of Storby's 500-item plan. */
async function storby() {
	const page = await browser.newPage();
	await signInAt(page, '/login/storby', 'admin@storby.se', 'storby-losenord-2026');
	await page.waitForURL((url) => url.pathname === '/');
	return { page, plan: await planPath(page, 'Genererad plan med 500 punkter') };
}

describe('the whole plan ("Visa hela planen", ?all=1)', () => {
	it('is streamed: the page, then its outline in pieces, without an ETag, and brings every item of the plan', async () => {
		const { page, plan } = await storby();
		// The plan page itself is sent whole, with its length and an ETag; the whole plan is streamed.
		expect((await page.request.get(plan)).headers()['content-length']).toBeDefined();
		const answer = await page.request.get(`${plan}?all=1`);
		expect(answer.status()).toBe(200);
		expect(answer.headers()['transfer-encoding']).toBe('chunked');
		expect(answer.headers()['content-length']).toBeUndefined();
		expect(answer.headers()['etag']).toBeUndefined();
		// The page's policy (no inline scripts, none allowed) still fits: the pieces bring no script.
		expect(answer.headers()['content-security-policy']).toContain("script-src 'self';");
		const html = await answer.text();
		expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
		expect(html.trimEnd().endsWith('</html>')).toBe(true);

		await visit(page, `${plan}?all=1`);
		const { ids } = await itemsOf(page, plan);
		expect(ids.length).toBe(500);
		const shown = await page.locator('.outline li[id^="node-"]').evaluateAll((items) => items.map((item) => item.id.slice('node-'.length)));
		expect(shown.toSorted()).toEqual(ids.toSorted());
		// Each item under its own parent, in the plan's order.
		expect(await page.locator('.outline > li > .item a.title').allTextContents()).toEqual(['Medborgare', 'Ekonomi', 'Verksamhet', 'Medarbetare']);
		// The lists nest as they should: every item in a list, every list the outline or an item's branch.
		expect(await page.locator('.outline :is(li[id^="node-"], li[id^="link-"]):not(ol > li)').count()).toBe(0);
		expect(await page.locator('.outline ol:not(details.branch > ol)').count()).toBe(0);
		expect(await page.locator('.outline details.branch').count()).toBe(await page.locator('.outline li:has(> details.branch)').count());
		// Those who may edit get the menu on every item.
		expect(await page.locator('.outline .item-menu').count()).toBe(500);
		// The page after the outline came too.
		expect(await page.locator('footer.site').count()).toBe(1);
		expect(await page.getByRole('link', { name: 'Lägg till Perspektiv' }).count()).toBe(1);
	});

	it('shows a linked item under each further parent, as the plan page does', async () => {
		const page = await browser.signedIn('admin');
		const plan = await planPath(page, CENTRAL);
		await visit(page, `${plan}?all=1`);
		const { ids, links } = await itemsOf(page, plan);
		const shown = await page.locator('.outline li[id^="node-"]').evaluateAll((items) => items.map((item) => item.id.slice('node-'.length)));
		expect(shown.toSorted()).toEqual(ids.toSorted());
		expect(links.length).toBeGreaterThan(0);
		for (const [parent, child] of links) {
			expect(await page.locator(`#node-${parent} > details > ol > li[id^="link-"][id$="-${child}"] .badge`, { hasText: 'Kopplad hit' }).count(), `${child} under ${parent}`).toBe(1);
		}
	});

	it('is reached and folded by keyboard, and stays whole when folded', async () => {
		const page = await browser.signedIn('admin');
		const plan = await planPath(page, CENTRAL);
		await visit(page, `${plan}?all=1`);
		// The last item's menu, the last piece sent: reached by Tab alone, opened with Enter.
		const label = (await page.locator('.outline .item-menu > summary').last().getAttribute('aria-label'))!;
		await tabTo(page, { label }, 3000);
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('.outline .item-menu[open] .menu-panel a').first().isVisible()).toBe(true);
		await expectAccessible(page);

		await page.goto(`${plan}?all=1`);
		await tabTo(page, { text: 'Fäll ihop alla' });
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.searchParams.get('fold') === 'all' && url.searchParams.has('all'));
		expect(await page.locator('details.branch[open]').count()).toBe(0);
		const { ids } = await itemsOf(page, plan);
		expect(await page.locator('.outline li[id^="node-"]').count()).toBe(ids.length);
		await expectAccessible(page);
	});

	it('speaks the reader\'s language in every piece, the last ones too', async () => {
		const { page, plan } = await storby();
		await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: browser.baseURL() }]);
		// (axe has read this page in Swedish above; the words are what is asked here.)
		await page.goto(`${plan}?all=1`);
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		const menus = await page.locator('.outline .item-menu > summary').evaluateAll((summaries) => summaries.map((summary) => summary.getAttribute('aria-label')));
		expect(menus.length).toBe(500);
		expect(menus.filter((name) => !name?.startsWith('Actions: '))).toEqual([]);
	});

	it('answers as the plan page does for a plan that may not be read: 404 for another organisation\'s, 403 for another school\'s draft', async () => {
		const admin = await browser.signedIn('admin');
		const otherSchool = await planPath(admin, 'Verksamhetsplan 2025 – Lindskolan 7–9');
		const foreign = await admin.goto(`/plans/${inject('foreign').planId}?all=1`);
		expect(foreign?.status()).toBe(404);
		await expectAccessible(admin);

		const rektor = await browser.signedIn('rektor');
		const refused = await rektor.goto(`${otherSchool}?all=1`);
		expect(refused?.status()).toBe(403);
		expect(await rektor.locator('.outline').count()).toBe(0);
		await expectAccessible(rektor);
	});
});
