import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../server-process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One browser per test file; each test gets a fresh context (cookies, language) from `newPage`. */
export function useBrowser() {
	let browser: Browser;
	beforeAll(async () => {
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		});
	});
	afterAll(async () => {
		await browser?.close();
	});
	return {
		baseURL: () => inject('baseURL'),
		async newPage(): Promise<Page> {
			const context = await browser.newContext({ baseURL: inject('baseURL'), locale: 'sv-SE' });
			return context.newPage();
		},
		/** A page signed in as one of the demo organisation's people (see DEMO_USERS). */
		async signedIn(role: keyof typeof DEMO_EMAILS = 'admin'): Promise<Page> {
			const page = await this.newPage();
			await signIn(page, DEMO_EMAILS[role]);
			return page;
		}
	};
}

/** Fails with a readable list when axe finds any WCAG 2.2 A/AA violation (2.0 and 2.1 included, target size too) on the page as it is now. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	const problems = results.violations.map(
		(violation) => `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`
	);
	expect(problems, `axe on ${page.url()}`).toEqual([]);
}

/**
 * What is wrong with a page at each of these widths: wider than the window, or axe's findings;
 * `answered` says which status codes are the page's own answer (a 403 page must be accessible too).
 */
export async function pageProblems(page: Page, address: string, widths: number[], answered = (status: number) => status < 400): Promise<string[]> {
	const problems: string[] = [];
	for (const width of widths) {
		await page.setViewportSize({ width, height: 800 });
		const response = await page.goto(address);
		if (!answered(response?.status() ?? 0)) {
			problems.push(`${address} answered ${response?.status()} at ${width} px`);
			continue;
		}
		const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
		if (scrollWidth > innerWidth) problems.push(`${address} is ${scrollWidth} px wide at ${width} px`);
		try {
			await expectAccessible(page);
		} catch (failure) {
			problems.push(`${address} at ${width} px: ${(failure as Error).message}`);
		}
	}
	return problems;
}

/** Goes to a page, checks it answered, and runs axe on it. */
export async function visit(page: Page, path: string) {
	const response = await page.goto(path);
	expect(response?.status(), path).toBeLessThan(400);
	await expectAccessible(page);
}

export { DEMO_EMAILS, DEMO_PASSWORD } from '../server-process';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/login');
	await page.getByLabel('E-post').fill(email);
	await page.getByLabel('Lösenord').fill(password);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await page.waitForURL((url) => url.pathname === '/');
}

/** Signs in on an organisation's own sign-in address (`/login/<organisation>`), for the seed's other organisations. */
export async function signInAt(page: Page, address: string, email: string, password: string) {
	await page.goto(address);
	await page.getByLabel('E-post').fill(email);
	await page.getByLabel('Lösenord').fill(password);
	await page.getByRole('button', { name: 'Logga in' }).click();
}

/** A plan's address by its title (through the API, so no list has to be clicked while it loads). */
export async function planPath(page: Page, title: string): Promise<string> {
	const plans = (await (await page.request.get('/api/v1/plans')).json()) as { id: string; title: string }[];
	return `/plans/${plans.find((plan) => plan.title === title)!.id}`;
}

/** Waits until the page's scripts have taken over (hydration done: the header's menu is a button). */
export async function scriptsReady(page: Page) {
	await page.waitForFunction(() => document.querySelector('button.nav-menu-button') !== null);
}

/**
 * Picks a unit in a unit picker (components/UnitPicker.svelte) once scripts have made it a combobox:
 * types the start of the unit's name and chooses its option ("Norrskolan (Skolenhet)").
 */
export async function pickUnit(scope: Page | Locator, label: string, unit: string) {
	const page = 'page' in scope ? scope.page() : scope;
	const box = scope.getByRole('combobox', { name: label }).and(scope.locator('input'));
	await box.fill(unit.replace(/\s*\([^()]*\)$/, ''));
	await page.getByRole('listbox').getByRole('option', { name: unit, exact: true }).click();
	await expect.poll(() => box.inputValue()).toBe(unit);
}

/**
 * Presses Tab until the focused element is the one wanted — by its text, form name, role, label or
 * id — keyboard only: no click, no focus().
 */
export async function tabTo(page: Page, wanted: { text: string } | { name: string } | { role: string } | { label: string } | { id: string }, limit = 200) {
	for (let step = 0; step < limit; step++) {
		await page.keyboard.press('Tab');
		const reached = await page.evaluate((want) => {
			const element = document.activeElement;
			if (!element) return false;
			if ('name' in want) return element.getAttribute('name') === want.name;
			if ('role' in want) return element.getAttribute('role') === want.role;
			if ('label' in want) return element.getAttribute('aria-label') === want.label;
			if ('id' in want) return element.id === want.id;
			return (element.textContent ?? '').replace(/\s+/g, ' ').trim() === want.text;
		}, wanted);
		if (reached) return;
	}
	throw new Error(`Tab never reached ${JSON.stringify(wanted)}`);
}

/** Moves through an open combobox's list with the arrow keys until the option wanted is the active one. */
export async function arrowTo(page: Page, option: string, limit = 10) {
	for (let step = 0; step < limit; step++) {
		const active = await page.evaluate(() => {
			const id = document.activeElement?.getAttribute('aria-activedescendant');
			return id ? (document.getElementById(id)?.textContent ?? '').trim() : '';
		});
		if (active === option) return;
		await page.keyboard.press('ArrowDown');
	}
	throw new Error(`The arrow keys never reached ${option}`);
}
