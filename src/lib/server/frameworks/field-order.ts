import type { FieldDefinition } from './field-definition';

/**
 * The order an item's parts are written in, as the organisation writes them: the level's fields in
 * their order with the item's description (a built-in, stored on the item) placed among them.
 * A plan may have its "Bakgrund" first and the description after it; forms and documents follow.
 */
export type ItemPart = { kind: 'description' } | { kind: 'field'; field: FieldDefinition };

/** A document also places the item's own items (its children) among its parts. */
export type DocumentPart = ItemPart | { kind: 'children' };

/** The key the description has in the order and in table columns. */
export const DESCRIPTION = 'description';
/** The key the item's own items have in a document's order. */
export const CHILDREN = 'children';

interface OrderedLevel {
	fields: FieldDefinition[];
	descriptionPosition: number;
}

interface DocumentOrderedLevel extends OrderedLevel {
	/** How many of the item's parts come before its items; null: after them all. */
	childrenPosition: number | null;
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
	return itemParts(level).map(partKey);
}

export function partKey(part: DocumentPart): string {
	return part.kind === 'field' ? part.field.key : part.kind === 'description' ? DESCRIPTION : CHILDREN;
}

/**
 * The order a document writes an item in: its parts, with its own items placed among them where the
 * level says ("Insatser" between an area's description and its effects; a footnote after the table).
 */
export function documentParts(level: DocumentOrderedLevel): DocumentPart[] {
	const parts: DocumentPart[] = itemParts(level);
	const at = level.childrenPosition === null ? parts.length : Math.max(0, Math.min(level.childrenPosition, parts.length));
	parts.splice(at, 0, { kind: 'children' });
	return parts;
}

/** The stored order of parts written in `parts`' order: the fields, and where the description and the items stand. */
export function storedOrder(parts: DocumentPart[]): { fields: FieldDefinition[]; descriptionPosition: number; childrenPosition: number | null } {
	const fields = parts.flatMap((part) => (part.kind === 'field' ? [part.field] : []));
	const withoutChildren = parts.filter((part) => part.kind !== 'children');
	const children = parts.findIndex((part) => part.kind === 'children');
	return {
		fields,
		descriptionPosition: withoutChildren.findIndex((part) => part.kind === 'description'),
		childrenPosition: children < 0 || children === parts.length - 1 ? null : children
	};
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
