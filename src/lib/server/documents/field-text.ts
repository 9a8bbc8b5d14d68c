import { responsibleLabel } from '../plans/responsible';
import { m } from '../../paraglide/messages.js';
import type { FieldDefinition } from '../frameworks/field-definition';
import type { PlanNode } from '../plans/plan-repository';
import { parseRichText, parseRichTextInline, plainRichText, richPlainText, valuesRichText, type RichText } from './rich-text-model';

export type Locale = 'sv' | 'en';

export function fieldLabel(field: FieldDefinition | undefined, key: string, locale: Locale): string {
	if (!field) return key;
	return locale === 'en' ? field.labelEn : field.labelSv;
}

/** A field's value as lines of plain text (lists keep their items apart); rich text is Markdown, whole. */
export function fieldLines(field: FieldDefinition, node: PlanNode, boards: Map<string, string>, locale: Locale): string[] {
	const value = node.fieldValues[field.key];
	switch (field.type) {
		case 'responsible':
			return node.responsibles.map(responsibleLabel);
		case 'boards':
			return node.boardIds.map((id) => boards.get(id) ?? '');
		case 'deadline':
			return node.deadlineText ? [node.deadlineText] : [];
		case 'text_list':
			return Array.isArray(value) ? (value as string[]) : [];
		case 'yes_no':
			return typeof value === 'boolean' ? [value ? m.yes({}, { locale }) : m.no({}, { locale })] : [];
		case 'number':
			return typeof value === 'number' ? [value.toLocaleString(locale === 'en' ? 'en-GB' : 'sv-SE')] : [];
		case 'rich_text':
			return typeof value === 'string' && value.trim() ? [value] : [];
		default:
			return typeof value === 'string' && value.trim() ? value.split('\n').filter((line) => line.trim()) : [];
	}
}

/** A field's value as a document draws it in a table cell or beside its label (rich text parsed, several values a list). */
export function fieldRichText(field: FieldDefinition, node: PlanNode, boards: Map<string, string>, locale: Locale): RichText {
	const lines = fieldLines(field, node, boards, locale);
	if (field.type === 'rich_text') return parseRichTextInline(lines[0] ?? '');
	// A text field's lines are one value written over several lines, not a list.
	if (field.type !== 'text_list' && field.type !== 'responsible' && field.type !== 'boards') return plainRichText(lines.join('\n'));
	// Boards and roles are short names the reference documents write on one line ("BoU, BiN"); a role
	// whose own text has a comma keeps the list, where the joined line could not be read back apart.
	const shown = lines.filter((line) => line.trim());
	if (field.type === 'boards' || (field.type === 'responsible' && !shown.some((line) => line.includes(',')))) return plainRichText(shown.join(', '));
	return valuesRichText(lines);
}

/** A field's value as plain text for Excel and CSV: no Markdown, one value (or list item) per line. */
export function fieldPlainText(field: FieldDefinition, node: PlanNode, boards: Map<string, string>, locale: Locale): string {
	const lines = fieldLines(field, node, boards, locale);
	if (field.type === 'boards') return lines.filter((line) => line.trim()).join(', ');
	return field.type === 'rich_text' ? markdownPlainText(lines[0] ?? '') : lines.join('\n');
}

/** Markdown (a description, a comment, an analysis) as plain text with line breaks; a heading is a line of its own. */
export function markdownPlainText(markdown: string): string {
	return richPlainText(parseRichText(markdown).map((block) => (block.kind === 'heading' ? { kind: 'paragraph', content: block.content } : block)));
}
