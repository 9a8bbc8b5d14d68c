import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { people, tenants } from '../db/schema';
import { findAccount } from '../identity/account-repository';
import { resolveApiToken } from '../identity/api-tokens';
import { buildActor } from '../identity/build-actor';
import { resolveSession } from '../identity/sessions';
import type { Tenant } from '../organisation/organisation-repository';
import type { Ctx } from '../shared/context';

export interface RequestIdentity {
	ctx: Ctx;
	tenant: Tenant;
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
	const account = session && (await findAccount(db, session.tenantId, session.accountId));
	if (!session || !account || account.disabled) return { refused: 'session' };
	const [person] = await db.select().from(people).where(and(eq(people.tenantId, account.tenantId), eq(people.id, account.personId)));
	const actor = await buildActor(db, account.tenantId, account, person.name);
	return { ctx: { tenantId: account.tenantId, actor }, tenant: await tenantOf(db, account.tenantId), user: { name: person.name, email: account.email } };
}

async function tenantOf(db: Db, tenantId: string): Promise<Tenant> {
	const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
	return tenant;
}
