import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { samlProviders } from '../../db/schema';

export type SamlProvider = typeof samlProviders.$inferSelect;

/** The organisation's SAML identity provider, if it has one. */
export async function findSamlProvider(db: Db, tenantId: string): Promise<SamlProvider | undefined> {
	const [row] = await db.select().from(samlProviders).where(eq(samlProviders.tenantId, tenantId));
	return row;
}
