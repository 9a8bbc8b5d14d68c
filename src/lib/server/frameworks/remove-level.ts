import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { levels } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/domain-error';
import { countNodesByLevel } from './framework-repository';
import { findLevel, levelLabel, loadFrameworkForEdit, touchFramework } from './framework-edit';

/** Removes a level no item uses; a level in use is refused with the number of items on it. */
export async function removeLevel(db: Db, ctx: Ctx, frameworkId: string, levelId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const framework = await loadFrameworkForEdit(tx, ctx, frameworkId);
		const level = findLevel(framework, levelId);
		const inUse = (await countNodesByLevel(tx, ctx.tenantId, frameworkId)).get(levelId) ?? 0;
		if (inUse) throw new DomainError('error_level_in_use', { level: levelLabel(level), count: inUse }, { status: 409 });
		await tx.delete(levels).where(and(eq(levels.tenantId, ctx.tenantId), eq(levels.id, levelId)));
		await tx
			.update(levels)
			.set({ position: sql`${levels.position} - 1` })
			.where(and(eq(levels.tenantId, ctx.tenantId), eq(levels.frameworkId, frameworkId), sql`${levels.position} > ${level.position}`));
		await touchFramework(tx, ctx, frameworkId);
		await recordAudit(tx, ctx, { action: 'level.delete', entityType: 'level', entityId: levelId, before: level });
	});
}
