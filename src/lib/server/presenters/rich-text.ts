import { Marked } from 'marked';
import xss from 'xss';

// xss is CommonJS: its helpers hang off the default export at run time.
const { FilterXSS, safeAttrValue } = xss as unknown as typeof import('xss');

// A single line break is a line break, as people typing or pasting text expect (and as documents draw it: documents/rich-text-model.ts).
const markdown = new Marked({ gfm: true, breaks: true, async: false });

/** An allowlist: structure and emphasis only; no scripts, styles, frames or event handlers. */
const sanitiser = new FilterXSS({
	whiteList: {
		h2: [], h3: [], h4: [], p: [], br: [], strong: [], em: [], b: [], i: [], u: [], s: [],
		ul: [], ol: ['start'], li: [], blockquote: [], code: [], pre: [], hr: [],
		a: ['href', 'title'],
		table: [], thead: [], tbody: [], tr: [], th: ['scope'], td: []
	},
	stripIgnoreTag: true,
	stripIgnoreTagBody: ['script', 'style', 'iframe', 'object'],
	safeAttrValue: (tag, name, value, cssFilter) => {
		if (tag === 'a' && name === 'href' && !/^(https?:|mailto:|#|\/)/i.test(value.trim())) return '';
		return safeAttrValue(tag, name, value, cssFilter);
	}
});

/**
 * Rich text is written as Markdown and stored as written; it becomes HTML only on output, through
 * the sanitiser, so nothing a user types can run in another user's browser. Headings start at h3
 * because the page already has h1 (plan) and h2 (chapter).
 */
export function renderRichText(source: string): string {
	const html = markdown.parse(source ?? '') as string;
	return sanitiser.process(html.replace(/<(\/?)h1>/g, '<$1h3>').replace(/<(\/?)h2>/g, '<$1h3>'));
}
