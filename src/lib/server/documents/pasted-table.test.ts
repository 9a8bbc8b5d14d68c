import { describe, expect, it } from 'vitest';
import { guessTargets, parsePastedTable } from './pasted-table';
import type { Level } from '../frameworks/framework-repository';

const activity = {
	nameSv: 'Aktivitet',
	nameEn: 'Activity',
	fields: [
		{ key: 'matt', type: 'text_list', labelSv: 'Mått', labelEn: 'Measures' },
		{ key: 'malvarde', type: 'text_list', labelSv: 'Målvärde/indikator', labelEn: 'Target value/indicator' },
		{ key: 'responsible', type: 'responsible', labelSv: 'Uppfölja', labelEn: 'Follow-up' }
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

	it('refuses an empty paste', () => {
		expect(() => parsePastedTable(' \n\t\n')).toThrow(expect.objectContaining({ code: 'error_paste_empty' }));
	});

	it('guesses what each column is from its heading', () => {
		expect(guessTargets(['Mått', 'Aktivitet', 'Målvärde/indikator', 'Uppfölja', 'Övrigt'], activity)).toEqual(['field:matt', 'title', 'field:malvarde', 'field:responsible', 'ignore']);
		expect(guessTargets(['Nr', 'Vad', 'Mått'], activity)).toEqual(['ref', 'title', 'field:matt']);
	});
});
