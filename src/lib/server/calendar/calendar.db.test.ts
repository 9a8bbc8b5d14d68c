import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { calendarFeeds, people } from '../db/schema';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { readCalendar } from '../testing/read-calendar';
import { addNode } from '../plans/add-node';
import { adoptPlan } from '../plans/adopt-plan';
import { setPlanPublished } from '../plans/publish-plan';
import { addAccount } from '../identity/add-account';
import { holdRoleTitle } from '../identity/hold-role-title';
import { setAccountDisabled } from '../identity/set-account-disabled';
import { addPeriod, setPeriodClosed } from '../follow-up/manage-periods';
import { recordFollowUp } from '../follow-up/record-follow-up';
import { listScale } from '../follow-up/scales';
import { createCycle } from '../cycle/create-cycle';
import { saveCycleEvent } from '../cycle/save-cycle-event';
import { listAuditEvents } from '../audit/audit-repository';
import { findPublishedPlan } from '../documents/public-plans';
import { publicFile } from '../documents/public-file';
import { can } from '../policies';
import { swedishToday } from '../shared/calendar-date';
import { ALL_UNITS, type Ctx } from '../shared/context';
import { findActiveFeed, resolveFeedToken } from './calendar-feeds';
import { createCalendarFeed } from './create-calendar-feed';
import { revokeCalendarFeed } from './revoke-calendar-feed';
import { personCalendar } from './person-calendar';
import { hasPublicEvents, publicPlanCalendar } from './public-plan-calendar';
import { icalFeed } from './ical-feed';

const TODAY = '2024-10-01';
const ORIGIN = 'https://styrkedjan.example';

/**
 * An organisation's year as a reporter's calendar sees it: a plan (2024) with activities for the
 * Utvecklingschef (held by the reporter) with deadlines, one for the Rektor; an open period with
 * their items unreported, one where all are reported, a closed one; the annual cycle with events
 * this year (one public, concerning the plan), and one of 2022 (older than a year back).
 */
async function organisation(db: Db, name: string) {
	const org = await createTestOrganisation(db);
	const { plan, level } = await createTestPlan(db, org.ctx, org.top.id, 'enkel');
	const goal = await addNode(db, org.ctx, plan.id, { levelId: level('mal').id, title: `${name}s mål` });
	const activity = (title: string, values: Record<string, string>) => addNode(db, org.ctx, plan.id, { levelId: level('aktivitet').id, parentId: goal.id, title, values });
	const mine = await activity(`${name} läsfixare`, { responsible: 'Utvecklingschef', deadline: 'December' });
	const second = await activity(`${name} mattelyftet`, { responsible: 'Utvecklingschef', deadline: '2024-11-15' });
	const old = await activity(`${name} gammal`, { responsible: 'Utvecklingschef', deadline: '2022-05-01' });
	await activity(`${name} rektorns`, { responsible: 'Rektor', deadline: 'September' });
	const reporter = await addAccount(db, org.ctx, { email: `omar@${name.toLowerCase()}.se`, name: `Omar ${name}`, role: 'reporter' });
	await holdRoleTitle(db, org.ctx, reporter.personId, 'Utvecklingschef', true);
	const open = await addPeriod(db, org.ctx, plan.id, { name: 'Delår 2', asOf: '2024-08-31', dueOn: '2024-09-15' });
	const done = await addPeriod(db, org.ctx, plan.id, { name: 'Delår 1', asOf: '2024-04-30', dueOn: '2024-05-15' });
	const closed = await addPeriod(db, org.ctx, plan.id, { name: 'Helår 2023', asOf: '2023-12-31', dueOn: '2024-01-31' });
	const [status] = await listScale(db, org.tenant.id, 'status');
	for (const node of [mine, second, old]) await recordFollowUp(db, org.ctx, plan.id, node.id, done, { statusId: status.id, comment: 'Klart.' });
	await setPeriodClosed(db, org.ctx, plan.id, closed, true);
	const cycleId = await createCycle(db, org.ctx, { periodKind: 'calendar_year', startYear: 2024 });
	const board = await saveCycleEvent(db, org.ctx, cycleId, { name: `${name}s nämnd`, kind: 'board_meeting', startsOn: '2024-11-12', planIds: [plan.id], isPublic: 'true', note: 'Intern anteckning' });
	const followUp = await saveCycleEvent(db, org.ctx, cycleId, { name: 'Delår 2 per 31 augusti', kind: 'follow_up', startsOn: '2024-08-31', endsOn: '2024-09-15', planIds: [plan.id] });
	const oldCycle = await createCycle(db, org.ctx, { periodKind: 'calendar_year', startYear: 2022 });
	await saveCycleEvent(db, org.ctx, oldCycle, { name: 'Förra årets nämnd', kind: 'board_meeting', startsOn: '2022-03-01', planIds: [plan.id], isPublic: 'true' });
	const reporterCtx: Ctx = { tenantId: org.tenant.id, actor: { id: reporter.id, name: `Omar ${name}`, personId: reporter.personId, grants: [{ role: 'reporter', units: ALL_UNITS, organisationWide: true }] } };
	return { org, plan, mine, second, reporter, reporterCtx, open, cycleId, board, followUp };
}

