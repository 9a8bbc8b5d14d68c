import { z } from 'zod';
import type { Db } from '../db/client';
import { people } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { parseInput } from '../shared/parse-input';

export const addPersonInput = z.object({
	name: z.string().trim().min(1).max(200),
	email: z.email().optional()
});

export async function addPerson(db: Db, ctx: Ctx, input: unknown) {
	const data = parseInput(addPersonInput, input, { name: { sv: 'Namn', en: 'Name' }, email: { sv: 'E-post', en: 'Email' } });
	return db.transaction(async (tx) => {
		const [person] = await tx.insert(people).values({ tenantId: ctx.tenantId, name: data.name, email: data.email ?? null }).returning();
		await recordAudit(tx, ctx, { action: 'person.create', entityType: 'person', entityId: person.id, after: person });
		return person;
	});
}
