import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, useBrowser } from './support';

/**
 * WCAG 1.4.10 Reflow: every page fits a 320 px wide screen with no sideways scrolling of the page
 * (a wide table may scroll inside its own labelled region), at a phone's 390 px and on a desktop.
 */
const WIDTHS = [320, 390, 1280];
const browser = useBrowser();
/** The header's height on every page looked at, to see that it does not jump between pages. */
const headerHeights: { address: string; width: number; signedIn: boolean; height: number }[] = [];

/** Every page route, found in the source so a new page cannot be forgotten here. */
function pageRoutes(dir = 'src/routes', prefix = ''): string[] {
	const found: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		if (!entry.isDirectory()) continue;
		const route = `${prefix}/${entry.name}`;
		if (fs.existsSync(path.join(dir, entry.name, '+page.svelte'))) found.push(route);
		found.push(...pageRoutes(path.join(dir, entry.name), route));
	}
	return found;
}

/** Pages that never render: their load always redirects (to the provider, or after signing out). */
const NEVER_RENDERED = ['/auth/oidc/start', '/auth/oidc/callback', '/auth/saml/[org]/start', '/auth/saml/[org]/acs'];
/** The demo's plans, one of each shape, each looked at in a test of its own; then all others in one. */
const DEMO_PLANS = ['Verksamhetsplan 2025', 'Utbildningsförvaltningens verksamhetsplan 2025', 'Utvecklingsplan läsåret 2025/26', 'Lokal utvecklingsplan Norrskolan 2025/26'];
const OTHER_PLANS = 'the other plans';
/** Pages for people who are not signed in. */
const SIGNED_OUT = ['/login', '/login/[org]', '/password/forgot', '/password/reset'];

interface DemoIds {
	plans: { id: string; title: string }[];
	planId: string;
	frameworkId: string;
	nodeId: string;
	chapterId: string;
	rootLevelId: string;
	/** A person's and a status's own edit pages (the edit dialogs without scripts). */
	accountId: string;
	scaleValueId: string;
	/** An event of the demo's annual cycle (its edit page). */
	cycleEventId: string;
}

/** The addresses to look at for each route, with real ids of the demo. */
function addresses(route: string, ids: DemoIds, onePlan?: string): string[] {
	const plan = `/plans/${ids.planId}`;
	const table: Record<string, string[]> = {
		'': ['/'],
		'/att-rapportera': ['/att-rapportera'],
		'/frameworks': ['/frameworks'],
		'/frameworks/[frameworkId]': [`/frameworks/${ids.frameworkId}`],
		'/organisation': ['/organisation'],
		'/organisation/school-units': ['/organisation/school-units', '/organisation/school-units?kind=school_unit&form=GR'],
		'/organisation/school-units/import': ['/organisation/school-units/import'],
		'/tillganglighet': ['/tillganglighet'],
		'/admin/audit': ['/admin/audit'],
		'/admin/people': ['/admin/people'],
		'/admin/people/[accountId]': [`/admin/people/${ids.accountId}`],
		'/admin/scales': ['/admin/scales'],
		'/admin/scales/[valueId]': [`/admin/scales/${ids.scaleValueId}`],
		'/admin/tokens': ['/admin/tokens'],
		'/admin/kolada': ['/admin/kolada'],
		'/admin/reminders': ['/admin/reminders'],
		'/admin/jobs': ['/admin/jobs'],
		'/installningar': ['/installningar'],
		'/admin/saml': ['/admin/saml'],
		'/arshjul': ['/arshjul'],
		'/arshjul/[eventId]': [`/arshjul/${ids.cycleEventId}`],
		'/kolada': ['/kolada', '/kolada?q=beh%C3%B6riga+yrkesprogram'],
		'/plans': ['/plans'],
		// Every plan (one test per demo plan, below, and one for all others): each has its own shape.
		'/plans/[planId]': ids.plans
			.filter((each) => (onePlan === OTHER_PLANS ? !DEMO_PLANS.includes(each.title) : each.title === onePlan))
			.map((each) => `/plans/${each.id}`),
		'/plans/[planId]/adopt': [`${plan}/adopt`],
		'/plans/[planId]/carry-over': [`${plan}/carry-over`],
		'/plans/[planId]/cascade': [`${plan}/cascade`],
		// The roll-up of the demo's adopted plan, whose goals the demo sent to its schools (a table per goal).
		'/plans/[planId]/roll-up': [`${plan}/roll-up`, ...ids.plans.filter((each) => each.title === 'Verksamhetsplan 2025').map((each) => `/plans/${each.id}/roll-up`)],
		'/plans/[planId]/chapters/[chapterId]': [`${plan}/chapters/${ids.chapterId}`, `${plan}/chapters/new`],
		'/plans/[planId]/edit': [`${plan}/edit`],
		'/plans/[planId]/follow-up': [`${plan}/follow-up`],
		'/plans/[planId]/import': [`${plan}/import`],
		'/plans/[planId]/nodes/[nodeId]': [`${plan}/nodes/${ids.nodeId}`],
		'/plans/[planId]/nodes/new': [`${plan}/nodes/new?level=${ids.rootLevelId}`],
		'/plans/[planId]/overview': [`${plan}/overview`],
		'/public/[slug]': ['/public/exempelkommun'],
		'/login': ['/login'],
		'/login/[org]': ['/login/exempelkommun'],
		'/password/forgot': ['/password/forgot'],
		'/password/reset': ['/password/reset?token=not-a-real-token']
	};
	const found = table[route];
	if (!found) throw new Error(`No address for the page ${route}: add one to this test`);
	return found;
}

