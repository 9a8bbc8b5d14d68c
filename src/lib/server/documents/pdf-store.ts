import { createHash } from 'node:crypto';
import { renderPdf, type PdfStandard } from './render-pdf';

/**
 * PDFs already made, by the exact Typst source they were made from: a PDF is a pure function of its
 * source, so a stored one can never be stale. Closing a period makes its report ahead (the board's
 * secretary downloads it next), so that download does not wait for the compiler. Bounded by size.
 */
const MAX_BYTES = 64 * 1024 * 1024;
const stored = new Map<string, Buffer>();
const printing = new Map<string, Promise<Buffer>>();
let bytes = 0;

export async function storedPdf(source: string, standard: PdfStandard, print: typeof renderPdf = renderPdf): Promise<Buffer> {
	const key = createHash('sha256').update(standard).update('\0').update(source).digest('hex');
	const hit = stored.get(key);
	if (hit) {
		// Most recently used last: the oldest go first when the store is full.
		stored.delete(key);
		stored.set(key, hit);
		return hit;
	}
	const running = printing.get(key);
	if (running) return running;
	const job = print(source, standard)
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

/** Forgets every stored PDF (the benchmark measures making them, not the store). */
export function clearStoredPdfs(): void {
	stored.clear();
	bytes = 0;
}
