/**
 * A page drawn without the app's layout, for answers given before any route runs. Nothing on it may
 * load or run anything (its own CSP; the inline style is all it has).
 */
export const PLAIN_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function plainPage(page: { locale: 'sv' | 'en'; title: string; message: string; link: { href: string; label: string } }): string {
	return `<!doctype html>
<html lang="${page.locale}">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />
		<title>${escapeHtml(page.title)} – Styrkedjan</title>
		<style>
			body { font: 16px/1.5 system-ui, sans-serif; color: #1b1f24; max-width: 40rem; margin: 3rem auto; padding: 0 1.5rem; }
			a { color: #0b5cad; }
		</style>
	</head>
	<body>
		<main>
			<h1>${escapeHtml(page.title)}</h1>
			<p role="alert">${escapeHtml(page.message)}</p>
			<p><a href="${escapeHtml(page.link.href)}">${escapeHtml(page.link.label)}</a></p>
		</main>
	</body>
</html>
`;
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
