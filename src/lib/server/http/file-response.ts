/** A produced file: web pages open in the browser, the rest download; nothing inside may fetch anything. */
export function fileResponse(file: { filename: string; contentType: string; body: Buffer }): Response {
	const inline = file.contentType.startsWith('text/html') || file.contentType === 'application/pdf';
	return new Response(new Uint8Array(file.body), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${file.filename}"`,
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
			'cache-control': 'private, no-store'
		}
	});
}
