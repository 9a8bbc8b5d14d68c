import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { assembleZip, deflatedPart, deflatedZeros, workbookBomb } from '../testing/zip-files';
import { readWorkbook } from './read-workbook';
import { readZipEntries, storedZip, XLSX_ZIP_LIMITS } from './zip-limits';

const MB = 1024 * 1024;

async function workbook(): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	book.addWorksheet('Punkter').addRow(['Id', 'Rubrik']);
	book.getWorksheet('Punkter')!.addRow(['', 'Trygghet på rasterna']);
	return Buffer.from(await book.xlsx.writeBuffer());
}

/** How much the process grew while `run` ran (resident memory: what the operator's 8.6 GB was). */
async function growth(run: () => Promise<unknown>): Promise<number> {
	const before = process.memoryUsage().rss;
	await run();
	return process.memoryUsage().rss - before;
}

describe('zip limits', () => {
	it('reads a workbook as exceljs writes it and as a streaming writer does (data descriptors), and repacks it for exceljs unchanged', async () => {
		const file = await workbook();
		const parts = readZipEntries(file, XLSX_ZIP_LIMITS);
		expect([...parts.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']));
		const streamed = await (await JSZip.loadAsync(file)).generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: true });
		expect(streamed.readUInt16LE(6) & 0x8).toBe(0x8);
		expect(readZipEntries(streamed, XLSX_ZIP_LIMITS)).toEqual(parts);

		const again = new ExcelJS.Workbook();
		await again.xlsx.load(storedZip(parts) as unknown as ArrayBuffer);
		expect(again.getWorksheet('Punkter')!.getRow(2).getCell(2).value).toBe('Trygghet på rasterna');
	});

	it("refuses issue #9's bomb (16 entries of 480 MB of zeros in 7.8 MB) from its directory, inflating nothing: memory stays low", async () => {
		const bomb = await workbookBomb({ count: 16, bytes: 480 * MB });
		expect(bomb.length).toBeLessThan(10 * MB);
		let refusal: unknown;
		const grew = await growth(() => readWorkbook(bomb).catch((thrown) => (refusal = thrown)));
		expect(grew).toBeLessThan(100 * MB);
		expect(refusal).toMatchObject({ code: 'error_workbook_unpacked_too_large', params: { mb: 20 }, status: 413 });
	});

	it('refuses a bomb whose directory says each entry is 1 kB: inflation stops at the declared size', async () => {
		const bomb = await workbookBomb({ count: 16, bytes: 480 * MB, lie: true });
		let refusal: unknown;
		const grew = await growth(() => readWorkbook(bomb).catch((thrown) => (refusal = thrown)));
		expect(grew).toBeLessThan(100 * MB);
		expect(refusal).toMatchObject({ code: 'error_file_unreadable' });
	});

	it('refuses an entry packed tighter than 100:1, more than 1,000 entries, and more than the total unpacked', async () => {
		const zeros = await deflatedZeros(5 * MB);
		const tight = assembleZip([{ name: 'xl/worksheets/sheet1.xml', ...zeros }]);
		expect(() => readZipEntries(tight, XLSX_ZIP_LIMITS)).toThrow(expect.objectContaining({ code: 'error_workbook_packed_too_tightly', params: { ratio: 100 } }));
		// A small part may pack tightly (styles, shared strings of repeated words): only large ones are held to the ratio.
		expect(readZipEntries(assembleZip([{ name: 'xl/styles.xml', ...(await deflatedZeros(MB)) }]), XLSX_ZIP_LIMITS).get('xl/styles.xml')).toHaveLength(MB);

		const many = assembleZip(Array.from({ length: 1_001 }, (_, index) => deflatedPart(`xl/media/image${index}.png`, 'x')));
		expect(() => readZipEntries(many, XLSX_ZIP_LIMITS)).toThrow(expect.objectContaining({ code: 'error_workbook_too_many_parts' }));

		const three = assembleZip([1, 2, 3].map((index) => deflatedPart(`xl/worksheets/sheet${index}.xml`, 'a'.repeat(400))));
		expect(() => readZipEntries(three, { ...XLSX_ZIP_LIMITS, totalBytes: 1_000 })).toThrow(expect.objectContaining({ code: 'error_workbook_unpacked_too_large' }));
		expect(() => readZipEntries(three, { ...XLSX_ZIP_LIMITS, entryBytes: 399 })).toThrow(expect.objectContaining({ code: 'error_workbook_unpacked_too_large' }));
		expect(readZipEntries(three, { ...XLSX_ZIP_LIMITS, totalBytes: 1_200, entryBytes: 400 }).size).toBe(3);
	});

	it('refuses parts an Excel workbook never has, and names that climb out of the archive', () => {
		const workbook = deflatedPart('xl/workbook.xml', '<workbook/>');
		for (const name of ['word/document.xml', 'mimetype', 'xl/../../etc/passwd', '/xl/workbook.xml', 'xl\\workbook.xml', 'xl/fil\u0000.xml', 'content.xml']) {
			const file = assembleZip([deflatedPart('[Content_Types].xml', '<Types/>'), workbook, deflatedPart(name, '<x/>')]);
			expect(() => readZipEntries(file, XLSX_ZIP_LIMITS), name).toThrow(expect.objectContaining({ code: 'error_workbook_unexpected_part' }));
		}
		for (const name of ['_rels/.rels', 'docProps/core.xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'customXml/item1.xml', 'xl/media/image 1.png']) {
			expect(readZipEntries(assembleZip([workbook, deflatedPart(name, '<x/>')]), XLSX_ZIP_LIMITS).has(name), name).toBe(true);
		}
	});

	it('tells plainly that a zip with no workbook in it (a Word file, say) is not an Excel export', () => {
		const word = assembleZip([deflatedPart('[Content_Types].xml', '<Types/>'), deflatedPart('word/document.xml', '<w:document/>')]);
		expect(() => readZipEntries(word, XLSX_ZIP_LIMITS)).toThrow(expect.objectContaining({ code: 'error_workbook_not_ours' }));
	});

	it('refuses ZIP64, encryption, unknown methods, a wrong checksum and a cut-off file as unreadable', async () => {
		const unreadable = expect.objectContaining({ code: 'error_file_unreadable' });
		const part = deflatedPart('xl/workbook.xml', '<workbook/>');
		expect(() => readZipEntries(assembleZip([{ ...part, centralSize: 0xffffffff }]), XLSX_ZIP_LIMITS)).toThrow(unreadable);
		const zip64Count = assembleZip([part]);
		zip64Count.writeUInt16LE(0xffff, zip64Count.length - 12);
		expect(() => readZipEntries(zip64Count, XLSX_ZIP_LIMITS)).toThrow(unreadable);
		expect(() => readZipEntries(assembleZip([{ ...part, flags: 0x1 }]), XLSX_ZIP_LIMITS)).toThrow(unreadable);
		const bzip2 = assembleZip([part]);
		bzip2.writeUInt16LE(12, bzip2.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
		expect(() => readZipEntries(bzip2, XLSX_ZIP_LIMITS)).toThrow(unreadable);
		expect(() => readZipEntries(assembleZip([{ ...part, crc: part.crc ^ 1 }]), XLSX_ZIP_LIMITS)).toThrow(unreadable);
		const honest = assembleZip([part]);
		expect(() => readZipEntries(honest.subarray(0, honest.length - 5), XLSX_ZIP_LIMITS)).toThrow(unreadable);
		expect(() => readZipEntries(Buffer.from('PK\u0003\u0004 inte en riktig fil'), XLSX_ZIP_LIMITS)).toThrow(unreadable);
		// A deflate stream that ends early.
		const cut = { ...part, stored: part.stored.subarray(0, 4) };
		expect(() => readZipEntries(assembleZip([cut]), XLSX_ZIP_LIMITS)).toThrow(unreadable);
		expect(zlib.crc32(readZipEntries(honest, XLSX_ZIP_LIMITS).get('xl/workbook.xml')!)).toBe(part.crc);
	});
});
