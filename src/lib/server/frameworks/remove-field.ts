import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { levels } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { countFieldValues } from './framework-repository';
import { findLevel, loadFrameworkForEdit, touchFramework } from './framework-edit';
import { documentParts, storedOrder } from './field-order';

/** Removes a field no item has filled in; otherwise refuses, naming how many items hold a value. */
export async function removeField(db: Db, ctx: Ctx, frameworkId: string, levelId: string, key: string): Promise<void> {
	await db.transaction(async (tx) => {
		const framework = await loadFrameworkForEdit(tx, ctx, frameworkId);
		const level = findLevel(framework, levelId);
		const field = level.fields.find((candidate) => candidate.key === key);
		if (!field) throw notFound();
		const held = await countFieldValues(tx, ctx.tenantId, levelId, field);
		if (held) {
			throw new DomainError('error_field_in_use', { field: { sv: field.labelSv, en: field.labelEn }, count: held }, { status: 409 });
		}
		await tx
			.update(levels)
			.set({
				// The description and the items keep their places among the parts that remain.
				...storedOrder(documentParts(level).filter((part) => part.kind !== 'field' || part.field.key !== key)),
				tableColumns: level.tableColumns.filter((column) => column !== key)
			})
			.where(and(eq(levels.tenantId, ctx.tenantId), eq(levels.id, levelId)));
		await touchFramework(tx, ctx, frameworkId);
		await recordAudit(tx, ctx, { action: 'field.delete', entityType: 'level', entityId: levelId, before: field });
	});
}
