import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { roleTitleHolders, roleTitles } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { isUuid } from '../shared/uuid';
import { people } from '../db/schema';

/**
 * Makes a person a holder of a role title ("Planeringschef") by its name, adding the title to the
 * organisation's list if it is new; or stops them holding it. Items whose responsible is the title
 * then reach (or stop reaching) them.
 */
export async function holdRoleTitle(db: Db, ctx: Ctx, personId: string, titleName: string, hold: boolean): Promise<void> {
	const name = titleName.trim();
	if (!name) throw new DomainError('error_field_required', { field: { sv: 'Rolltitel', en: 'Role title' } }, { field: 'title' });
	if (!isUuid(personId)) throw notFound();
	await db.transaction(async (tx) => {
		const [person] = await tx.select().from(people).where(and(eq(people.tenantId, ctx.tenantId), eq(people.id, personId)));
		if (!person) throw notFound();
		let [title] = await tx.select().from(roleTitles).where(and(eq(roleTitles.tenantId, ctx.tenantId), eq(roleTitles.name, name)));
		if (!title && !hold) throw notFound();
		title ??= (await tx.insert(roleTitles).values({ tenantId: ctx.tenantId, name }).returning())[0];
		const key = { tenantId: ctx.tenantId, roleTitleId: title.id, personId };
		if (hold) await tx.insert(roleTitleHolders).values(key).onConflictDoNothing();
		else
			await tx
				.delete(roleTitleHolders)
				.where(and(eq(roleTitleHolders.tenantId, ctx.tenantId), eq(roleTitleHolders.roleTitleId, title.id), eq(roleTitleHolders.personId, personId)));
		await recordAudit(tx, ctx, { action: hold ? 'role_title.hold' : 'role_title.release', entityType: 'person', entityId: personId, after: { title: name } });
	});
}
