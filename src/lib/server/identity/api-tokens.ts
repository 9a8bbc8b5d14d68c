import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { apiTokens } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { ALL_UNITS, type Actor, type Ctx } from '../shared/context';
import { notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { isUuid } from '../shared/uuid';
import { hashSecret, joinCredential, newSecret, splitCredential } from './secrets';

const PREFIX = 'stk_';

/** Creates a token for an integration. The returned token is shown once; only its hash is kept. */
export async function createApiToken(db: Db, ctx: Ctx, input: unknown): Promise<{ id: string; token: string }> {
	const { name } = parseInput(z.object({ name: z.string().trim().min(1).max(100) }), input, { name: { sv: 'Namn', en: 'Name' } });
	const secret = newSecret();
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(apiTokens)
			.values({ tenantId: ctx.tenantId, name, tokenHash: hashSecret(secret), createdBy: ctx.actor.id })
			.returning();
		await recordAudit(tx, ctx, { action: 'api_token.create', entityType: 'api_token', entityId: row.id, after: { name } });
		return { id: row.id, token: PREFIX + joinCredential(ctx.tenantId, secret) };
	});
}

export async function revokeApiToken(db: Db, ctx: Ctx, tokenId: string): Promise<void> {
	if (!isUuid(tokenId)) throw notFound();
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(apiTokens)
			.set({ revokedAt: new Date() })
			.where(and(eq(apiTokens.tenantId, ctx.tenantId), eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
			.returning();
		if (!row) throw notFound();
		await recordAudit(tx, ctx, { action: 'api_token.revoke', entityType: 'api_token', entityId: tokenId, before: { name: row.name } });
	});
}

export async function listApiTokens(db: Db, tenantId: string) {
	const rows = await db.select().from(apiTokens).where(eq(apiTokens.tenantId, tenantId));
	return rows
		.map(({ tokenHash: _hash, ...row }) => row)
		.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/**
 * The organisation and actor a bearer token stands for, or undefined (unknown, revoked or
 * malformed). The API is read-only so far, so a token reads everything in its organisation.
 */
export async function resolveApiToken(db: Db, bearer: string | undefined): Promise<{ tenantId: string; actor: Actor } | undefined> {
	if (!bearer?.startsWith(PREFIX)) return undefined;
	const credential = splitCredential(bearer.slice(PREFIX.length));
	if (!credential) return undefined;
	const key = and(eq(apiTokens.tenantId, credential.tenantId), eq(apiTokens.tokenHash, hashSecret(credential.secret)));
	const [row] = await db.select().from(apiTokens).where(key);
	if (!row || row.revokedAt) return undefined;
	if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(key);
	return {
		tenantId: row.tenantId,
		actor: { id: `api:${row.id}`, name: row.name, grants: [{ role: 'reader', units: ALL_UNITS, organisationWide: true }] }
	};
}
