/**
 * How a level names its items in documents, as the organisation writes them: "Kommunövergripande
 * mål: {title}" (the level's name before the heading), "{title} ({typ} strategiskt
 * utvecklingsuppdrag {ref})" (the number and kind after it). `{title}` is the item's name, `{ref}`
 * its number, `{<field key>}` a field's value; an empty template is the default "{ref} {title}".
 */

const PLACEHOLDER = /\{([^{}]*)\}/g;
export const NAME_TEMPLATE_MAX = 200;

/** The placeholders a template uses that the level does not have (none: the template is good). */
export function unknownPlaceholders(template: string, fieldKeys: string[]): string[] {
	const known = new Set(['title', 'ref', ...fieldKeys]);
	return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]).filter((key) => !known.has(key));
}

/**
 * The item's name by the template; undefined when there is none. A placeholder with no value is left
 * out with the space before it, and brackets left empty go too ("Uppdrag ()" → "Uppdrag").
 */
export function applyNameTemplate(template: string, value: (key: string) => string): string | undefined {
	if (!template.trim()) return undefined;
	return template
		.replace(PLACEHOLDER, (_, key: string) => value(key).replace(/\s+/g, ' ').trim())
		.replace(/\(\s*\)|\[\s*\]/g, '')
		.replace(/\(\s+/g, '(')
		.replace(/\s+\)/g, ')')
		.replace(/\s+([,:;.])/g, '$1')
		.replace(/\s+/g, ' ')
		.trim();
}