interface Flat { id: string; title: string; indicators: unknown[]; children: Flat[] }
const flatten = (nodes: Flat[]): Flat[] => nodes.flatMap((node) => [node, ...flatten(node.children)]);

/**
 * What is wrong with a page at each width: wider than the window (with how wide), or axe's findings.
 * Collected for all widths so one run shows every width's problems.
 */
async function problemsAt(page: Page, address: string, status = (code: number) => code < 400): Promise<string[]> {
	const problems: string[] = [];
	for (const width of WIDTHS) {
		await page.setViewportSize({ width, height: 800 });
		const response = await page.goto(address);
		expect(status(response?.status() ?? 0), `${address} answered ${response?.status()}`).toBe(true);
		const { scrollWidth, innerWidth, header } = await page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			innerWidth: window.innerWidth,
			header: document.querySelector('header')!.getBoundingClientRect().height
		}));
		if (scrollWidth > innerWidth) problems.push(`${address} is ${scrollWidth} px wide at ${width} px`);
		headerHeights.push({ address, width, signedIn: !SIGNED_OUT.some((route) => address.startsWith(route)), height: header });
		try {
			await expectAccessible(page);
		} catch (failure) {
			problems.push(`at ${width} px: ${(failure as Error).message}`);
		}
	}
	return problems;
}

