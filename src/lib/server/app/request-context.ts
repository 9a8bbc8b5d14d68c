import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tenants } from '../db/schema';
import { resolveApiToken } from '../identity/api-tokens';
import { grantsFrom } from '../identity/grants';
import { resolveSession } from '../identity/sessions';
import type { RequestTenant } from '../organisation/organisation-repository';
import type { Ctx } from '../shared/context';

export interface RequestIdentity {
	ctx: Ctx;
	tenant: RequestTenant;
	user?: { name: string; email: string };
}

/** Who is asking: a signed-in person (session cookie) or an integration (API token). */
export async function resolveRequestContext(
	db: Db,
	credentials: { sessionCookie?: string; bearer?: string }
): Promise<RequestIdentity | { refused: 'session' | 'token' } | undefined> {
	if (credentials.bearer) {
		const token = await resolveApiToken(db, credentials.bearer);
		if (!token) return { refused: 'token' };
		return { ctx: { tenantId: token.tenantId, actor: token.actor }, tenant: await tenantOf(db, token.tenantId) };
	}
	if (!credentials.sessionCookie) return undefined;
	const session = await resolveSession(db, credentials.sessionCookie);
	if (!session || session.disabled) return { refused: 'session' };
	const actor = { id: session.accountId, name: session.name, grants: grantsFrom(session.units, session.assignments), personId: session.personId };
	return { ctx: { tenantId: session.tenantId, actor }, tenant: session.tenant, user: { name: session.name, email: session.email } };
}

async function tenantOf(db: Db, tenantId: string): Promise<RequestTenant> {
	const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
	return tenant;
}
