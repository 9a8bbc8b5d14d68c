import { assertImportSize } from '../documents/read-workbook';
import { DomainError } from '../shared/domain-error';

/**
 * The bytes of a file sent in a form, refused before they are read when the file is missing
 * (`missing`: the message that fits what was expected) or over the import limit.
 */
export async function uploadedBytes(form: FormData, name: string, missing: string): Promise<Buffer> {
	const file = form.get(name);
	if (!(file instanceof File) || !file.size) throw new DomainError(missing, {}, { field: name });
	assertImportSize(file.size);
	return Buffer.from(await file.arrayBuffer());
}
