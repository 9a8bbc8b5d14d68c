import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { tenants } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { parseInput } from '../shared/parse-input';
import type { Ctx } from '../shared/context';

const daysInput = z.object({ days: z.coerce.number().int().min(0).max(60) });

/** How many days before a period's due date the organisation's reporters are reminded (0: only once it has passed). */
export async function setReminderDays(db: Db, ctx: Ctx, input: unknown): Promise<void> {
	const { days } = parseInput(daysInput, input, { days: { sv: 'Dagar före sista dag', en: 'Days before the due date' } });
	await db.transaction(async (tx) => {
		const [before] = await tx.select({ reminderDaysBefore: tenants.reminderDaysBefore }).from(tenants).where(eq(tenants.id, ctx.tenantId));
		if (before?.reminderDaysBefore === days) return;
		await tx.update(tenants).set({ reminderDaysBefore: days }).where(eq(tenants.id, ctx.tenantId));
		await recordAudit(tx, ctx, { action: 'organisation.reminders', entityType: 'tenant', entityId: ctx.tenantId, before, after: { reminderDaysBefore: days } });
	});
}
