import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { DomainError } from '../shared/domain-error';

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's package. */
export function chromiumPath(): string {
	return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Our own HTML printed by headless Chromium: a tagged PDF (structure for screen readers) with
 * bookmarks from the headings and page numbers. Without Chromium: a clear message saying how to
 * install it; the other formats do not need it.
 */
export async function renderPdf(html: string, locale: 'sv' | 'en'): Promise<Buffer> {
	const executablePath = chromiumPath();
	if (!fs.existsSync(executablePath)) throw new DomainError('error_pdf_unavailable', { path: executablePath }, { status: 503 });
	const browser = await chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	try {
		const page = await browser.newPage();
		// The page has nothing to fetch: no network, so a document can never reach out.
		await page.route('**/*', (route) => route.abort());
		await page.setContent(html, { waitUntil: 'load' });
		const pageWord = locale === 'en' ? 'Page' : 'Sida';
		return await page.pdf({
			format: 'A4',
			tagged: true,
			outline: true,
			printBackground: true,
			margin: { top: '20mm', bottom: '20mm', left: '20mm', right: '20mm' },
			displayHeaderFooter: true,
			headerTemplate: '<span></span>',
			footerTemplate: `<div style="font-size:9px;width:100%;text-align:right;padding-right:20mm;">${pageWord} <span class="pageNumber"></span> / <span class="totalPages"></span></div>`
		});
	} finally {
		await browser.close();
	}
}
