import { describe, expect, it } from 'vitest';
import { guessTargets, parsePastedTable, previewPastedTable } from './pasted-table';
import { splitResponsibleCell } from './responsible-deadline';
import type { Level } from '../frameworks/framework-repository';
import { messageFor } from '../presenters/message';
import type { DomainError } from '../shared/domain-error';

const activity = {
	nameSv: 'Aktivitet',
	nameEn: 'Activity',
	fields: [
		{ key: 'matt', type: 'text_list', labelSv: 'Mått', labelEn: 'Measures' },
		{ key: 'malvarde', type: 'text_list', labelSv: 'Målvärde/indikator', labelEn: 'Target value/indicator' },
		{ key: 'responsible', type: 'responsible', labelSv: 'Uppfölja', labelEn: 'Follow-up' }
	]
} as unknown as Level;
const intervention = {
	nameSv: 'Insats',
	nameEn: 'Intervention',
	fields: [
		{ key: 'responsible', type: 'responsible', labelSv: 'Ansvarig', labelEn: 'Responsible' },
		{ key: 'deadline', type: 'deadline', labelSv: 'Klart', labelEn: 'Due' }
	]
} as unknown as Level;

describe('pasted tables', () => {
	it('reads tab-separated text from Excel, with quoted cells holding several lines', () => {
		const text = 'Mått\tAktivitet\tMålvärde\tUppfölja\r\n"Andel elever\nMeritvärde"\tLäsfixare i åk 1\t"90 %\n230"\tRektor\r\n\t\t\t\r\n';
		expect(parsePastedTable(text)).toEqual([
			[['Mått'], ['Aktivitet'], ['Målvärde'], ['Uppfölja']],
			[['Andel elever', 'Meritvärde'], ['Läsfixare i åk 1'], ['90 %', '230'], ['Rektor']]
		]);
	});

	it('reads the first table of HTML copied from Word or a web page, keeping line breaks in cells apart', () => {
		const html = `<meta charset="utf-8"><table><tr><th>Aktivitet</th><th>Nämnd</th></tr>
			<tr><td><p>Ta fram &amp; införa</p></td><td>BoU<br>BiN</td></tr><tr><td>Kort</td></tr></table><table><tr><td>Annan</td></tr></table>`;
		expect(parsePastedTable(html)).toEqual([
			[['Aktivitet'], ['Nämnd']],
			[['Ta fram & införa'], ['BoU', 'BiN']],
			[['Kort'], []]
		]);
	});

	it('keeps the blank lines inside a quoted cell as paragraph breaks, one however many were typed, none at its ends', () => {
		const text = 'Aktivitet\tBeskrivning\n"Läsfixare"\t"\nFörsta stycket.\n\n\nAndra stycket\nmed en radbrytning.\n\n"\n';
		expect(parsePastedTable(text)[1]).toEqual([['Läsfixare'], ['Första stycket.', '', 'Andra stycket', 'med en radbrytning.']]);
	});

	it('reads paragraphs of an HTML cell as paragraphs, line breaks as lines, and a line break in the HTML source as a space', () => {
		const html = '<table><tr><td><p class=MsoNormal>Första\r\nstycket.</p>\n<p>Andra<br>rad två</p></td><td><ul><li>Ett</li><li>Två</li></ul></td></tr></table>';
		expect(parsePastedTable(html)).toEqual([[['Första stycket.', '', 'Andra', 'rad två'], ['Ett', 'Två']]]);
	});

	it('refuses an empty paste', () => {
		expect(() => parsePastedTable(' \n\t\n')).toThrow(expect.objectContaining({ code: 'error_paste_empty' }));
	});

	it('refuses a table over the import limits saying what is over (6,000 rows are rows, not characters), with the count and the limit', () => {
		const refusal = (text: string) => {
			try {
				parsePastedTable(text);
			} catch (thrown) {
				return thrown as DomainError;
			}
			throw new Error('not refused');
		};
		const rows = refusal('Aktivitet\tNämnd\n'.repeat(6_000));
		expect(rows).toMatchObject({ code: 'error_import_too_many_rows', status: 413 });
		expect(messageFor(rows, 'sv')).toBe('Tabellen har 6\u00a0000 rader. Högst 5\u00a0000 rader kan importeras åt gången; dela upp den.');
		expect(messageFor(rows, 'en')).toBe('The table has 6,000 rows. At most 5,000 rows can be imported at a time; split it up.');
		// Empty rows are not counted; 5,000 rows with text are allowed.
		expect(parsePastedTable('Aktivitet\n\n'.repeat(5_000))).toHaveLength(5_000);
		// One row 300,000 cells wide, padded out to every row, would be 1.5 million cells.
		expect(refusal(`${'x\t'.repeat(300_000)}\n${'rad\n'.repeat(4)}`)).toMatchObject({ code: 'error_import_too_many_cells', params: { count: { en: '1,500,005' } } });
		expect(refusal('x'.repeat(2_000_001))).toMatchObject({ code: 'error_paste_too_large' });
	});

	it('guesses what each column is from its heading', () => {
		expect(guessTargets(['Mått', 'Aktivitet', 'Målvärde/indikator', 'Uppfölja', 'Övrigt'], activity)).toEqual(['field:matt', 'title', 'field:malvarde', 'field:responsible', 'ignore']);
		expect(guessTargets(['Nr', 'Vad', 'Mått'], activity)).toEqual(['ref', 'title', 'field:matt']);
	});

	it('splits a combined responsible and deadline cell, keeping a bracketed note with the name', () => {
		expect(splitResponsibleCell(['Utvecklingsledare okt 24'])).toEqual({ responsible: ['Utvecklingsledare'], deadline: 'okt 24' });
		expect(splitResponsibleCell(['Skolchef VT25'])).toEqual({ responsible: ['Skolchef'], deadline: 'VT25' });
		expect(splitResponsibleCell(['Rektor, september 2025'])).toEqual({ responsible: ['Rektor'], deadline: 'september 2025' });
		expect(splitResponsibleCell(['Utvecklingsledare (del 2) dec 22'])).toEqual({ responsible: ['Utvecklingsledare (del 2)'], deadline: 'dec 22' });
		expect(splitResponsibleCell(['Skolchef VT25 (del 2)'])).toEqual({ responsible: ['Skolchef (del 2)'], deadline: 'VT25' });
		expect(splitResponsibleCell(['Rektor', 'Förstelärare', 'HT 2024'])).toEqual({ responsible: ['Rektor', 'Förstelärare'], deadline: 'HT 2024' });
		expect(splitResponsibleCell(['VT23'])).toEqual({ responsible: [], deadline: 'VT23' });
		// No deadline at the end: all of it is who (a surname that is not a month stays).
		expect(splitResponsibleCell(['Anna Ek'])).toEqual({ responsible: ['Anna Ek'], deadline: '' });
		expect(splitResponsibleCell(['Rektor vår/höst'])).toEqual({ responsible: ['Rektor vår/höst'], deadline: '' });
	});

	it('guesses a column whose cells end in a deadline as responsible + deadline, split, and shows how its first cell is read', () => {
		const table = 'Insats\tAnsvar/Klart\nLäsfixare\tUtvecklingsledare okt 24\nMattelyftet\tSkolchef VT25\nBokcirklar\tRektor\n';
		const preview = previewPastedTable(table, intervention, true);
		expect(preview.targets).toEqual(['title', 'responsible+deadline']);
		expect(preview.choices.map((choice) => choice.labelSv)).toContain('Ansvarig + Klart (delas)');
		expect(preview.splits).toEqual([{ column: 'Ansvar/Klart', cell: 'Utvecklingsledare okt 24', responsible: ['Utvecklingsledare'], deadline: 'okt 24' }]);
		// A heading naming the responsible field does not keep it from being split; a column that is all deadlines stays the deadline.
		expect(guessTargets(['Ansvarig/klart', 'Insats'], intervention, parsePastedTable('Rektor VT23\tA\nSkolchef dec 22\tB'))).toEqual(['responsible+deadline', 'title']);
		expect(guessTargets(['Insats', 'Klart'], intervention, parsePastedTable('A\tVT23\nB\tdec 22'))).toEqual(['title', 'field:deadline']);
		// Another column already holds the responsible: nothing is split.
		expect(guessTargets(['Insats', 'Ansvarig', 'När'], intervention, parsePastedTable('A\tRektor\tRektor VT23'))).toEqual(['title', 'field:responsible', 'ignore']);
		// Without a heading row the split is found from the cells alone.
		expect(previewPastedTable('Läsfixare\tSkolchef VT25', intervention, false).targets).toEqual(['title', 'responsible+deadline']);
	});

	it('asks no title column of a level whose rows have no title, and still splits its Ansvar/Klart column', () => {
		const part = { ...intervention, untitled: true, fields: [{ key: 'vad', type: 'rich_text', labelSv: 'Vad', labelEn: 'What' }, ...intervention.fields] } as unknown as Level;
		const table = 'Nr\tVad\tAnsvar/Klart\n1\tKartläggning av läsförmågan\tSpeciallärare HT22\n2\tLäsfixare\tRektor dec 22\n';
		expect(previewPastedTable(table, part, true).targets).toEqual(['ref', 'field:vad', 'responsible+deadline']);
		expect(previewPastedTable(table.split('\n').slice(1).join('\n'), part, false).targets).toEqual(['ignore', 'ignore', 'responsible+deadline']);
	});

	it('points out the deadlines in the preview that give no date, once each, with the field they go to', () => {
		expect(previewPastedTable('Insats\tKlart\nA\tvår/höst\nB\tVT26\nC\tLöpande\nD\tvår/höst', intervention, true).undated).toEqual({ labelSv: 'Klart', labelEn: 'Due', texts: ['vår/höst', 'Löpande'] });
		expect(previewPastedTable('Insats\tKlart\nA\tdec 22\nB\tseptember 2025', intervention, true).undated).toBeNull();
	});
});
