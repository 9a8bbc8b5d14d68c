import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { levels } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { notFound } from '../shared/domain-error';
import { findLevel, loadFrameworkForEdit, touchFramework } from './framework-edit';
import { documentParts, partKey, storedOrder } from './field-order';

/**
 * Moves one of a level's parts — a field, the item's description (`key` 'description') or, in
 * documents, its own items (`key` 'children') — one step up or down: the order forms and documents
 * write an item in.
 */
export async function moveField(db: Db, ctx: Ctx, frameworkId: string, levelId: string, key: string, direction: 'up' | 'down'): Promise<void> {
	await db.transaction(async (tx) => {
		const framework = await loadFrameworkForEdit(tx, ctx, frameworkId);
		const level = findLevel(framework, levelId);
		const parts = documentParts(level);
		const index = parts.findIndex((part) => partKey(part) === key);
		if (index < 0) throw notFound();
		const other = direction === 'up' ? index - 1 : index + 1;
		if (other < 0 || other >= parts.length) return;
		[parts[index], parts[other]] = [parts[other], parts[index]];
		const order = storedOrder(parts);
		await tx.update(levels).set(order).where(and(eq(levels.tenantId, ctx.tenantId), eq(levels.id, levelId)));
		await touchFramework(tx, ctx, frameworkId);
		await recordAudit(tx, ctx, {
			action: 'field.move',
			entityType: 'level',
			entityId: levelId,
			before: { order: documentParts(level).map(partKey) },
			after: { key, direction, order: parts.map(partKey) }
		});
	});
}