describe('every page reflows at 320, 390 and 1280 px', () => {
	let admin: Page;
	let ids: DemoIds;
	beforeAll(async () => {
		admin = await browser.signedIn('admin');
		const plans = (await (await admin.request.get('/api/v1/plans')).json()) as { id: string; title: string }[];
		const perspective = plans.find((plan) => plan.title === 'Utbildningsförvaltningens verksamhetsplan 2025')!;
		const document = (await (await admin.request.get(`/api/v1/plans/${perspective.id}`)).json()) as {
			framework: { id: string; levels: { id: string; isRoot: boolean }[] };
			chapters: { id: string }[];
			tree: Flat[];
		};
		ids = {
			plans,
			planId: perspective.id,
			frameworkId: document.framework.id,
			// An item with indicators: the widest item page (tables of targets and outcomes).
			nodeId: flatten(document.tree).find((node) => node.indicators.length > 0)!.id,
			chapterId: document.chapters[0].id,
			rootLevelId: document.framework.levels.find((level) => level.isRoot)!.id,
			// From the server-rendered lists: their edit links (scripts turn them into dialog buttons).
			accountId: /href="\/admin\/people\/([0-9a-f-]{36})"/.exec(await (await admin.request.get('/admin/people')).text())![1],
			scaleValueId: /href="\/admin\/scales\/([0-9a-f-]{36})"/.exec(await (await admin.request.get('/admin/scales')).text())![1],
			cycleEventId: /href="\/arshjul\/([0-9a-f-]{36})"/.exec(await (await admin.request.get('/arshjul')).text())![1]
		};
	});
	afterAll(async () => {
		await admin?.context().close();
	});

	// '' is the start page, src/routes/+page.svelte itself.
	const routes = ['', ...pageRoutes()].filter((route) => !NEVER_RENDERED.includes(route));
	it('finds the pages in the source', () => {
		expect(routes.length).toBeGreaterThan(20);
	});

	// One test per page (per plan for the plan page): each has room for its three widths and three
	// axe runs on a busy machine.
	const tests = routes.flatMap((route): { route: string; plan?: string }[] =>
		route === '/plans/[planId]' ? [...DEMO_PLANS, OTHER_PLANS].map((title) => ({ route, plan: title })) : [{ route }]
	);
	for (const { route, plan } of tests) {
		it(`${route || '/'}${plan ? ` (${plan})` : ''}`, { timeout: 120_000 }, async () => {
			const page = SIGNED_OUT.includes(route) ? await browser.newPage() : admin;
			const problems: string[] = [];
			const found = addresses(route, ids, plan);
			expect(found.length, route).toBeGreaterThan(0);
			for (const address of found) problems.push(...(await problemsAt(page, address)));
			if (page !== admin) await page.context().close();
			expect(problems).toEqual([]);
		});
	}

	it('the error page', { timeout: 120_000 }, async () => {
		expect(await problemsAt(admin, `/plans/${crypto.randomUUID()}`, (code) => code === 404)).toEqual([]);
	});

	it('the header is as tall on every page, and compact on a phone', { timeout: 120_000 }, async () => {
		// Measured by the tests above; run alone (-t), it looks at a few pages of each kind itself.
		if (headerHeights.length === 0) {
			for (const address of ['/plans', '/att-rapportera', '/admin/audit', `/plans/${ids.planId}/overview`, `/frameworks/${ids.frameworkId}`]) {
				for (const width of WIDTHS) {
					await admin.setViewportSize({ width, height: 800 });
					await admin.goto(address);
					headerHeights.push({ address, width, signedIn: true, height: await admin.evaluate(() => document.querySelector('header')!.getBoundingClientRect().height) });
				}
			}
		}
		const signedIn = headerHeights.filter((entry) => entry.signedIn);
		expect(signedIn.length).toBeGreaterThanOrEqual(5 * WIDTHS.length);
		for (const width of WIDTHS) {
			const heights = new Set(signedIn.filter((entry) => entry.width === width).map((entry) => entry.height));
			expect([...heights], `header heights at ${width} px`).toHaveLength(1);
			if (width < 768) expect([...heights][0]).toBeLessThanOrEqual(64);
		}
	});
});