const tokenOf = (url: string) => url.slice(`${ORIGIN}/kalender/`.length);

async function feedText(db: Db, token: string): Promise<string | undefined> {
	const owner = await resolveFeedToken(db, token);
	if (!owner || !can(owner.actor, 'calendar.feed', { personId: owner.person.id })) return undefined;
	const entries = await personCalendar(db, owner.tenantId, owner.person, { today: TODAY, origin: ORIGIN });
	return icalFeed({ name: `Styrkedjan – ${owner.organisation}`, locale: owner.person.locale, entries });
}

describe('calendar feeds', () => {
	it("holds a reporter's cycle events, due dates and deadlines, in their language, read back by ical.js", async () => {
		const db = await testDb();
		const north = await organisation(db, 'Norr');
		await organisation(db, 'Syd');
		const { url } = await createCalendarFeed(db, north.reporterCtx, ORIGIN);
		expect(url).toMatch(new RegExp(`^${ORIGIN}/kalender/${north.org.tenant.id}\\.[A-Za-z0-9_-]{43}\\.ics$`));
		const token = tokenOf(url);
		// Only the hash is kept: the secret is nowhere in the table.
		const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.tenantId, north.org.tenant.id));
		expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(row)).not.toContain(token.split('.')[1].replace('.ics', ''));

		const calendar = readCalendar((await feedText(db, token))!);
		expect(calendar.name).toBe(`Styrkedjan – ${north.org.tenant.name}`);
		expect(calendar.timezone).toBe('Europe/Stockholm');
		expect(calendar.events.map((event) => [event.start, event.summary])).toEqual([
			['2024-08-31', 'Delår 2 per 31 augusti'],
			['2024-09-15', `Sista dag att rapportera: Delår 2 (${north.plan.title})`],
			['2024-11-12', 'Norrs nämnd'],
			['2024-11-15', 'Klart senast: Norr mattelyftet'],
			['2024-12-31', 'Klart senast: Norr läsfixare']
		]);
		const [followUp, due, board, deadline] = calendar.events;
		expect(calendar.events.every((event) => event.allDay)).toBe(true);
		expect(followUp).toMatchObject({ uid: `cycle-event-${north.followUp}@styrkedjan`, end: '2024-09-16', url: `${ORIGIN}/arshjul?cycle=${north.cycleId}#event-${north.followUp}` });
		expect(due).toMatchObject({ uid: `period-due-${north.open}@styrkedjan`, end: '2024-09-16', url: `${ORIGIN}/att-rapportera` });
		// Three unreported items of theirs in the open period (the old activity is still theirs to report).
		expect(due.description).toContain('3 punkter att rapportera');
		expect(board.description).toContain('Nämndsammanträde');
		expect(board.description).toContain('Intern anteckning');
		expect(deadline).toMatchObject({ uid: `item-deadline-${north.second.id}@styrkedjan`, url: `${ORIGIN}/plans/${north.plan.id}/nodes/${north.second.id}` });
		expect(deadline.description).toContain('Klart: 2024-11-15');

		// Fetched again: the same UIDs (calendar apps update rather than duplicate); in English once the person chooses it.
		await db.update(people).set({ locale: 'en' }).where(and(eq(people.tenantId, north.org.tenant.id), eq(people.id, north.reporter.personId)));
		const again = readCalendar((await feedText(db, token))!);
		expect(again.events.map((event) => event.uid)).toEqual(calendar.events.map((event) => event.uid));
		expect(again.events.map((event) => event.summary)).toContain(`Reports due: Delår 2 (${north.plan.title})`);
		expect(again.events.map((event) => event.summary)).toContain('Due: Norr läsfixare');
		expect((await findActiveFeed(db, north.org.tenant.id, north.reporter.personId))?.lastUsedAt).not.toBeNull();
	});

	it('revokes: a new address turns off the old, a revoked one answers like an unknown one, and both are audited', async () => {
		const db = await testDb();
		const { org, reporter, reporterCtx } = await organisation(db, 'Norr');
		const first = tokenOf((await createCalendarFeed(db, reporterCtx, ORIGIN)).url);
		const second = tokenOf((await createCalendarFeed(db, reporterCtx, ORIGIN)).url);
		expect(await feedText(db, first)).toBeUndefined();
		expect(await feedText(db, second)).toContain('BEGIN:VCALENDAR');
		const active = (await findActiveFeed(db, org.tenant.id, reporter.personId))!;
		await revokeCalendarFeed(db, reporterCtx, active.id);
		expect(await feedText(db, second)).toBeUndefined();
		expect(await findActiveFeed(db, org.tenant.id, reporter.personId)).toBeUndefined();
		await expect(revokeCalendarFeed(db, reporterCtx, active.id)).rejects.toMatchObject({ code: 'error_not_found' });
		const actions = (await listAuditEvents(db, org.tenant.id, { limit: 50 })).map((event) => event.action);
		expect(actions.filter((action) => action === 'calendar_feed.create')).toHaveLength(2);
		expect(actions).toContain('calendar_feed.revoke');
	});

	it("answers nothing for a forged token, another organisation's id with the secret, a disabled account, and refuses another person's feed", async () => {
		const db = await testDb();
		const north = await organisation(db, 'Norr');
		const south = await organisation(db, 'Syd');
		const token = tokenOf((await createCalendarFeed(db, north.reporterCtx, ORIGIN)).url);
		const [, secret] = token.replace(/\.ics$/, '').split('.');
		expect(await resolveFeedToken(db, `${south.org.tenant.id}.${secret}.ics`)).toBeUndefined();
		expect(await resolveFeedToken(db, `${north.org.tenant.id}.${'A'.repeat(43)}.ics`)).toBeUndefined();
		expect(await resolveFeedToken(db, 'not-a-token')).toBeUndefined();
		expect(await resolveFeedToken(db, `${token}${'x'.repeat(200)}`)).toBeUndefined();
		expect(await resolveFeedToken(db, token.replace(/\.ics$/, ''))).toBeDefined();
		// Another organisation's person cannot revoke it (their organisation holds no such feed), nor can another person by policy.
		const feed = (await findActiveFeed(db, north.org.tenant.id, north.reporter.personId))!;
		await expect(revokeCalendarFeed(db, south.reporterCtx, feed.id)).rejects.toMatchObject({ code: 'error_not_found' });
		expect(can(south.reporterCtx.actor, 'calendar.feed', { personId: feed.personId })).toBe(false);
		// A disabled account's feed stops: the person has no roles left to read with.
		await setAccountDisabled(db, north.org.ctx, north.reporter.id, true);
		expect(await feedText(db, token)).toBeUndefined();
	});

	it("gives a published plan's calendar only its public events, and offers it on the public page", async () => {
		const db = await testDb();
		const north = await organisation(db, 'Norr');
		const south = await organisation(db, 'Syd');
		const options = { today: TODAY, planUrl: `${ORIGIN}/public/x/${north.plan.id}`, locale: 'sv' as const };
		expect(await findPublishedPlan(db, north.org.tenant.slug, north.plan.id)).toBeUndefined();
		await adoptPlan(db, north.org.ctx, north.plan.id, { adoptedBy: 'Nämnden', adoptedOn: '2024-01-20' });
		await setPlanPublished(db, north.org.ctx, north.plan.id, true);
		expect(await findPublishedPlan(db, north.org.tenant.slug, north.plan.id)).toBeDefined();
		const calendar = readCalendar(icalFeed({ name: north.plan.title, locale: 'sv', entries: await publicPlanCalendar(db, north.org.tenant.id, north.plan.id, options) }));
		expect(calendar.events.map((event) => event.summary)).toEqual(['Norrs nämnd']);
		expect(calendar.events[0].description).not.toContain('Intern anteckning');
		expect(calendar.events[0].url).toBe(options.planUrl);
		// Another organisation's plan id finds none of this organisation's events.
		expect(await publicPlanCalendar(db, north.org.tenant.id, south.plan.id, options)).toEqual([]);

		// The public page (today's: this year's cycle) offers the calendar once an event concerning the plan is public.
		const publicPage = async () => (await publicFile(db, north.org.tenant.slug, north.plan.id, { format: 'html', locale: 'sv' }))!.body.toString();
		expect(await publicPage()).not.toContain('kalender.ics');
		const year = Number(swedishToday().slice(0, 4));
		const thisYear = await createCycle(db, north.org.ctx, { periodKind: 'calendar_year', startYear: year });
		const yearly = await saveCycleEvent(db, north.org.ctx, thisYear, { name: 'Årets nämnd', kind: 'board_meeting', startsOn: `${year}-01-01`, planIds: [north.plan.id], isPublic: 'on' });
		expect(await publicPage()).toContain(`<a href="/public/${north.org.tenant.slug}/${north.plan.id}/kalender.ics">Prenumerera på planens kalender</a>`);


		// Not public any more: gone from the calendar, and the page no longer offers it.
		await saveCycleEvent(db, north.org.ctx, north.cycleId, { name: 'Norrs nämnd', kind: 'board_meeting', startsOn: '2024-11-12', planIds: [north.plan.id] }, north.board);
		expect((await publicPlanCalendar(db, north.org.tenant.id, north.plan.id, options)).map((entry) => entry.summary)).toEqual(['Årets nämnd']);
		await saveCycleEvent(db, north.org.ctx, thisYear, { name: 'Årets nämnd', kind: 'board_meeting', startsOn: `${year}-01-01`, planIds: [north.plan.id] }, yearly);
		expect(await hasPublicEvents(db, north.org.tenant.id, north.plan.id, TODAY)).toBe(false);
		expect(await publicPage()).not.toContain('kalender.ics');
	});
});
