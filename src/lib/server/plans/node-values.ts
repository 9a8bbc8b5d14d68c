import type { FieldValues } from '../db/schema';
import type { FieldDefinition } from '../frameworks/field-definition';
import type { LevelRow } from '../frameworks/framework-repository';
import { DomainError } from '../shared/domain-error';
import { deriveDeadlineDate, type PlanYear } from './deadline';
import { isUuid } from '../shared/uuid';
import { parseResponsibleText, type ResponsibleEntry } from './responsible';

/** What an item's fields hold once checked against its level: plain values plus the structured three. */
export interface NodeValues {
	fieldValues: FieldValues;
	responsible: { roles: ResponsibleEntry[]; people: { id: string; note: string }[] } | null;
	boardIds: string[] | null;
	deadlineText: string | null;
	deadlineDate: string | null;
}

const MAX_TEXT = 4_000;
const MAX_RICH_TEXT = 50_000;

/**
 * Checks raw values (from a form, the API or an import) against the level's field definitions.
 * Accepts the loose shapes forms send ("ja", "12,5", one list entry per line) and returns typed ones;
 * a value that breaks its definition is refused with the field's name. Keys the level does not
 * define are refused too, so nothing is stored that no form would show.
 */
export function validateNodeValues(level: Pick<LevelRow, 'fields'>, raw: Record<string, unknown>, plan: PlanYear): NodeValues {
	const known = new Set(level.fields.map((field) => field.key));
	const unknown = Object.keys(raw).find((key) => !known.has(key));
	if (unknown) throw new DomainError('error_unknown_field', { key: unknown }, { field: unknown });

	const result: NodeValues = { fieldValues: {}, responsible: null, boardIds: null, deadlineText: null, deadlineDate: null };
	for (const field of level.fields) {
		const value = raw[field.key];
		const fail = () => invalid(field);
		switch (field.type) {
			case 'text':
			case 'rich_text':
			case 'choice': {
				const text = asText(value, fail);
				if (text.length > (field.type === 'rich_text' ? MAX_RICH_TEXT : MAX_TEXT)) fail();
				if (field.type === 'choice' && text && !field.options.includes(text)) notAccepted(field, 'error_field_choice', text, { options: field.options.map((option) => `"${option}"`).join(', ') });
				if (text) result.fieldValues[field.key] = text;
				else requireAbsent(field);
				break;
			}
			case 'text_list': {
				const list = asList(value, fail);
				if (list.some((entry) => entry.length > MAX_TEXT)) fail();
				if (list.length) result.fieldValues[field.key] = list;
				else requireAbsent(field);
				break;
			}
			case 'yes_no': {
				const flag = asBoolean(value, () => notAccepted(field, 'error_field_yes_no', value));
				if (flag !== null) result.fieldValues[field.key] = flag;
				else requireAbsent(field);
				break;
			}
			case 'number': {
				const number = asNumber(value, () => notAccepted(field, 'error_field_number', value));
				if (number !== null) result.fieldValues[field.key] = number;
				else requireAbsent(field);
				break;
			}
			case 'deadline': {
				const text = asText(value, fail);
				if (text.length > 100) fail();
				result.deadlineText = text || null;
				result.deadlineDate = text ? deriveDeadlineDate(text, plan) : null;
				if (!text) requireAbsent(field);
				break;
			}
			case 'boards': {
				result.boardIds = asList(value, fail);
				if (!result.boardIds.every(isUuid)) fail();
				if (!result.boardIds.length) requireAbsent(field);
				break;
			}
			case 'responsible': {
				result.responsible = asResponsible(value, fail);
				if (!result.responsible.people.every((person) => isUuid(person.id))) fail();
				if (!result.responsible.roles.length && !result.responsible.people.length) requireAbsent(field);
				break;
			}
		}
	}
	return result;
}

function invalid(field: FieldDefinition): never {
	throw new DomainError('error_field_invalid', { field: { sv: field.labelSv, en: field.labelEn } }, { field: field.key });
}

