/** The named text fields of a form as an object (absent fields are left out, so defaults apply). */
export function formFields(form: FormData, names: readonly string[]): Record<string, string> {
	const result: Record<string, string> = {};
	for (const name of names) {
		const value = form.get(name);
		if (typeof value === 'string') result[name] = value;
	}
	return result;
}

export function formFlag(form: FormData, name: string): boolean {
	const value = form.get(name);
	return value === 'on' || value === 'true' || value === 'ja';
}

export function formList(form: FormData, name: string): string[] {
	return form.getAll(name).filter((value): value is string => typeof value === 'string' && value !== '');
}
