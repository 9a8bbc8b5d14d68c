import { describe, expect, it } from 'vitest';
import { m } from '../../paraglide/messages.js';

type Locale = 'sv' | 'en';
/** Each message that counts something, with 1 and with 2, in both languages: "1 punkt", never "1 punkter". */
const cases: [string, (count: number, locale: Locale) => string, Record<Locale, [string, string]>][] = [
	['paste_done', (count, locale) => m.paste_done({ count }, { locale }), { sv: ['Klart: 1 ny punkt.', 'Klart: 2 nya punkter.'], en: ['Done: 1 new item.', 'Done: 2 new items.'] }],
	[
		'paste_rows_count',
		(count, locale) => m.paste_rows_count({ count }, { locale }),
		{ sv: ['1 rad blir en ny punkt. Den visas här.', '2 rader blir nya punkter. De första visas här.'], en: ['1 row becomes a new item. It is shown here.', '2 rows become new items. The first are shown here.'] }
	],
	[
		'import_done + import_counts',
		(count, locale) => m.import_done({ counts: m.import_counts({ created: count, updated: count, unchanged: count }, { locale }) }, { locale }),
		{ sv: ['Klart: 1 ny punkt, 1 ändrad, 1 oförändrad.', 'Klart: 2 nya punkter, 2 ändrade, 2 oförändrade.'], en: ['Done: 1 new item, 1 changed, 1 unchanged.', 'Done: 2 new items, 2 changed, 2 unchanged.'] }
	],
	[
		'import_plan_counts',
		(count, locale) => m.import_plan_counts({ items: count, followUps: count }, { locale }),
		{ sv: ['1 punkt, 1 uppföljning', '2 punkter, 2 uppföljningar'], en: ['1 item, 1 follow-up', '2 items, 2 follow-ups'] }
	],
	['indicator_count', (count, locale) => m.indicator_count({ count }, { locale }), { sv: ['1 indikator', '2 indikatorer'], en: ['1 indicator', '2 indicators'] }],
	['item_history_show', (count, locale) => m.item_history_show({ count }, { locale }), { sv: ['Visa 1 ändring', 'Visa 2 ändringar'], en: ['Show 1 change', 'Show 2 changes'] }],
	['outline_hidden', (count, locale) => m.outline_hidden({ count }, { locale }), { sv: ['1 punkt under den här – visa den', '2 punkter under den här – visa dem'], en: ['1 item under this one – show it', '2 items under this one – show them'] }],
	['scale_uses', (count, locale) => m.scale_uses({ count }, { locale }), { sv: ['Används i 1 rapport', 'Används i 2 rapporter'], en: ['Used in 1 report', 'Used in 2 reports'] }],
	['framework_level_usage', (count, locale) => m.framework_level_usage({ count }, { locale }), { sv: ['1 punkt i en plan', '2 punkter i planer'], en: ['1 item in a plan', '2 items in plans'] }],
	[
		'carry_over_also',
		(count, locale) => m.carry_over_also({ chapters: count, indicators: count }, { locale }),
		{ sv: ['Dessutom 1 kapitel och 1 indikator.', 'Dessutom 2 kapitel och 2 indikatorer.'], en: ['Also 1 chapter and 1 indicator.', 'Also 2 chapters and 2 indicators.'] }
	],
	[
		'error_field_in_use',
		(count, locale) => m.error_field_in_use({ count, field: 'Mått' }, { locale }),
		{
			sv: ['Fältet "Mått" är ifyllt på 1 punkt. Töm det där först, så att inga uppgifter försvinner.', 'Fältet "Mått" är ifyllt på 2 punkter. Töm det där först, så att inga uppgifter försvinner.'],
			en: ['The field "Mått" is filled in on 1 item. Empty it there first so that no data is lost.', 'The field "Mått" is filled in on 2 items. Empty it there first so that no data is lost.']
		}
	],
	[
		'error_level_in_use',
		(count, locale) => m.error_level_in_use({ count, level: 'Aktivitet' }, { locale }),
		{
			sv: ['Nivån Aktivitet används av 1 punkt i en plan. Flytta eller ta bort den först.', 'Nivån Aktivitet används av 2 punkter i planer. Flytta eller ta bort dem först.'],
			en: ['The level Aktivitet is used by 1 item in a plan. Move or remove it first.', 'The level Aktivitet is used by 2 items in plans. Move or remove them first.']
		}
	],
	[
		'error_level_child_in_use',
		(count, locale) => m.error_level_child_in_use({ count, child: 'Aktivitet', level: 'Mål' }, { locale }),
		{
			sv: ['1 punkt av nivån Aktivitet ligger under en Mål. Flytta den först.', '2 punkter av nivån Aktivitet ligger under en Mål. Flytta dem först.'],
			en: ['1 item of the level Aktivitet stands under a Mål. Move it first.', '2 items of the level Aktivitet stand under a Mål. Move them first.']
		}
	],
	[
		'error_level_root_in_use',
		(count, locale) => m.error_level_root_in_use({ count, level: 'Mål' }, { locale }),
		{
			sv: ['1 punkt av nivån Mål står överst i en plan. Flytta den först.', '2 punkter av nivån Mål står överst i en plan. Flytta dem först.'],
			en: ['1 item of the level Mål stands at the top of a plan. Move it first.', '2 items of the level Mål stand at the top of a plan. Move them first.']
		}
	],
	[
		'error_scale_value_in_use',
		(count, locale) => m.error_scale_value_in_use({ count, label: 'Pågår' }, { locale }),
		{
			sv: [
				'"Pågår" används i 1 rapport och kan inte tas bort. Markera det som "Används inte längre" i stället, så behåller den gamla rapporten sina ord.',
				'"Pågår" används i 2 rapporter och kan inte tas bort. Markera det som "Används inte längre" i stället, så behåller de gamla rapporterna sina ord.'
			],
			en: [
				'"Pågår" is used in 1 report and cannot be removed. Mark it as "No longer used" instead, so the old report keeps its words.',
				'"Pågår" is used in 2 reports and cannot be removed. Mark it as "No longer used" instead, so old reports keep their words.'
			]
		}
	],
	[
		'error_import_more_problems',
		(count, locale) => m.error_import_more_problems({ count }, { locale }),
		{
			sv: ['… och 1 problem till. Rätta dem som visas och försök igen, så visas det också.', '… och 2 problem till. Rätta dem som visas och försök igen, så visas resten.'],
			en: ['… and 1 more problem. Correct the ones shown and try again to see it too.', '… and 2 more problems. Correct the ones shown and try again to see the rest.']
		}
	],
	[
		'doc_chart_alt',
		(count, locale) => m.doc_chart_alt({ count }, { locale }),
		{
			sv: [
				'Liggande stapeldiagram med status för aktiviteterna i planens översta område. Samma siffror finns i tabellen efter diagrammet.',
				'Liggande stapeldiagram med status för aktiviteterna i vart och ett av planens 2 översta områden. Samma siffror finns i tabellen efter diagrammet.'
			],
			en: [
				"Horizontal bar chart of the status of the activities in the plan's top-level area. The same figures are in the table after the chart.",
				"Horizontal bar chart of the status of the activities in each of the plan's 2 top-level areas. The same figures are in the table after the chart."
			]
		}
	]
];

describe('number agreement', () => {
	it.each(cases)('%s agrees with 1 and with 2, in Swedish and English', (_, message, expected) => {
		for (const locale of ['sv', 'en'] as const) expect([message(1, locale), message(2, locale)]).toEqual(expected[locale]);
	});

	it('reads a count given as a formatted figure ("1", "1 150") as the number it shows', () => {
		expect(m.error_import_more_problems({ count: '1' }, { locale: 'en' })).toMatch(/^… and 1 more problem\./);
		expect(m.error_import_more_problems({ count: '1\u00a0150' }, { locale: 'sv' })).toMatch(/^… och 1\u00a0150 problem till\. .* så visas resten\.$/);
	});
});
