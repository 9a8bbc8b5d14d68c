import { describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditEvents } from '../db/schema';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from '../plans/add-node';
import { removeNode } from '../plans/remove-node';
import { addIndicator } from '../indicators/add-indicator';
import { addAccount } from '../identity/add-account';
import { addPeriod } from '../follow-up/manage-periods';
import { recordFollowUp } from '../follow-up/record-follow-up';
import { listScale } from '../follow-up/scales';
import { addUnit } from '../organisation/add-unit';
import type { Ctx } from '../shared/context';
import { recordAudits } from './record-audit';
import { listAuditPage, parseCursor } from './audit-log';
import { describeAuditEvents } from './audit-sentences';

const sentence = (entry: { lead: string; name: string; tail: string }) => `${entry.lead}${entry.name}${entry.tail}`;

describe('audit log, paged by keyset', () => {
	it('walks every change once, older and back newer, even when many were written at the same instant', async () => {
		const db = await testDb();
		const { ctx, top } = await createTestOrganisation(db);
		// Eleven records in one statement: one transaction, so one timestamp; only the id orders them.
		await db.transaction((tx) =>
			recordAudits(tx, ctx, Array.from({ length: 11 }, () => ({ action: 'unit.update', entityType: 'unit', entityId: top.id, after: { name: 'X' } })))
		);
		const all = await db
			.select({ id: auditEvents.id })
			.from(auditEvents)
			.where(eq(auditEvents.tenantId, ctx.tenantId))
			.orderBy(desc(auditEvents.at), desc(auditEvents.id));
		expect(all.length).toBeGreaterThan(13);

		const pages: string[][] = [];
		let page = await listAuditPage(db, ctx.tenantId, {}, { size: 4 });
		expect(page.newer).toBeNull();
		pages.push(page.events.map((event) => event.id));
		while (page.older) {
			page = await listAuditPage(db, ctx.tenantId, {}, { after: page.older, size: 4 });
			pages.push(page.events.map((event) => event.id));
		}
		expect(pages.flat()).toEqual(all.map((row) => row.id));
		expect(pages.every((ids) => ids.length === 4 || ids === pages.at(-1))).toBe(true);

		// And back again from the last page: the same pages, in the same order.
		const back: string[][] = [pages.at(-1)!];
		while (page.newer) {
			page = await listAuditPage(db, ctx.tenantId, {}, { before: page.newer, size: 4 });
			back.unshift(page.events.map((event) => event.id));
		}
		expect(back).toEqual(pages);
	});

	it('reads no cursor out of a malformed one (it shows the first page)', async () => {
		expect(parseCursor('2026-13-45T99:00:00.000000|not-an-id')).toBeNull();
		expect(parseCursor("2026-01-01T00:00:00.000000|x'; drop table audit_events; --")).toBeNull();
		expect(parseCursor('2026-01-01T10:00:00.123456|6f1c7a38-8a0b-4d4e-9d59-3e0c7c2f3a11')).toEqual({ at: '2026-01-01T10:00:00.123456', id: '6f1c7a38-8a0b-4d4e-9d59-3e0c7c2f3a11' });
		const db = await testDb();
		const { ctx } = await createTestOrganisation(db);
		const page = await listAuditPage(db, ctx.tenantId, {}, { after: 'nonsense' });
		expect(page.events.length).toBeGreaterThan(0);
		expect(page.newer).toBeNull();
	});
});

