import { z } from 'zod';

/**
 * The kinds of field a level can carry. Three of them have their own storage because other parts
 * of the system query them: responsible (who reports), boards (filtering) and deadline (overdue).
 */
export const FIELD_TYPES = [
	'text',
	'rich_text',
	'text_list',
	'responsible',
	'boards',
	'deadline',
	'yes_no',
	'choice',
	'number'
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Field types stored in their own tables/columns rather than in the item's field values. */
export const STRUCTURED_FIELD_TYPES: readonly FieldType[] = ['responsible', 'boards', 'deadline'];

export const fieldKeySchema = z
	.string()
	.trim()
	.regex(/^[a-z][a-z0-9_]{0,39}$/);

export const fieldDefinitionSchema = z.object({
	key: fieldKeySchema,
	type: z.enum(FIELD_TYPES),
	labelSv: z.string().trim().min(1).max(120),
	labelEn: z.string().trim().min(1).max(120),
	/** A hint shown under the label, e.g. "Vad mäta?". */
	helpSv: z.string().trim().max(200).default(''),
	helpEn: z.string().trim().max(200).default(''),
	required: z.boolean().default(false),
	/** Choices, for type choice. */
	options: z.array(z.string().trim().min(1).max(120)).default([])
});
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>;

export function isStructured(type: FieldType): boolean {
	return STRUCTURED_FIELD_TYPES.includes(type);
}
