import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { levels } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { keyFromName } from '../shared/slug';
import { countFieldValues } from './framework-repository';
import { findLevel, loadFrameworkForEdit, touchFramework } from './framework-edit';
import { fieldDefinitionSchema, isStructured, type FieldDefinition } from './field-definition';

export const saveFieldInput = fieldDefinitionSchema.extend({
	/** The field being edited; absent for a new field (its key is made from the Swedish label). */
	key: z.string().optional()
});

const labels = {
	type: { sv: 'Typ', en: 'Type' },
	labelSv: { sv: 'Etikett (svenska)', en: 'Label (Swedish)' },
	labelEn: { sv: 'Etikett (engelska)', en: 'Label (English)' },
	helpSv: { sv: 'Hjälptext (svenska)', en: 'Help text (Swedish)' },
	helpEn: { sv: 'Hjälptext (engelska)', en: 'Help text (English)' },
	options: { sv: 'Val', en: 'Choices' }
};

/**
 * Adds a field to a level or changes one. A type change is refused while items hold values of
 * the old type, so no data is dropped silently. Responsible, boards and deadline are stored once
 * per item, so a level carries each of them at most once.
 */
export async function saveField(db: Db, ctx: Ctx, frameworkId: string, levelId: string, input: unknown): Promise<string> {
	const data = parseInput(saveFieldInput, input, labels);
	if (data.type === 'choice' && data.options.length === 0) {
		throw new DomainError('error_choice_needs_options', {}, { field: 'options' });
	}
	return db.transaction(async (tx) => {
		const framework = await loadFrameworkForEdit(tx, ctx, frameworkId);
		const level = findLevel(framework, levelId);
		const existing = data.key ? level.fields.find((field) => field.key === data.key) : undefined;
		if (data.key && !existing) throw new DomainError('error_not_found', {}, { status: 404 });

		if (isStructured(data.type) && level.fields.some((field) => field.type === data.type && field.key !== existing?.key)) {
			throw new DomainError('error_field_type_once', { type: data.type }, { field: 'type', status: 409 });
		}
		if (existing && existing.type !== data.type) {
			const held = await countFieldValues(tx, ctx.tenantId, levelId, existing);
			if (held) {
				throw new DomainError(
					'error_field_in_use',
					{ field: { sv: existing.labelSv, en: existing.labelEn }, count: held },
					{ field: 'type', status: 409 }
				);
			}
		}
		const key =
			existing?.key ??
			(isStructured(data.type) ? data.type : keyFromName(data.labelSv, [...level.fields.map((field) => field.key), 'title', 'ref', 'description', 'parent', 'children']));
		const definition: FieldDefinition = { ...data, key, options: data.type === 'choice' ? data.options : [] };
		const fields = existing
			? level.fields.map((field) => (field.key === key ? definition : field))
			: [...level.fields, definition];
		await tx.update(levels).set({ fields }).where(and(eq(levels.tenantId, ctx.tenantId), eq(levels.id, levelId)));
		await touchFramework(tx, ctx, frameworkId);
		await recordAudit(tx, ctx, {
			action: existing ? 'field.update' : 'field.create',
			entityType: 'level',
			entityId: levelId,
			before: existing,
			after: definition
		});
		return key;
	});
}
