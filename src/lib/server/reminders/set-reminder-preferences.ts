import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { people } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { parseInput } from '../shared/parse-input';
import { notFound } from '../shared/domain-error';
import { isUuid } from '../shared/uuid';
import type { Ctx } from '../shared/context';

const preferencesInput = z.object({
	locale: z.enum(['sv', 'en']).optional(),
	reminders: z.boolean().optional(),
	weeklyDigest: z.boolean().optional()
});

const labels = {
	locale: { sv: 'Språk', en: 'Language' },
	reminders: { sv: 'Påminnelser', en: 'Reminders' },
	weeklyDigest: { sv: 'Veckosammanfattning', en: 'Weekly digest' }
};

export type ReminderPreferences = z.infer<typeof preferencesInput>;

/**
 * The signed-in person's own settings: the language mails are written in, reminders on or off, and
 * the weekly digest (the route offers it only to those the policies let oversee reporting). What is
 * left out stays as it is; nothing changed writes nothing.
 */
export async function setReminderPreferences(db: Db, ctx: Ctx, input: unknown): Promise<void> {
	const data = parseInput(preferencesInput, input, labels);
	const personId = ctx.actor.personId;
	if (!personId || !isUuid(personId)) throw notFound();
	await db.transaction(async (tx) => {
		const where = and(eq(people.tenantId, ctx.tenantId), eq(people.id, personId));
		const [person] = await tx.select({ locale: people.locale, reminders: people.reminders, weeklyDigest: people.weeklyDigest }).from(people).where(where);
		if (!person) throw notFound();
		const changed = (Object.keys(data) as (keyof ReminderPreferences)[]).filter((key) => data[key] !== undefined && data[key] !== person[key]);
		if (!changed.length) return;
		const before = Object.fromEntries(changed.map((key) => [key, person[key]]));
		const after = Object.fromEntries(changed.map((key) => [key, data[key]]));
		await tx.update(people).set(after).where(where);
		await recordAudit(tx, ctx, { action: 'person.preferences', entityType: 'person', entityId: personId, before, after });
	});
}
