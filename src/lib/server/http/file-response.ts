import { error } from '@sveltejs/kit';
import { messageFor } from '../presenters/message';
import { isDomainError } from '../shared/domain-error';
import { found } from './run-action';

interface ProducedFile {
	filename: string;
	contentType: string;
	body: Buffer;
}

/**
 * A download route's answer: the file made (nothing: 404), or a refusal (an unknown format, the PDF
 * engine unable to start) as the error page in the user's language.
 */
export async function fileAnswer(locale: 'sv' | 'en', make: () => Promise<ProducedFile | undefined>, options: { public?: boolean } = {}): Promise<Response> {
	try {
		return fileResponse(found(await make(), locale), options);
	} catch (thrown) {
		if (isDomainError(thrown)) error(thrown.status, { message: messageFor(thrown, locale) });
		throw thrown;
	}
}

/**
 * A produced file: web pages and PDFs open in the browser, the rest download; nothing inside may
 * fetch anything. Public files may be cached briefly; members' files never.
 */
function fileResponse(file: ProducedFile, options: { public?: boolean }): Response {
	const inline = file.contentType.startsWith('text/html') || file.contentType === 'application/pdf';
	return new Response(new Uint8Array(file.body), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${file.filename}"`,
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
			'cache-control': options.public ? 'public, max-age=300' : 'private, no-store',
			...(options.public ? { 'access-control-allow-origin': '*' } : {})
		}
	});
}
