import { describe, expect, it } from 'vitest';
import { renderCsv } from './render-csv';

describe('CSV', () => {
	it('neutralises text a spreadsheet would run as a formula (OWASP: a leading apostrophe, the field quoted); numbers stay numbers', () => {
		const texts = ['=1+1', '+1', '-1', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '=HYPERLINK("http://evil.example";"Klicka")', '-5'];
		const csv = renderCsv({
			columns: [
				{ key: 'title', header: '=Rubrik', width: 10 },
				{ key: 'value', header: 'Utfall', width: 10 }
			],
			rows: [...texts.map((title) => ({ title, value: null })), { title: 'Vanlig; text', value: -5 }, { title: 'Minus - i mitten', value: 3.5 }]
		});
		expect(csv.slice(1).split('\r\n')).toEqual([
			`"'=Rubrik";Utfall`,
			`"'=1+1";`,
			`"'+1";`,
			`"'-1";`,
			`"'@SUM(A1:A9)";`,
			`"'\t=1+1";`,
			// A carriage return inside a quoted field is data, not a line end.
			`"'\r=1+1";`,
			`"'=HYPERLINK(""http://evil.example"";""Klicka"")";`,
			`"'-5";`,
			`"Vanlig; text";-5`,
			'Minus - i mitten;3.5',
			''
		]);
	});
});
