import { Marked, type MarkedToken, type Token } from 'marked';

/**
 * Rich text as documents need it: a small structured form every renderer can draw in its own terms
 * (Word runs and numbered lists, HTML elements, Typst markup, plain lines for Excel and CSV), so no
 * Markdown syntax ever reaches a document. Markdown is parsed once, here, with the same reading as
 * the web pages (`presenters/rich-text.ts`): GitHub's dialect, a single line break is a line break.
 */

/** A run of text with its emphasis, or a line break inside a paragraph. */
export type Inline = { kind: 'text'; text: string; strong?: boolean; emphasis?: boolean; href?: string } | { kind: 'break' };

export type RichBlock =
	| { kind: 'paragraph'; content: Inline[] }
	/** A bullet or numbered list; each item is blocks of its own (a paragraph, perhaps a list inside). */
	| { kind: 'list'; ordered: boolean; start: number; items: RichBlock[][]; numbers?: number[] };

/**
 * Each numbered item's number as the author wrote it ("13. a", "13. b", "14."), where that is not
 * start, start + 1, …: a list is drawn with these, never numbered again from its first number.
 */
export function listNumbers(block: Extract<RichBlock, { kind: 'list' }>): number[] {
	return block.items.map((_, index) => block.numbers?.[index] ?? block.start + index);
}

/** Text as the document draws it: paragraphs and lists. Headings are the document's own (see `ParsedRichText`). */
export type RichText = RichBlock[];

/** A heading written inside rich text; depth 1 is the text's own top heading, whatever `#`s it used. */
export interface RichHeading {
	kind: 'heading';
	depth: number;
	content: Inline[];
}

/** What parsing gives: blocks, and headings the document turns into real headings (or bold lines inside a table). */
export type ParsedRichText = (RichBlock | RichHeading)[];

const markdown = new Marked({ gfm: true, breaks: true, async: false });

/** Markdown as written by the organisation → the structured form. Raw HTML is read for its text (and b, i, br). */
export function parseRichText(source: string): ParsedRichText {
	const blocks = blocksOf(markdown.lexer((source ?? '').replace(/\r\n?/g, '\n')), true);
	const top = Math.min(...blocks.map((block) => (block.kind === 'heading' ? block.depth : 7)));
	return blocks.map((block) => (block.kind === 'heading' ? { ...block, depth: block.depth - top + 1 } : block));
}

/** Rich text where headings cannot stand (a table cell, a fact): a heading becomes a bold paragraph. */
export function parseRichTextInline(source: string): RichText {
	return parseRichText(source).map((block) => (block.kind === 'heading' ? { kind: 'paragraph', content: block.content.map((part) => (part.kind === 'text' ? { ...part, strong: true } : part)) } : block));
}

/** Text that is not Markdown (a title, a role, a deadline): as written, its lines kept. */
export function plainRichText(text: string): RichText {
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	const content: Inline[] = lines.flatMap((line, index) => [...(index ? [{ kind: 'break' as const }] : []), { kind: 'text' as const, text: line }]);
	return text.trim() ? [{ kind: 'paragraph', content: tidy(content) }] : [];
}

/** Values of a list field (several roles, boards, measures): one is a paragraph, several a bullet list. */
export function valuesRichText(values: string[]): RichText {
	const shown = values.filter((value) => value.trim());
	if (shown.length <= 1) return plainRichText(shown[0] ?? '');
	return [{ kind: 'list', ordered: false, start: 1, items: shown.map((value) => plainRichText(value)) }];
}

/** A paragraph's text without emphasis; a link keeps its address when its text is not the address. */
export function inlinePlainText(content: Inline[]): string {
	let text = '';
	let linkText = '';
	content.forEach((part, index) => {
		text += part.kind === 'break' ? '\n' : part.text;
		if (part.kind !== 'text' || !part.href) return;
		linkText += part.text;
		const next = content[index + 1];
		if (next?.kind === 'text' && next.href === part.href) return;
		const address = part.href.replace(/^mailto:/i, '');
		if (linkText.trim() !== address) text += ` (${address})`;
		linkText = '';
	});
	return text;
}

/**
 * Plain text for Excel and CSV: paragraphs apart by a blank line, list items on lines of their own
 * ("• …", "1. …"), indented under their item when nested.
 */
export function richPlainText(text: RichText, indent = ''): string {
	let out = '';
	text.forEach((block, index) => {
		if (index) out += block.kind === 'paragraph' && text[index - 1].kind === 'paragraph' ? '\n\n' : '\n';
		if (block.kind === 'paragraph') {
			out += indent + inlinePlainText(block.content).replace(/\n/g, `\n${indent}`);
			return;
		}
		const numbers = listNumbers(block);
		out += block.items
			.map((item, index) => {
				const marker = block.ordered ? `${numbers[index]}. ` : '• ';
				const inner = richPlainText(item, `${indent}${' '.repeat(marker.length)}`);
				return `${indent}${marker}${inner.slice(indent.length + marker.length)}`;
			})
			.join('\n');
	});
	return out;
}

