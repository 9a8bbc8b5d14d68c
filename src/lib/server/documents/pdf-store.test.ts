import { describe, expect, it } from 'vitest';
import { clearStoredPdfs, storedPdf } from './pdf-store';

describe('stored PDFs', () => {
	it("makes each source's PDF once, also when asked twice at the same time, and again when the source or the standard changes", async () => {
		clearStoredPdfs();
		const printed: string[] = [];
		const print = async (source: string) => {
			printed.push(source);
			return Buffer.from(`pdf of ${source}`);
		};
		const [first, second] = await Promise.all([storedPdf('= Rapport', 'ua-1', print), storedPdf('= Rapport', 'ua-1', print)]);
		expect(first.toString()).toBe('pdf of = Rapport');
		expect(second).toBe(first);
		expect(await storedPdf('= Rapport', 'ua-1', print)).toBe(first);
		expect(printed).toEqual(['= Rapport']);
		await storedPdf('= Rapport, ändrad', 'ua-1', print);
		// The archive's PDF/A of the same source is a file of its own.
		await storedPdf('= Rapport', 'a-2a', print);
		expect(printed).toHaveLength(3);
	});

	it('keeps nothing it has not made: a failed one is tried again', async () => {
		clearStoredPdfs();
		let attempts = 0;
		const flaky = async () => {
			attempts += 1;
			if (attempts === 1) throw new Error('the PDF worker stopped');
			return Buffer.from('pdf');
		};
		await expect(storedPdf('x', 'ua-1', flaky)).rejects.toThrow('the PDF worker stopped');
		expect((await storedPdf('x', 'ua-1', flaky)).toString()).toBe('pdf');
	});
});
