/**
 * A produced file: web pages and PDFs open in the browser, the rest download; nothing inside may
 * fetch anything. Public files may be cached briefly; members' files never.
 */
export function fileResponse(file: { filename: string; contentType: string; body: Buffer }, options: { public?: boolean } = {}): Response {
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
