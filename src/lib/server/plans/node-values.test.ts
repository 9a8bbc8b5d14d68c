import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../frameworks/field-definition';
import { messageFor } from '../presenters/message';
import type { DomainError } from '../shared/domain-error';
import { validateNodeValues } from './node-values';

const field = (key: string, type: FieldDefinition['type'], labelSv: string, labelEn: string, options: string[] = []): FieldDefinition => ({
	key,
	type,
	labelSv,
	labelEn,
	helpSv: '',
	helpEn: '',
	required: false,
	options
});
const level = {
	fields: [
		field('beskrivet', 'yes_no', 'Tydliggjort i uppdragsbeskrivning', 'Clarified in an assignment description'),
		field('typ', 'choice', 'Typ av uppdrag', 'Kind of assignment', ['Kommungemensamt', 'Nämndspecifikt']),
		field('antal', 'number', 'Antal', 'Count')
	]
};
const plan = { periodKind: 'calendar_year' as const, startYear: 2025 };

/** The refusal of a value, in Swedish and English. */
function refusal(values: Record<string, unknown>): { code: string; sv: string; en: string } {
	try {
		validateNodeValues(level, values, plan);
	} catch (thrown) {
		const error = thrown as DomainError;
		return { code: error.code, sv: messageFor(error, 'sv'), en: messageFor(error, 'en') };
	}
	throw new Error('not refused');
}

describe('values refused by their field', () => {
	it('names the values a yes/no field takes, and the value given', () => {
		expect(refusal({ beskrivet: 'Ja, delvis' })).toEqual({
			code: 'error_field_yes_no',
			sv: 'Fältet "Tydliggjort i uppdragsbeskrivning" kan bara vara ja eller nej, inte "Ja, delvis". Skriv ja eller nej (även yes/no eller 1/0), eller lämna cellen tom.',
			en: 'The field "Clarified in an assignment description" can only be yes or no, not "Ja, delvis". Write yes or no (also ja/nej or 1/0), or leave the cell empty.'
		});
		expect(validateNodeValues(level, { beskrivet: ' JA ' }, plan).fieldValues).toEqual({ beskrivet: true });
	});

	it('names the choices of a choice field and says what a number looks like', () => {
		expect(refusal({ typ: 'Påhittad' }).sv).toBe('Fältet "Typ av uppdrag" kan bara vara ett av "Kommungemensamt", "Nämndspecifikt", inte "Påhittad".');
		expect(refusal({ antal: 'tolv' })).toMatchObject({ code: 'error_field_number', en: 'The field "Count" must be a number, e.g. 12 or 12.5, not "tolv".' });
		// A long cell is cut in the message, not in what was pasted.
		expect(refusal({ beskrivet: `Ja ${'och '.repeat(40)}` }).sv).toMatch(/inte "Ja och och .{40,60}…"\./);
	});
});
