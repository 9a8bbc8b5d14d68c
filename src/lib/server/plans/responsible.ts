/**
 * A responsible entry as people write it: a role title or a person, and sometimes what the
 * responsibility covers in brackets — "Utvecklingsledare (del 2)", "Rektor (för punkt 3)". The
 * note is kept beside the role, so the person holding "Utvecklingsledare" is the one asked to report.
 */
export interface ResponsibleEntry {
	name: string;
	note: string;
}

const TRAILING_NOTE = /^(.*\S)\s*\(([^()]*)\)$/s;

export function parseResponsibleText(text: string): ResponsibleEntry {
	const trimmed = text.trim();
	const match = TRAILING_NOTE.exec(trimmed);
	return match && match[2].trim() ? { name: match[1].trim(), note: match[2].trim() } : { name: trimmed, note: '' };
}

/** How an entry is printed and shown: the name, and its note in brackets. */
export function responsibleLabel(entry: { name: string; note: string }): string {
	return entry.note ? `${entry.name} (${entry.note})` : entry.name;
}
