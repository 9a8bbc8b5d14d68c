import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { DomainError } from '../shared/domain-error';

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's package. */
export function chromiumPath(): string {
	return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** A started Chromium is kept for this long after its last PDF: starting one costs about a second. */
const IDLE_MS = 60_000;
let browser: Promise<Browser> | undefined;
let idle: NodeJS.Timeout | undefined;
let printing = 0;

async function acquire(): Promise<Browser> {
	clearTimeout(idle);
	printing += 1;
	browser ??= chromium
		.launch({
			executablePath: chromiumPath(),
			args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		})
		.then((started) => {
			started.once('disconnected', () => (browser = undefined));
			return started;
		})
		.catch((thrown) => {
			browser = undefined;
			throw thrown;
		});
	try {
		return await browser;
	} catch (thrown) {
		release();
		throw thrown;
	}
}

function release(): void {
	printing -= 1;
	if (printing === 0) {
		idle = setTimeout(() => void closePdfBrowser(), IDLE_MS);
		idle.unref();
	}
}

/** Stops the kept Chromium (the CLI does this before it exits; servers let it time out). */
export async function closePdfBrowser(): Promise<void> {
	clearTimeout(idle);
	const running = browser;
	browser = undefined;
	await (await running?.catch(() => undefined))?.close();
}

/**
 * Our own HTML printed by headless Chromium: a tagged PDF (structure for screen readers) with
 * bookmarks from the headings and page numbers. Without Chromium: a clear message saying how to
 * install it; the other formats do not need it.
 */
export async function renderPdf(html: string, locale: 'sv' | 'en'): Promise<Buffer> {
	if (!fs.existsSync(chromiumPath())) throw new DomainError('error_pdf_unavailable', { path: chromiumPath() }, { status: 503 });
	const context = await (await acquire()).newContext();
	try {
		const page = await context.newPage();
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
		await context.close();
		release();
	}
}