function blocksOf(tokens: Token[], headings: boolean): ParsedRichText {
	const blocks: ParsedRichText = [];
	const paragraph = (content: Inline[]) => {
		const tidied = tidy(content);
		if (tidied.length) blocks.push({ kind: 'paragraph', content: tidied });
	};
	for (const raw of tokens) {
		const token = raw as MarkedToken;
		switch (token.type) {
			case 'paragraph':
				paragraph(inlineOf(token.tokens));
				break;
			case 'text':
				paragraph(token.tokens ? inlineOf(token.tokens) : textRuns(decode(token.text), {}));
				break;
			case 'heading': {
				const content = tidy(inlineOf(token.tokens));
				if (!content.length) break;
				if (headings) blocks.push({ kind: 'heading', depth: token.depth, content });
				else blocks.push({ kind: 'paragraph', content: content.map((part) => (part.kind === 'text' ? { ...part, strong: true } : part)) });
				break;
			}
			case 'list': {
				const items = token.items.map((item) => blocksOf(item.tokens, false) as RichBlock[]);
				const start = token.ordered && typeof token.start === 'number' ? token.start : 1;
				const written = token.items.map((item, index) => Number(/^\s*(\d{1,9})[.)]/.exec(item.raw)?.[1] ?? start + index));
				const numbers = token.ordered && written.some((number, index) => number !== start + index) ? { numbers: written } : {};
				if (items.some((item) => item.length)) blocks.push({ kind: 'list', ordered: token.ordered, start, items, ...numbers });
				break;
			}
			case 'blockquote':
				blocks.push(...blocksOf(token.tokens, headings));
				break;
			case 'code':
				paragraph(textRuns(token.text, {}));
				break;
			case 'table':
				paragraph(token.header.flatMap((cell, index) => [...(index ? [{ kind: 'text' as const, text: ' · ', strong: true }] : []), ...inlineOf(cell.tokens, { strong: true })]));
				for (const row of token.rows) paragraph(row.flatMap((cell, index) => [...(index ? [{ kind: 'text' as const, text: ' · ' }] : []), ...inlineOf(cell.tokens)]));
				break;
			case 'html': {
				// Raw HTML is not drawn: its text is read as Markdown once more (no tags are left to recurse on).
				const text = token.text.replace(/<br\s*\/?>/gi, '\n').replace(/<\/?(p|div|li|ul|ol|h[1-6]|blockquote|tr)\b[^>]*>/gi, '\n\n').replace(/<[^>]*>/g, '');
				if (text.trim()) blocks.push(...blocksOf(markdown.lexer(text), headings));
				break;
			}
			default:
				// space, hr, def: nothing to draw.
				break;
		}
	}
	return blocks;
}

interface Marks {
	strong?: boolean;
	emphasis?: boolean;
	href?: string;
}

function inlineOf(tokens: Token[] | undefined, marks: Marks = {}): Inline[] {
	const out: Inline[] = [];
	// Inline HTML tags come one by one (<b>, text, </b>): the ones for emphasis are honoured.
	let bold = 0;
	let italic = 0;
	for (const raw of tokens ?? []) {
		const token = raw as MarkedToken;
		const here: Marks = { ...marks, ...(bold > 0 ? { strong: true } : {}), ...(italic > 0 ? { emphasis: true } : {}) };
		switch (token.type) {
			case 'text':
				out.push(...('tokens' in token && token.tokens ? inlineOf(token.tokens, here) : textRuns(decode(token.text), here)));
				break;
			case 'escape':
			case 'codespan':
				out.push(...textRuns(decode(token.text), here));
				break;
			case 'strong':
				out.push(...inlineOf(token.tokens, { ...here, strong: true }));
				break;
			case 'em':
				out.push(...inlineOf(token.tokens, { ...here, emphasis: true }));
				break;
			case 'del':
				out.push(...inlineOf(token.tokens, here));
				break;
			case 'link': {
				const href = safeHref(token.href);
				out.push(...inlineOf(token.tokens, href ? { ...here, href } : here));
				break;
			}
			case 'image':
				out.push(...textRuns(decode(token.text), here));
				break;
			case 'br':
				out.push({ kind: 'break' });
				break;
			case 'html': {
				const tag = /^<(\/?)\s*(\w+)/.exec(token.text);
				const name = tag?.[2].toLowerCase();
				if (name === 'br') out.push({ kind: 'break' });
				else if (name === 'b' || name === 'strong') bold += tag![1] ? -1 : 1;
				else if (name === 'i' || name === 'em') italic += tag![1] ? -1 : 1;
				break;
			}
			default:
				if ('text' in token && typeof token.text === 'string') out.push(...textRuns(decode(token.text), here));
		}
	}
	return out;
}

/** Text with newlines (a code block, a plain value) as runs and breaks. */
function textRuns(text: string, marks: Marks): Inline[] {
	return text.split('\n').flatMap((line, index) => [...(index ? [{ kind: 'break' as const }] : []), ...(line ? [{ kind: 'text' as const, text: line, ...marks }] : [])]);
}

/** Adjacent runs with the same emphasis become one; breaks and spaces at either end go. */
function tidy(content: Inline[]): Inline[] {
	const out: Inline[] = [];
	for (const part of content) {
		const last = out.at(-1);
		if (part.kind === 'text' && last?.kind === 'text' && !!last.strong === !!part.strong && !!last.emphasis === !!part.emphasis && last.href === part.href) {
			out[out.length - 1] = { ...last, text: last.text + part.text };
		} else out.push(part);
	}
	while (out.length && (out[0].kind === 'break' || (out[0].kind === 'text' && !out[0].text.trim()))) out.shift();
	while (out.length && (out.at(-1)!.kind === 'break' || (out.at(-1)!.kind === 'text' && !(out.at(-1) as { text: string }).text.trim()))) out.pop();
	if (out[0]?.kind === 'text') out[0] = { ...out[0], text: out[0].text.trimStart() };
	const end = out.at(-1);
	if (end?.kind === 'text') out[out.length - 1] = { ...end, text: end.text.trimEnd() };
	return out;
}

/** Only addresses a reader of a downloaded document can follow, and safely: the web and mail. */
function safeHref(href: string): string | undefined {
	const trimmed = href.trim();
	return /^(https?:|mailto:)/i.test(trimmed) ? trimmed : undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…' };

/** Marked leaves character references as written ("&amp;"); documents want the character. */
function decode(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return ENTITIES[name.toLowerCase()] ?? whole;
	});
}