/** A value outside what the field takes, refused with what it does take: the person pasted "Ja, delvis" and needs to know. */
function notAccepted(field: FieldDefinition, code: string, value: unknown, params: Record<string, string> = {}): never {
	const written = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : JSON.stringify(value) ?? '';
	const shown = written.length > 60 ? `${written.slice(0, 59)}…` : written;
	throw new DomainError(code, { field: { sv: field.labelSv, en: field.labelEn }, value: shown, ...params }, { field: field.key });
}

function requireAbsent(field: FieldDefinition): void {
	if (field.required) {
		throw new DomainError('error_field_required', { field: { sv: field.labelSv, en: field.labelEn } }, { field: field.key });
	}
}

function asText(value: unknown, fail: () => never): string {
	if (value === undefined || value === null) return '';
	if (typeof value !== 'string') fail();
	return value.replace(/\r\n/g, '\n').trim();
}

function asList(value: unknown, fail: () => never): string[] {
	if (value === undefined || value === null) return [];
	const entries = typeof value === 'string' ? value.split(/\r?\n/) : Array.isArray(value) ? value : fail();
	if (entries.some((entry) => typeof entry !== 'string')) fail();
	return (entries as string[]).map((entry) => entry.trim()).filter(Boolean);
}

function asBoolean(value: unknown, fail: () => never): boolean | null {
	if (value === undefined || value === null || value === '') return null;
	if (typeof value === 'boolean') return value;
	if (typeof value !== 'string') fail();
	const word = value.trim().toLowerCase();
	if (['ja', 'yes', 'true', 'on', '1'].includes(word)) return true;
	if (['nej', 'no', 'false', 'off', '0'].includes(word)) return false;
	return fail();
}

function asNumber(value: unknown, fail: () => never): number | null {
	if (value === undefined || value === null || value === '') return null;
	if (typeof value === 'number') return Number.isFinite(value) ? value : fail();
	if (typeof value !== 'string') fail();
	const normalised = value.trim().replace(/\s/g, '').replace(',', '.');
	if (!/^-?\d+(\.\d+)?$/.test(normalised)) fail();
	return Number(normalised);
}

/**
 * Responsible from a form, an import or the API: role titles as lines of text ("Rektor (del 2)"
 * keeps "del 2" as the note) or as { name, note }; people as ids or as { id, note }.
 */
function asResponsible(value: unknown, fail: () => never): NonNullable<NodeValues['responsible']> {
	if (value === undefined || value === null || typeof value === 'string' || Array.isArray(value)) {
		return { roles: asEntries(value, fail).map(asRole), people: [] };
	}
	if (typeof value !== 'object') fail();
	const { roles, people } = value as { roles?: unknown; people?: unknown };
	return {
		roles: asEntries(roles, fail).map(asRole),
		people: asEntries(people, fail).map((person) => (typeof person === 'string' ? { id: person, note: '' } : { id: person.name, note: person.note }))
	};
}

const asRole = (entry: string | ResponsibleEntry): ResponsibleEntry => (typeof entry === 'string' ? parseResponsibleText(entry) : entry);

/** Lines of text, or entries given as { name | id, note } (notes bounded like any short text). */
function asEntries(value: unknown, fail: () => never): (string | ResponsibleEntry)[] {
	if (!Array.isArray(value) || value.every((entry) => typeof entry === 'string')) return asList(value, fail);
	return value.map((entry) => {
		if (!entry || typeof entry !== 'object') fail();
		const { name, id, note } = entry as { name?: unknown; id?: unknown; note?: unknown };
		const key = name ?? id;
		if (typeof key !== 'string' || !key.trim() || (note !== undefined && typeof note !== 'string')) fail();
		const text = (note as string | undefined)?.trim() ?? '';
		if (key.length > MAX_TEXT || text.length > 200) fail();
		return { name: key.trim(), note: text };
	});
}
