import { describe, expect, it } from 'vitest';
import { parseRichText, parseRichTextInline, plainRichText, richPlainText, valuesRichText, type RichBlock } from './rich-text-model';
import { richHtml } from './render-html';

const FOLLOW_UP = '**Uppföljning:** *Forum:* Ledningsgruppen\n*När:* varje månad\n\nInsatser:\n\n- Kartläggning\n- Fortbildning\n  1. Läslyftet\n  2. Matematiklyftet\n\n3. Tre\n4. Fyra';

describe('rich text model', () => {
	it('reads Markdown once into paragraphs, line breaks, bold, italics and lists', () => {
		const [first, second, bullets, numbers] = parseRichText(FOLLOW_UP);
		expect(first).toEqual({
			kind: 'paragraph',
			content: [
				{ kind: 'text', text: 'Uppföljning:', strong: true },
				{ kind: 'text', text: ' ' },
				{ kind: 'text', text: 'Forum:', emphasis: true },
				{ kind: 'text', text: ' Ledningsgruppen' },
				{ kind: 'break' },
				{ kind: 'text', text: 'När:', emphasis: true },
				{ kind: 'text', text: ' varje månad' }
			]
		});
		expect(second).toEqual({ kind: 'paragraph', content: [{ kind: 'text', text: 'Insatser:' }] });
		expect(bullets).toMatchObject({ kind: 'list', ordered: false, items: [[{ kind: 'paragraph' }], [{ kind: 'paragraph' }, { kind: 'list', ordered: true, start: 1 }]] });
		expect(numbers).toMatchObject({ kind: 'list', ordered: true, start: 3 });
	});

	it('keeps the numbers the author wrote when they are not 1, 2, 3 … ("13. a", "13. b", "14.")', () => {
		const [list] = parseRichText('13. a Elevhälsan\n13. b Stödet\n14. Mentorer\n15. Rörelse');
		expect(list).toMatchObject({ kind: 'list', ordered: true, start: 13, numbers: [13, 13, 14, 15] });
		expect(richPlainText([list as RichBlock])).toBe('13. a Elevhälsan\n13. b Stödet\n14. Mentorer\n15. Rörelse');
		expect(richHtml([list as RichBlock])).toBe('<ol start="13"><li value="13">a Elevhälsan</li><li value="13">b Stödet</li><li value="14">Mentorer</li><li value="15">Rörelse</li></ol>');
		expect(parseRichText('3. Tre\n4. Fyra')[0]).not.toHaveProperty('numbers');
	});

	it('draws no Markdown syntax as plain text: paragraphs, lines, bullets and numbers', () => {
		expect(richPlainText(parseRichTextInline(FOLLOW_UP))).toBe(
			'Uppföljning: Forum: Ledningsgruppen\nNär: varje månad\n\nInsatser:\n• Kartläggning\n• Fortbildning\n  1. Läslyftet\n  2. Matematiklyftet\n3. Tre\n4. Fyra'
		);
		expect(richPlainText(parseRichTextInline('Se [Skolverket](https://www.skolverket.se) och <https://skolinspektionen.se>.'))).toBe(
			'Se Skolverket (https://www.skolverket.se) och https://skolinspektionen.se.'
		);
	});

	it('gives headings depths of their own (the text\'s top heading is 1), or bold lines where headings cannot stand', () => {
		expect(parseRichText('## Bakgrund\n\nText\n\n### Mer').filter((block) => block.kind === 'heading').map((block) => block.depth)).toEqual([1, 2]);
		expect(parseRichTextInline('# Bakgrund')).toEqual([{ kind: 'paragraph', content: [{ kind: 'text', text: 'Bakgrund', strong: true }] }]);
	});

	it('reads raw HTML for its text only, and keeps only web and mail links', () => {
		const parsed = parseRichText('<script>alert(1)</script> <b>Fet</b> A &amp; B<br>C [x](javascript:alert(1))');
		expect(JSON.stringify(parsed)).not.toMatch(/<|javascript/);
		expect(richHtml(parseRichTextInline('<b>Fet</b> A &amp; B<br>C'), true)).toBe('<strong>Fet</strong> A &amp; B<br>C');
		expect(richHtml(parseRichTextInline('[x](javascript:alert(1)) [y](https://a.se/?q="<>")'))).toBe('<p>x <a href="https://a.se/?q=&quot;&lt;&gt;&quot;">y</a></p>');
	});

	it('keeps plain values as written: a title is never read as Markdown, several values make a list', () => {
		expect(plainRichText('1. **Inte** en lista')).toEqual([{ kind: 'paragraph', content: [{ kind: 'text', text: '1. **Inte** en lista' }] }]);
		expect(richHtml(valuesRichText(['BoU', 'BiN']), true)).toBe('<ul><li>BoU</li><li>BiN</li></ul>');
		expect(valuesRichText([])).toEqual([]);
	});
});
