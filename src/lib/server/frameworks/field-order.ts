import type { FieldDefinition } from './field-definition';

/**
 * The order an item's parts are written in, as the organisation writes them: the level's fields in
 * their order with the item's description (a built-in, stored on the item) placed among them.
 * A plan may have its "Bakgrund" first and the description after it; forms and documents follow.
 */
export type ItemPart = { kind: 'description' } | { kind: 'field'; field: FieldDefinition };

/** The key the description has in the order and in table columns. */
export const DESCRIPTION = 'description';

interface OrderedLevel {
	fields: FieldDefinition[];
	descriptionPosition: number;
}

/** Where the description stands among the fields, kept within them whatever was stored. */
export function descriptionIndex(level: OrderedLevel): number {
	return Math.max(0, Math.min(level.descriptionPosition, level.fields.length));
}

export function itemParts(level: OrderedLevel): ItemPart[] {
	const parts: ItemPart[] = level.fields.map((field) => ({ kind: 'field', field }));
	parts.splice(descriptionIndex(level), 0, { kind: 'description' });
	return parts;
}

/** The parts' keys in order ('description' for the description). */
export function partKeys(level: OrderedLevel): string[] {
	return itemParts(level).map((part) => (part.kind === 'description' ? DESCRIPTION : part.field.key));
}

/**
 * A table level's columns in print order: the built-ins that are not parts (parent, number, title)
 * keep their places, and the level's parts among the columns (fields, description) fill the other
 * places in the level's order. So moving a field in the framework editor moves its column too.
 */
export function orderedColumns(level: OrderedLevel & { tableColumns: string[] }): string[] {
	const order = partKeys(level);
	const isPart = (key: string) => order.includes(key);
	const parts = level.tableColumns.filter(isPart).sort((a, b) => order.indexOf(a) - order.indexOf(b));
	return level.tableColumns.map((key) => (isPart(key) ? parts.shift()! : key));
}

/**
 * One order for several levels' parts (a workbook has one column per field for every level): each
 * level's order is kept where the levels agree; a key is placed after the key it follows in the
 * first level that has it.
 */
export function mergedPartKeys(levels: OrderedLevel[]): string[] {
	const merged: string[] = [];
	for (const level of levels) {
		let after = -1;
		for (const key of partKeys(level)) {
			const at = merged.indexOf(key);
			if (at >= 0) after = at;
			else merged.splice(++after, 0, key);
		}
	}
	return merged;
}