describe('the header on a phone', () => {
	/** Tabs from the top of the page to the menu button. */
	async function tabToMenu(page: Page) {
		for (let step = 0; step < 5; step++) {
			await page.keyboard.press('Tab');
			if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === 'Meny') return;
		}
		throw new Error('The menu button was not reached by Tab');
	}
	const menu = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });

	it('opens its menu by keyboard and follows a link, with scripts (Bits UI) and Escape closing it', { timeout: 180_000 }, async () => {
		const page = await browser.signedIn('admin');
		await page.setViewportSize({ width: 390, height: 800 });
		await page.goto('/att-rapportera');
		// The wide navigation row is gone; only the bar and its menu button are left.
		expect(await page.getByRole('link', { name: 'Planer', exact: true }).count()).toBe(0);
		await page.waitForFunction(() => document.querySelector('button.nav-menu-button') !== null); // scripts have taken over
		await tabToMenu(page);
		const button = page.getByRole('button', { name: 'Meny' });
		expect(await button.getAttribute('aria-expanded')).toBe('false');
		await page.keyboard.press('Enter');
		expect(await button.getAttribute('aria-expanded')).toBe('true');
		expect(await menu(page).getByRole('link').allTextContents()).toEqual([
			'Att rapportera', 'Planer', 'Styrmodeller', 'Årshjul', 'Organisation', 'Personer', 'Inloggning med SAML', 'Statusar och bedömningar', 'Kolada', 'Påminnelser', 'Bakgrundsjobb', 'API-nycklar', 'Ändringslogg'
		]);
		expect(await menu(page).getByRole('link', { name: 'Att rapportera' }).getAttribute('aria-current')).toBe('page');
		await expectAccessible(page);
		// Escape closes it and gives focus back to the button.
		await page.keyboard.press('Tab');
		await page.keyboard.press('Escape');
		expect(await button.getAttribute('aria-expanded')).toBe('false');
		// Bits UI hides the panel once it has closed, a moment after aria-expanded turns false.
		await expect.poll(() => menu(page).isVisible()).toBe(false);
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Meny');
		// Open again, Tab to a link, follow it: the new page is shown and the menu is closed.
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Planer');
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === '/plans');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Planer');
		expect(await menu(page).isVisible()).toBe(false);
		await page.context().close();
	});

	it('opens its menu by keyboard on a page without scripts (a disclosure)', { timeout: 180_000 }, async () => {
		const page = await browser.signedIn('admin');
		await page.setViewportSize({ width: 320, height: 800 });
		await page.goto('/admin/tokens'); // server-rendered only: no scripts run here
		await tabToMenu(page);
		expect(await menu(page).isVisible()).toBe(false);
		await page.keyboard.press('Enter');
		expect(await menu(page).isVisible()).toBe(true);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await expectAccessible(page);
		// Through the links to the last one (bounded: as many presses as the menu could hold).
		for (let step = 0; step < 20 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Ändringslogg'; step++) await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ändringslogg');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Mina inställningar');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('English');
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === '/admin/audit');
		await page.context().close();
	});
});

describe('navigation by role', () => {
	const links = async (role: 'admin' | 'planner' | 'reporter' | 'reader') => {
		const page = await browser.signedIn(role);
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto('/plans');
		const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
		const shown = await nav.getByRole('link').allTextContents();
		// Without scripts (this page) the button is a <details>' summary.
		const administration = await nav.locator('.nav-menu-button', { hasText: 'Administration' }).count();
		await page.context().close();
		return { shown, administration };
	};

	it('a reporter sees what to report and the plans, nothing to administer', { timeout: 180_000 }, async () => {
		expect(await links('reporter')).toEqual({ shown: ['Att rapportera', 'Planer', 'Årshjul'], administration: 0 });
		expect(await links('reader')).toEqual({ shown: ['Planer', 'Årshjul'], administration: 0 });
	});

	it('a planner also sees the steering models; an administrator has administration gathered behind one button', { timeout: 180_000 }, async () => {
		expect(await links('planner')).toEqual({ shown: ['Att rapportera', 'Planer', 'Styrmodeller', 'Årshjul'], administration: 0 });
		expect(await links('admin')).toEqual({ shown: ['Att rapportera', 'Planer', 'Styrmodeller', 'Årshjul'], administration: 1 });
	});

	it('the administration button lists its pages by keyboard, and marks the one shown', { timeout: 180_000 }, async () => {
		const page = await browser.signedIn('admin');
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto('/admin/audit');
		await page.waitForFunction(() => document.querySelector('button.nav-menu-button') !== null); // scripts have taken over
		const button = page.getByRole('button', { name: 'Administration' });
		await button.focus();
		await page.keyboard.press('Enter');
		const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
		expect(await nav.getByRole('link', { name: 'Ändringslogg' }).getAttribute('aria-current')).toBe('page');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Organisation');
		await expectAccessible(page);
		await page.keyboard.press('Escape');
		expect(await button.getAttribute('aria-expanded')).toBe('false');
		await page.context().close();
	});
});
