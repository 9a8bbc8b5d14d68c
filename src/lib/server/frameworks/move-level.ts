import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { levels } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { findLevel, loadFrameworkForEdit, touchFramework } from './framework-edit';

/** Moves a level one step up or down in the framework's order (the order documents and forms use). */
export async function moveLevel(db: Db, ctx: Ctx, frameworkId: string, levelId: string, direction: 'up' | 'down'): Promise<void> {
	await db.transaction(async (tx) => {
		const framework = await loadFrameworkForEdit(tx, ctx, frameworkId);
		const level = findLevel(framework, levelId);
		const index = framework.levels.indexOf(level);
		const other = framework.levels[direction === 'up' ? index - 1 : index + 1];
		if (!other) return;
		for (const [row, position] of [
			[level, other.position],
			[other, level.position]
		] as const) {
			await tx.update(levels).set({ position }).where(and(eq(levels.tenantId, ctx.tenantId), eq(levels.id, row.id)));
		}
		await touchFramework(tx, ctx, frameworkId);
		await recordAudit(tx, ctx, { action: 'level.move', entityType: 'level', entityId: levelId, after: { direction } });
	});
}
