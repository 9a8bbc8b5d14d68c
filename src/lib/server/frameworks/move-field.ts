import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { levels } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { notFound } from '../shared/domain-error';
import { findLevel, loadFrameworkForEdit, touchFramework } from './framework-edit';
import { DESCRIPTION, itemParts, partKeys } from './field-order';

/**
 * Moves one of a level's parts — a field, or the item's description (`key` 'description') — one
 * step up or down: the order forms and documents write an item in.
 */
export async function moveField(db: Db, ctx: Ctx, frameworkId: string, levelId: string, key: string, direction: 'up' | 'down'): Promise<void> {
	await db.transaction(async (tx) => {
		const framework = await loadFrameworkForEdit(tx, ctx, frameworkId);
		const level = findLevel(framework, levelId);
		const parts = itemParts(level);
		const index = parts.findIndex((part) => (part.kind === 'description' ? key === DESCRIPTION : part.field.key === key));
		if (index < 0) throw notFound();
		const other = direction === 'up' ? index - 1 : index + 1;
		if (other < 0 || other >= parts.length) return;
		[parts[index], parts[other]] = [parts[other], parts[index]];
		const fields = parts.flatMap((part) => (part.kind === 'field' ? [part.field] : []));
		const descriptionPosition = parts.findIndex((part) => part.kind === 'description');
		await tx.update(levels).set({ fields, descriptionPosition }).where(and(eq(levels.tenantId, ctx.tenantId), eq(levels.id, levelId)));
		await touchFramework(tx, ctx, frameworkId);
		await recordAudit(tx, ctx, {
			action: 'field.move',
			entityType: 'level',
			entityId: levelId,
			before: { order: partKeys(level) },
			after: { key, direction, order: partKeys({ fields, descriptionPosition }) }
		});
	});
}
