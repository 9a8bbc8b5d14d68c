import type { ItemReport } from './report-item';

/** A report as the follow-up forms post it: status or assessment, texts, and "value.<indicator id>" fields. */
export function reportFromForm(form: FormData): ItemReport & { periodId: string } {
	const text = (name: string) => String(form.get(name) ?? '');
	const values = Object.fromEntries(
		[...form.entries()].filter(([key]) => key.startsWith('value.')).map(([key, value]) => [key.slice('value.'.length), String(value)])
	);
	return {
		periodId: text('periodId'),
		statusId: text('statusId') || undefined,
		assessmentId: text('assessmentId') || undefined,
		comment: text('comment'),
		analysis: text('analysis'),
		version: text('version') || undefined,
		values
	};
}
