import { and, eq, lt, sql } from 'drizzle-orm';
import { executePrepared, type Db } from '../db/client';
import { sessions, type Role } from '../db/schema';
import { rowsOf } from '../db/rows';
import { hashSecret, joinCredential, newSecret, splitCredential } from './secrets';

export const SESSION_COOKIE = 'styrkedjan_session';
export const SESSION_HOURS = 12;
/** last_seen_at is refreshed at most this often, so reading pages does not write on every request. */
const TOUCH_AFTER_MS = 5 * 60_000;

/** Opens a session; returns the cookie value (the only place the secret exists). */
export async function createSession(tx: Db, tenantId: string, accountId: string, now = new Date()): Promise<string> {
	const secret = newSecret();
	await tx.insert(sessions).values({
		tenantId,
		tokenHash: hashSecret(secret),
		accountId,
		createdAt: now,
		lastSeenAt: now,
		expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000)
	});
	return joinCredential(tenantId, secret);
}

export interface SessionIdentity {
	tenant: { id: string; slug: string; name: string; createdAt: Date };
	tenantId: string;
	accountId: string;
	personId: string;
	email: string;
	disabled: boolean;
	name: string;
	assignments: { role: Role; unitId: string }[];
	units: { id: string; parentId: string | null }[];
}

/**
 * The session a cookie names, if it exists and has not expired, with everything a request needs to
 * know about who is asking (account, person, organisation, roles, the unit tree they apply to), in
 * one round trip: this runs before every page and every save. Sliding: use extends it.
 */
export async function resolveSession(db: Db, cookie: string | undefined, now = new Date()): Promise<SessionIdentity | undefined> {
	const credential = splitCredential(cookie);
	if (!credential) return undefined;
	const tokenHash = hashSecret(credential.secret);
	// A named prepared statement: each pooled connection plans it once (planning cost three times
	// the execution when it was planned per request). Not cached in the process: the roles and the
	// unit tree are read anew each request, so a removed role or a moved unit applies at once.
	const [row] = rowsOf<SessionRow>(
		await executePrepared(db, 'session', sql`
			select s.account_id, s.expires_at, s.last_seen_at, a.person_id, a.email, a.disabled, p.name,
				t.slug as tenant_slug, t.name as tenant_name, t.created_at as tenant_created_at,
				(select coalesce(json_agg(json_build_object('role', r.role, 'unitId', r.unit_id)), '[]'::json)
					from role_assignments r where r.tenant_id = s.tenant_id and r.account_id = s.account_id) as assignments,
				(select coalesce(json_agg(json_build_object('id', u.id, 'parentId', u.parent_id)), '[]'::json)
					from units u where u.tenant_id = s.tenant_id) as units
			from sessions s
			join accounts a on a.tenant_id = s.tenant_id and a.id = s.account_id
			join people p on p.tenant_id = a.tenant_id and p.id = a.person_id
			join tenants t on t.id = s.tenant_id
			where s.tenant_id = ${credential.tenantId} and s.token_hash = ${tokenHash}`)
	);
	if (!row || new Date(row.expires_at) <= now) return undefined;
	if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_AFTER_MS) {
		await db
			.update(sessions)
			.set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000) })
			.where(and(eq(sessions.tenantId, credential.tenantId), eq(sessions.tokenHash, tokenHash)));
	}
	return {
		tenant: { id: credential.tenantId, slug: row.tenant_slug, name: row.tenant_name, createdAt: new Date(row.tenant_created_at) },
		tenantId: credential.tenantId,
		accountId: row.account_id,
		personId: row.person_id,
		email: row.email,
		disabled: row.disabled,
		name: row.name,
		assignments: jsonOf(row.assignments),
		units: jsonOf(row.units)
	};
}

interface SessionRow {
	account_id: string;
	expires_at: Date | string;
	last_seen_at: Date | string;
	person_id: string;
	email: string;
	disabled: boolean;
	name: string;
	tenant_slug: string;
	tenant_name: string;
	tenant_created_at: Date | string;
	assignments: unknown;
	units: unknown;
}

/** json columns arrive parsed from node-postgres and PGlite alike; a string is parsed to be sure. */
function jsonOf<T>(value: unknown): T {
	return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export async function endSession(db: Db, cookie: string | undefined): Promise<void> {
	const credential = splitCredential(cookie);
	if (!credential) return;
	await db.delete(sessions).where(and(eq(sessions.tenantId, credential.tenantId), eq(sessions.tokenHash, hashSecret(credential.secret))));
}

export async function endSessionsOf(tx: Db, tenantId: string, accountId: string): Promise<void> {
	await tx.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.accountId, accountId)));
}

export async function removeExpiredSessions(db: Db, now = new Date()): Promise<void> {
	await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
