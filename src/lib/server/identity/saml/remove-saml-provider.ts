import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { samlProviders } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import type { Ctx } from '../../shared/context';
import { notFound } from '../../shared/domain-error';

/** Ends sign-in through SAML for the organisation (accounts keep their SAML subject, should it come back). */
export async function removeSamlProvider(db: Db, ctx: Ctx): Promise<void> {
	await db.transaction(async (tx) => {
		const [removed] = await tx.delete(samlProviders).where(eq(samlProviders.tenantId, ctx.tenantId)).returning({ entityId: samlProviders.entityId });
		if (!removed) throw notFound();
		await recordAudit(tx, ctx, { action: 'saml_provider.remove', entityType: 'tenant', entityId: ctx.tenantId, before: { entityId: removed.entityId } });
	});
}
