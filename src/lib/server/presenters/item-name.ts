import type { FieldDefinition } from '../frameworks/field-definition';
import { DESCRIPTION, orderedColumns, partKeys } from '../frameworks/field-order';
import { markdownPlainText } from '../documents/field-text';

/** What naming an item needs of it: its own title, and the texts its first column may hold. */
export interface NameableItem {
	ref: string;
	title: string;
	description: string;
	fieldValues: Record<string, unknown>;
}

/** What naming an item needs of its level. */
export interface NamingLevel {
	untitled: boolean;
	fields: FieldDefinition[];
	descriptionPosition: number;
	tableColumns: string[];
}

/** How much of the first column stands in for a title ("Kartläggning av läsförmågan i åk 1 …"). */
const NAME_LENGTH = 60;

/**
 * An item's name wherever a title is shown (outline, item page, "Att rapportera", follow-up,
 * documents' contents): its title; for an item of a level without titles (numbered rows of cells)
 * the start of its first column that holds text — its table's first column, else its first text
 * in the level's order. Never invented: what is shown is the item's own words.
 */
export function itemName(node: NameableItem, level: NamingLevel | undefined): string {
	if (node.title.trim() || !level?.untitled) return node.title;
	const columns = level.tableColumns.length ? orderedColumns(level) : [];
	for (const key of [...columns, ...partKeys(level)]) {
		const text = partText(node, level, key);
		if (text) return shorten(text);
	}
	return '';
}

/** "3 Kartläggning av …", "1.2 Läsfixare": the item's number and name, as lists and links show it. */
export function itemLabel(node: NameableItem, level: NamingLevel | undefined): string {
	return [node.ref, itemName(node, level)].filter((part) => part.trim()).join(' ');
}

function partText(node: NameableItem, level: NamingLevel, key: string): string {
	if (key === DESCRIPTION) return firstLine(markdownPlainText(node.description));
	const field = level.fields.find((candidate) => candidate.key === key);
	if (!field) return '';
	const value = node.fieldValues[key];
	if (field.type === 'rich_text' && typeof value === 'string') return firstLine(markdownPlainText(value));
	if ((field.type === 'text' || field.type === 'choice') && typeof value === 'string') return firstLine(value);
	if (field.type === 'text_list' && Array.isArray(value)) return firstLine(String(value[0] ?? ''));
	return '';
}

/** The first line with text, without the bullet or number a list item is drawn with in plain text. */
const firstLine = (text: string) => (text.split('\n').find((line) => line.trim()) ?? '').trim().replace(/^(•|\d+[.)])\s+/, '');

function shorten(text: string): string {
	if (text.length <= NAME_LENGTH) return text;
	const cut = text.slice(0, NAME_LENGTH);
	const space = cut.lastIndexOf(' ');
	return `${(space > NAME_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')} …`;
}
