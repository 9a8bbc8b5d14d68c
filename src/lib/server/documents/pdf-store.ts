import { createHash } from 'node:crypto';
import { renderPdf } from './render-pdf';

/**
 * PDFs already printed, by the exact HTML they were printed from: a PDF is a pure function of its
 * page, so a stored one can never be stale. Closing a period prints its report ahead (the board's
 * secretary downloads it next), so that download does not wait for Chromium. Bounded by size.
 */
const MAX_BYTES = 64 * 1024 * 1024;
const stored = new Map<string, Buffer>();
const printing = new Map<string, Promise<Buffer>>();
let bytes = 0;

export async function storedPdf(html: string, locale: 'sv' | 'en', print: typeof renderPdf = renderPdf): Promise<Buffer> {
	const key = createHash('sha256').update(locale).update(html).digest('hex');
	const hit = stored.get(key);
	if (hit) {
		// Most recently used last: the oldest go first when the store is full.
		stored.delete(key);
		stored.set(key, hit);
		return hit;
	}
	const running = printing.get(key);
	if (running) return running;
	const job = print(html, locale)
		.then((pdf) => {
			stored.set(key, pdf);
			bytes += pdf.length;
			for (const [oldKey, old] of stored) {
				if (bytes <= MAX_BYTES) break;
				stored.delete(oldKey);
				bytes -= old.length;
			}
			return pdf;
		})
		.finally(() => printing.delete(key));
	printing.set(key, job);
	return job;
}

/** Forgets every stored PDF (the benchmark measures printing, not the store). */
export function clearStoredPdfs(): void {
	stored.clear();
	bytes = 0;
}