describe('audit log, filtered and read as sentences', () => {
	async function setup() {
		const db = await testDb();
		const org = await createTestOrganisation(db);
		const { plan, level } = await createTestPlan(db, org.ctx, org.top.id, 'enkel');
		const account = await addAccount(db, org.ctx, { name: 'Anna Ek', email: `anna-${org.tenant.id.slice(0, 8)}@example.se`, role: 'admin', unitId: org.top.id });
		const anna: Ctx = { tenantId: org.tenant.id, actor: { ...org.ctx.actor, id: account.id, name: 'Anna Ek' } };
		const goal = await addNode(db, org.ctx, plan.id, { levelId: level('mal').id, title: 'Höga kunskapsresultat' });
		const activity = await addNode(db, anna, plan.id, { levelId: level('aktivitet').id, parentId: goal.id, title: 'Läsfixare i åk 1' });
		const indicator = await addIndicator(db, anna, plan.id, activity.id, { name: 'Andel som läser', kind: 'percent' });
		const period = await addPeriod(db, org.ctx, plan.id, { name: 'Delår 2', asOf: '2024-08-31', dueOn: '2024-09-15' });
		const statuses = await listScale(db, org.tenant.id, 'status');
		const status = (label: string) => statuses.find((value) => value.labelSv === label)!.id;
		await recordFollowUp(db, anna, plan.id, activity.id, period, { statusId: status('Pågående'), comment: 'Startat.' });
		await recordFollowUp(db, anna, plan.id, activity.id, period, { statusId: status('Genomförd'), comment: 'Klart.', version: 1 });
		const gone = await addNode(db, org.ctx, plan.id, { levelId: level('aktivitet').id, parentId: goal.id, title: 'Läsloggar' });
		await removeNode(db, org.ctx, plan.id, gone.id);
		await addUnit(db, org.ctx, { parentId: org.top.id, kind: 'school_unit', name: 'Norrskolan' });
		return { db, ...org, plan, account, anna, activity, indicator, gone, period };
	}

	it('says who did what to which thing, in Swedish and in English, with a link to it', async () => {
		const { db, ctx, plan, account, activity } = await setup();
		const page = await listAuditPage(db, ctx.tenantId, { actor: account.id });
		const sv = await describeAuditEvents(db, ctx.tenantId, page.events, 'sv');
		expect(sv.map(sentence)).toEqual([
			'Anna Ek sparade uppföljningen av ”Läsfixare i åk 1”',
			'Anna Ek sparade uppföljningen av ”Läsfixare i åk 1”',
			'Anna Ek lade till indikatorn ”Andel som läser”',
			'Anna Ek lade till ”Läsfixare i åk 1”'
		]);
		expect(sv[0]).toMatchObject({ actor: 'Anna Ek', name: 'Läsfixare i åk 1', href: `/plans/${plan.id}/nodes/${activity.id}` });
		// What changed, by name: the status's label, not its id.
		expect(sv[0].changes).toEqual(expect.arrayContaining([{ field: 'Status', before: 'Pågående', after: 'Genomförd' }, { field: 'Kommentar', before: 'Startat.', after: 'Klart.' }]));
		expect(JSON.stringify(sv.map((entry) => [sentence(entry), entry.changes]))).not.toMatch(/follow_up|[0-9a-f]{8}-[0-9a-f]{4}-/);
		const en = await describeAuditEvents(db, ctx.tenantId, page.events.slice(0, 1), 'en');
		expect(en.map(sentence)).toEqual(['Anna Ek saved the follow-up of “Läsfixare i åk 1”']);
	});

	it('names a removed item by the title it had, without a link', async () => {
		const { db, ctx, gone } = await setup();
		const page = await listAuditPage(db, ctx.tenantId, { item: 'läslogg' });
		const entries = await describeAuditEvents(db, ctx.tenantId, page.events, 'sv');
		expect(entries.map(sentence)).toEqual(['test tog bort ”Läsloggar”']);
		expect(entries[0].href).toBeNull();
		expect(page.events[0].entityId).toBe(gone.id);
	});

	it('filters by person, by item name (with its indicators), by kind and by date', async () => {
		const { db, ctx, account, activity, indicator } = await setup();
		const actions = async (filter: Parameters<typeof listAuditPage>[2]) => (await listAuditPage(db, ctx.tenantId, filter)).events.map((event) => event.action);

		const byName = (await listAuditPage(db, ctx.tenantId, { item: 'LÄSFIXARE' })).events;
		expect(byName.map((event) => event.entityId).sort()).toEqual([activity.id, activity.id, activity.id, indicator].sort());
		expect(await actions({ item: '100%_' })).toEqual([]); // % and _ are taken literally
		expect(await actions({ kind: 'follow_up' })).toEqual(['follow_up.save', 'follow_up.save']);
		expect(await actions({ kind: 'organisation', actor: 'test' })).toEqual(expect.arrayContaining(['unit.create', 'tenant.create']));
		expect((await actions({ kind: 'organisation' })).every((action) => /^(unit|tenant|scale)\./.test(action))).toBe(true);
		expect(await actions({ actor: account.id, kind: 'item' })).toEqual(['indicator.create', 'node.create']);

		const today = new Date().toISOString().slice(0, 10);
		expect((await actions({ from: today, to: today })).length).toBeGreaterThan(5);
		expect(await actions({ to: '2000-01-01' })).toEqual([]);
		expect(await actions({ from: '2999-01-01' })).toEqual([]);
		// Another organisation's log is not there, whatever the filter.
		const other = await createTestOrganisation(db);
		expect((await listAuditPage(db, other.tenant.id, { actor: account.id })).events).toEqual([]);
		expect((await db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, other.tenant.id), eq(auditEvents.actor, account.id)))).length).toBe(0);
	});
});
