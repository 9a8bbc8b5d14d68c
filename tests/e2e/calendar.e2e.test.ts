import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readCalendar } from '../../src/lib/server/testing/read-calendar';
import { expectAccessible, signInAt, tabTo, useBrowser, visit } from './support';

const browser = useBrowser();

/**
 * Calendar feeds (Kalendby kommun, the seed's organisation for this alone: a published plan, this
 * year's cycle with one public event and one not, a reporter with an item to report and a deadline):
 * a person makes their secret address on /arshjul by keyboard, a calendar app (a context without
 * cookies) subscribes and reads it back with ical.js, the address is turned off and answers 404;
 * the plan's public page offers its public events; an administrator marks an event public.
 */
const year = new Date().getFullYear();

async function signIn(page: Page, email: string) {
	await signInAt(page, '/login/kalendby', email, 'kalendby-losenord-2026');
	await page.waitForURL((url) => url.pathname === '/');
}

/** A calendar app: no session, nothing but the address. */
async function subscribe(address: string) {
	const app = await browser.newPage();
	const response = await app.request.get(address);
	const answer = { status: response.status(), headers: response.headers(), text: await response.text() };
	await app.context().close();
	return answer;
}

/** The plan's calendar, as its public page offers it (to anyone, signed out). */
async function publicCalendar() {
	const visitor = await browser.newPage();
	await visit(visitor, '/public/kalendby');
	await visitor.getByRole('link', { name: 'Kalendbys plan' }).click();
	await visitor.waitForURL((url) => /^\/public\/kalendby\/[0-9a-f-]{36}$/.test(url.pathname));
	await expectAccessible(visitor);
	const link = visitor.getByRole('link', { name: 'Prenumerera på planens kalender' });
	const href = (await link.getAttribute('href'))!;
	expect(href).toMatch(/\/kalender\.ics$/);
	const response = await visitor.request.get(href);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	const calendar = readCalendar(await response.text());
	await visitor.context().close();
	return calendar;
}

describe('calendar feeds', () => {
	it('lets a person make their secret calendar address, subscribe to it, and turn it off', { timeout: 240_000 }, async () => {
		const page = await browser.newPage();
		await signIn(page, 'rapportor@kalendby.se');
		await visit(page, '/arshjul');
		const section = page.getByRole('region', { name: 'Din kalender' });
		expect(await section.textContent()).toContain('Du har ingen kalenderadress än.');

		// By keyboard: the button is reached with Tab and pressed with Enter.
		await tabTo(page, { text: 'Skapa kalenderadress' });
		await page.keyboard.press('Enter');
		await expect.poll(() => section.getByRole('status').textContent()).toContain('Kopiera den nu');
		const address = await page.getByLabel('Kalenderadress').inputValue();
		expect(address).toMatch(/\/kalender\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}\.ics$/);
		expect(await page.getByLabel('Kalenderadress').getAttribute('readonly')).not.toBeNull();
		await expectAccessible(page);

		const feed = await subscribe(address);
		expect(feed.status).toBe(200);
		expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
		expect(feed.headers['cache-control']).toBe('private, no-store');
		const calendar = readCalendar(feed.text);
		expect(calendar.name).toBe('Styrkedjan – Kalendby kommun');
		expect(calendar.timezone).toBe('Europe/Stockholm');
		const events = new Map(calendar.events.map((event) => [event.summary, event]));
		expect(events.get('Kalendbys nämnd')).toMatchObject({ start: `${year}-02-12`, allDay: true });
		expect(events.get('Kalendbys analysdagar')).toMatchObject({ start: `${year}-05-10`, end: `${year}-05-21` });
		expect(events.get('Sista dag att rapportera: Delår 1 (Kalendbys plan)')).toMatchObject({ start: `${year}-05-15` });
		expect(events.get('Klart senast: Läsfixare i åk 1')).toMatchObject({ start: `${year}-12-31` });
		expect(events.get('Sista dag att rapportera: Delår 1 (Kalendbys plan)')!.url).toMatch(/\/att-rapportera$/);

		// Shown once: back on the page, the address is gone; the feed is there, fetched.
		await visit(page, '/arshjul#kalender');
		expect(await page.getByLabel('Kalenderadress').count()).toBe(0);
		expect(await page.locator('main').textContent()).not.toContain(address);
		expect(await section.textContent()).toContain('Senast hämtad');

		await tabTo(page, { text: 'Stäng av kalenderadressen' });
		await page.keyboard.press('Enter');
		await expect.poll(() => section.getByRole('status').textContent()).toBe('Kalenderadressen är avstängd.');
		await expectAccessible(page);
		expect(await section.textContent()).toContain('Du har ingen kalenderadress än.');
		const revoked = await subscribe(address);
		expect(revoked.status).toBe(404);
		// A forged secret of the same organisation: the same answer.
		expect((await subscribe(address.replace(/\.[A-Za-z0-9_-]{43}\.ics$/, `.${'A'.repeat(43)}.ics`))).status).toBe(404);
		await page.context().close();
	});

	it("offers a published plan's public events on its public page, and lets an administrator mark an event public", { timeout: 240_000 }, async () => {
		const before = await publicCalendar();
		expect(before.events.map((event) => event.summary)).toContain('Kalendbys nämnd');
		expect(before.events.map((event) => event.summary)).not.toContain('Kalendbys analysdagar');

		const page = await browser.newPage();
		await signIn(page, 'admin@kalendby.se');
		await visit(page, '/arshjul');
		const board = page.locator('ol.events > li').filter({ hasText: 'Kalendbys nämnd' });
		expect(await board.textContent()).toContain('Offentlig');
		const form = page.locator('form[action="?/addEvent"]');
		await form.getByLabel('Namn').fill('Öppet hus om planen');
		await form.getByLabel('Slag').selectOption({ label: 'Annat' });
		await form.getByLabel('Datum').fill(`${year}-03-10`);
		await form.getByLabel('Kalendbys plan').check();
		await form.getByLabel('Visa för allmänheten').check();
		await form.getByRole('button', { name: 'Lägg till händelse' }).click();
		await page.waitForURL((url) => url.hash.startsWith('#event-'));
		expect(await page.locator('ol.events > li').filter({ hasText: 'Öppet hus om planen' }).textContent()).toContain('Offentlig');
		await expectAccessible(page);
		await page.context().close();

		const after = await publicCalendar();
		expect(after.events.find((event) => event.summary === 'Öppet hus om planen')).toMatchObject({ start: `${year}-03-10`, allDay: true });
		expect(after.events.map((event) => event.summary)).not.toContain('Kalendbys analysdagar');
	});
});
