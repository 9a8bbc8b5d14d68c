import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { calendarFeeds, type Role } from '../db/schema';
import { rowsOf } from '../db/rows';
import { grantsFrom } from '../identity/grants';
import { hashSecret, joinCredential, splitCredential } from '../identity/secrets';
import { isUuid } from '../shared/uuid';
import type { Actor } from '../shared/context';

/** last_used_at is written at most this often, so a calendar app polling the feed does not write on every fetch. */
const TOUCH_AFTER_MS = 60 * 60_000;
/** Longer than any address we make ("<tenant id>.<secret>.ics"): anything longer is not read. */
const MAX_TOKEN_LENGTH = 120;

/** The path of a feed's address: the secret is in it, so it exists only in the answer that made it. */
export const feedPath = (tenantId: string, secret: string) => `/kalender/${joinCredential(tenantId, secret)}.ics`;

/** The person's feed in use (not revoked), if any: when it was made and last fetched, never its secret. */
export async function findActiveFeed(db: Db, tenantId: string, personId: string) {
	const [feed] = await db
		.select({ id: calendarFeeds.id, personId: calendarFeeds.personId, createdAt: calendarFeeds.createdAt, lastUsedAt: calendarFeeds.lastUsedAt })
		.from(calendarFeeds)
		.where(and(eq(calendarFeeds.tenantId, tenantId), eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt)))
		.orderBy(desc(calendarFeeds.createdAt))
		.limit(1);
	return feed;
}

/** A feed of the organisation by id (revoked or not), for the policy to check whose it is. */
export async function findFeed(db: Db, tenantId: string, feedId: string) {
	if (!isUuid(feedId)) return undefined;
	const [feed] = await db
		.select({ id: calendarFeeds.id, personId: calendarFeeds.personId, revokedAt: calendarFeeds.revokedAt })
		.from(calendarFeeds)
		.where(and(eq(calendarFeeds.tenantId, tenantId), eq(calendarFeeds.id, feedId)));
	return feed;
}

export interface FeedOwner {
	tenantId: string;
	feedId: string;
	organisation: string;
	person: { id: string; name: string; locale: 'sv' | 'en' };
	/** The person as an actor, with the roles of their accounts that are not disabled: the policy decides on it. */
	actor: Actor;
}

interface FeedRow {
	id: string;
	person_id: string;
	name: string;
	locale: 'sv' | 'en';
	organisation: string;
	last_used_at: Date | string | null;
	assignments: unknown;
	units: unknown;
}

/**
 * Whose feed an address names: the organisation from the address, the feed by (organisation, hash of
 * the secret), not revoked; with the person's roles (through their accounts that are not disabled).
 * Anything else — malformed, unknown, revoked, another organisation's — is undefined, one answer for all.
 */
export async function resolveFeedToken(db: Db, token: string, now = new Date()): Promise<FeedOwner | undefined> {
	if (token.length > MAX_TOKEN_LENGTH) return undefined;
	const credential = splitCredential(token.replace(/\.ics$/, ''));
	if (!credential) return undefined;
	const tokenHash = hashSecret(credential.secret);
	const [row] = rowsOf<FeedRow>(
		await db.execute(sql`
			select f.id, f.person_id, p.name, p.locale, t.name as organisation, f.last_used_at,
				(select coalesce(json_agg(json_build_object('role', r.role, 'unitId', r.unit_id)), '[]'::json)
					from role_assignments r join accounts a on a.tenant_id = r.tenant_id and a.id = r.account_id
					where r.tenant_id = f.tenant_id and a.person_id = f.person_id and not a.disabled) as assignments,
				(select coalesce(json_agg(json_build_object('id', u.id, 'parentId', u.parent_id)), '[]'::json)
					from units u where u.tenant_id = f.tenant_id) as units
			from calendar_feeds f
			join people p on p.tenant_id = f.tenant_id and p.id = f.person_id
			join tenants t on t.id = f.tenant_id
			where f.tenant_id = ${credential.tenantId} and f.token_hash = ${tokenHash} and f.revoked_at is null`)
	);
	if (!row) return undefined;
	if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > TOUCH_AFTER_MS) {
		await db
			.update(calendarFeeds)
			.set({ lastUsedAt: now })
			.where(and(eq(calendarFeeds.tenantId, credential.tenantId), eq(calendarFeeds.tokenHash, tokenHash)));
	}
	const grants = grantsFrom(jsonOf(row.units), jsonOf<{ role: Role; unitId: string }[]>(row.assignments));
	return {
		tenantId: credential.tenantId,
		feedId: row.id,
		organisation: row.organisation,
		person: { id: row.person_id, name: row.name, locale: row.locale === 'en' ? 'en' : 'sv' },
		actor: { id: `calendar:${row.id}`, name: row.name, grants, personId: row.person_id }
	};
}

/** json columns arrive parsed from node-postgres and PGlite alike; a string is parsed to be sure. */
function jsonOf<T>(value: unknown): T {
	return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
