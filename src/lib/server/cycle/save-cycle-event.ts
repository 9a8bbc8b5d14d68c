import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { cycleEventPlans, cycleEvents, CYCLE_EVENT_KINDS, people, plans } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { parseInput } from '../shared/parse-input';
import { DomainError, notFound } from '../shared/domain-error';
import { isUuid } from '../shared/uuid';
import { findCycle, findEvent } from './cycle-repository';
import { cycleSpan, inCycle } from './cycle-year';
import type { Ctx } from '../shared/context';

const optionalDate = z.preprocess((value) => (value === '' ? null : value), z.iso.date().nullable().default(null));
const eventInput = z.object({
	name: z.string().trim().min(1).max(160),
	kind: z.enum(CYCLE_EVENT_KINDS),
	startsOn: z.iso.date(),
	endsOn: optionalDate,
	responsiblePersonId: z.preprocess((value) => (value === '' ? null : value), z.string().nullable().default(null)),
	note: z.string().trim().max(2_000).default(''),
	planIds: z.array(z.string()).max(500).default([]),
	/** Shown in the calendar of its plans' public pages (a form's checkbox: 'on' or 'true'; absent is no). */
	isPublic: z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean()),
	version: z.coerce.number().int().optional()
});
const labels = {
	name: { sv: 'Namn', en: 'Name' },
	kind: { sv: 'Slag', en: 'Kind' },
	startsOn: { sv: 'Datum', en: 'Date' },
	endsOn: { sv: 'Till och med', en: 'Until' },
	responsiblePersonId: { sv: 'Ansvarig', en: 'Responsible' },
	note: { sv: 'Anteckning', en: 'Note' },
	planIds: { sv: 'Planer', en: 'Plans' },
	isPublic: { sv: 'Visa för allmänheten', en: 'Show to the public' },
	version: { sv: 'Version', en: 'Version' }
};

/**
 * Adds an event to a cycle, or changes one (`eventId`). Its days must lie in the cycle's year (an
 * event of another year belongs in that year's cycle: refused, saying which days the year has); a
 * follow-up needs its due day (`endsOn`). Events may overlap: the list shows them side by side.
 * The plans it concerns are the organisation's own; the responsible person too. A public event is
 * offered, with its name, days and kind, in the calendar of its plans' public pages.
 */
export async function saveCycleEvent(db: Db, ctx: Ctx, cycleId: string, input: unknown, eventId?: string): Promise<string> {
	const data = parseInput(eventInput, input, labels);
	return db.transaction(async (tx) => {
		const cycle = await findCycle(tx, ctx.tenantId, cycleId);
		if (!cycle) throw notFound();
		const span = cycleSpan(cycle.periodKind, cycle.startYear);
		for (const field of ['startsOn', 'endsOn'] as const) {
			const day = data[field];
			if (day && !inCycle(day, span)) throw new DomainError('error_cycle_outside', { first: span.first, last: span.last }, { field });
		}
		if (data.endsOn && data.endsOn < data.startsOn) throw new DomainError('error_cycle_span', {}, { field: 'endsOn' });
		if (data.kind === 'follow_up' && !data.endsOn) throw new DomainError('error_cycle_follow_up_due', {}, { field: 'endsOn' });
		const planIds = [...new Set(data.planIds.filter(isUuid))];
		if (planIds.length !== new Set(data.planIds).size) throw notFound();
		if (planIds.length) {
			const found = await tx.select({ id: plans.id }).from(plans).where(and(eq(plans.tenantId, ctx.tenantId), inArray(plans.id, planIds)));
			if (found.length !== planIds.length) throw notFound();
		}
		if (data.responsiblePersonId) {
			if (!isUuid(data.responsiblePersonId)) throw notFound();
			const [person] = await tx.select({ id: people.id }).from(people).where(and(eq(people.tenantId, ctx.tenantId), eq(people.id, data.responsiblePersonId)));
			if (!person) throw notFound();
		}
		const values = { name: data.name, kind: data.kind, startsOn: data.startsOn, endsOn: data.endsOn, responsiblePersonId: data.responsiblePersonId, note: data.note, isPublic: data.isPublic };
		let id = eventId;
		let before: unknown;
		if (eventId) {
			const existing = await findEvent(tx, ctx.tenantId, eventId);
			if (!existing || existing.cycleId !== cycleId) throw notFound();
			if (data.version !== undefined && data.version !== existing.version) throw new DomainError('error_stale_edit', {}, { status: 409 });
			before = existing;
			await tx
				.update(cycleEvents)
				.set({ ...values, version: sql`${cycleEvents.version} + 1` })
				.where(and(eq(cycleEvents.tenantId, ctx.tenantId), eq(cycleEvents.id, eventId)));
			await tx.delete(cycleEventPlans).where(and(eq(cycleEventPlans.tenantId, ctx.tenantId), eq(cycleEventPlans.eventId, eventId)));
		} else {
			const [created] = await tx.insert(cycleEvents).values({ tenantId: ctx.tenantId, cycleId, ...values }).returning({ id: cycleEvents.id });
			id = created.id;
		}
		if (planIds.length) await tx.insert(cycleEventPlans).values(planIds.map((planId) => ({ tenantId: ctx.tenantId, eventId: id!, planId })));
		await recordAudit(tx, ctx, { action: eventId ? 'cycle_event.update' : 'cycle_event.create', entityType: 'cycle_event', entityId: id!, before, after: { ...values, planIds } });
		return id!;
	});
}
