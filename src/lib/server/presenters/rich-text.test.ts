import { describe, expect, it } from 'vitest';
import { renderRichText } from './rich-text';

describe('renderRichText', () => {
	it('keeps structure and emphasis', () => {
		expect(renderRichText('Vi **lyfter** tillsammans\n\n- ett\n- två')).toBe('<p>Vi <strong>lyfter</strong> tillsammans</p>\n<ul>\n<li>ett</li>\n<li>två</li>\n</ul>\n');
	});

	it('removes scripts, handlers and dangerous links', () => {
		const html = renderRichText('<script>alert(1)</script><img src=x onerror=alert(1)> <a href="https://skolverket.se" onclick="x()">ok</a>');
		expect(html).not.toMatch(/script|onerror|onclick|<img/i);
		expect(renderRichText('Se [här](javascript:alert(1)) och <a href="data:text/html,x">där</a>')).not.toMatch(/href="(javascript|data)/i);
		expect(html).toContain('<a href="https://skolverket.se">ok</a>');
	});

	it('keeps a line break where the text has one, as the documents do', () => {
		expect(renderRichText('**Uppföljning:**\n*Forum:* Ledningsgruppen')).toBe('<p><strong>Uppföljning:</strong><br><em>Forum:</em> Ledningsgruppen</p>\n');
	});

	it('demotes headings below the page and chapter headings', () => {
		expect(renderRichText('# Rubrik')).toBe('<h3>Rubrik</h3>\n');
	});
});
