import { describe, expect, it } from 'vitest';
import { clearStoredPdfs, storedPdf } from './pdf-store';

describe('stored PDFs', () => {
	it('prints each page once, also when asked twice at the same time, and again when the page changes', async () => {
		clearStoredPdfs();
		const printed: string[] = [];
		const print = async (html: string) => {
			printed.push(html);
			return Buffer.from(`pdf of ${html}`);
		};
		const [first, second] = await Promise.all([storedPdf('<p>rapport</p>', 'sv', print), storedPdf('<p>rapport</p>', 'sv', print)]);
		expect(first.toString()).toBe('pdf of <p>rapport</p>');
		expect(second).toBe(first);
		expect(await storedPdf('<p>rapport</p>', 'sv', print)).toBe(first);
		expect(printed).toEqual(['<p>rapport</p>']);
		await storedPdf('<p>rapport, ändrad</p>', 'sv', print);
		await storedPdf('<p>rapport</p>', 'en', print);
		expect(printed).toHaveLength(3);
	});

	it('forgets nothing it has not printed: a failed print is tried again', async () => {
		clearStoredPdfs();
		let attempts = 0;
		const flaky = async () => {
			attempts += 1;
			if (attempts === 1) throw new Error('Chromium went away');
			return Buffer.from('pdf');
		};
		await expect(storedPdf('<p>x</p>', 'sv', flaky)).rejects.toThrow('Chromium went away');
		expect((await storedPdf('<p>x</p>', 'sv', flaky)).toString()).toBe('pdf');
	});
});
