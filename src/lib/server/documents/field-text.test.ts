import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../frameworks/field-definition';
import type { PlanNode } from '../plans/plan-repository';
import { fieldPlainText, fieldRichText } from './field-text';
import { importedValue, type ImportLookups } from './import-values';
import { richHtml } from './render-html';

const field = (type: string) => ({ key: type, type, labelSv: type, labelEn: type }) as unknown as FieldDefinition;
const node = (values: Partial<PlanNode>) => ({ fieldValues: {}, responsibles: [], boardIds: [], deadlineText: '', ...values }) as unknown as PlanNode;
const boards = new Map([
	['bou', 'BoU'],
	['bin', 'BiN']
]);

describe('a field as a document draws it', () => {
	it('writes several boards on one line, as the reference documents do ("BoU, BiN")', () => {
		expect(richHtml(fieldRichText(field('boards'), node({ boardIds: ['bou', 'bin'] }), boards, 'sv'), true)).toBe('BoU, BiN');
	});

	it('writes several roles on one line, unless a role has a comma of its own', () => {
		const roles = [
			{ name: 'Rektor', note: '' },
			{ name: 'Förskolechef', note: 'Norr' }
		];
		expect(richHtml(fieldRichText(field('responsible'), node({ responsibles: roles as PlanNode['responsibles'] }), boards, 'sv'), true)).toBe('Rektor, Förskolechef (Norr)');
		const commas = [roles[0], { name: 'Förskolechef', note: 'Norr, Syd' }];
		expect(richHtml(fieldRichText(field('responsible'), node({ responsibles: commas as PlanNode['responsibles'] }), boards, 'sv'), true)).toBe('<ul><li>Rektor</li><li>Förskolechef (Norr, Syd)</li></ul>');
	});

	it('writes several boards on one line in Excel and CSV too, and reads that line back as the boards', () => {
		expect(fieldPlainText(field('boards'), node({ boardIds: ['bou', 'bin'] }), boards, 'sv')).toBe('BoU, BiN');
		const lookups = { boardIds: new Map([['bou', 'bou'], ['bin', 'bin'], ['kultur, fritid', 'kf']]), boardNames: [], personIds: new Map() } as unknown as ImportLookups;
		expect(importedValue(field('boards'), ['BoU, BiN'], lookups, { splitLists: true })).toEqual({ value: ['bou', 'bin'], problem: undefined });
		expect(importedValue(field('boards'), ['BoU', 'Kultur, fritid'], lookups, { splitLists: true }).value).toEqual(['bou', 'kf']);
		expect(importedValue(field('boards'), ['BoU, KuN'], lookups, { splitLists: true }).problem).toMatchObject({ code: 'error_import_unknown_board' });
	});

	it('keeps a list field\'s values a list', () => {
		expect(richHtml(fieldRichText(field('text_list'), node({ fieldValues: { text_list: ['Ett', 'Två'] } }), boards, 'sv'), true)).toBe('<ul><li>Ett</li><li>Två</li></ul>');
	});
});
