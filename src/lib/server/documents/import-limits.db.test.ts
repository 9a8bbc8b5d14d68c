import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Db } from '../db/client';
import { uploadedBytes } from '../http/upload';
import { addNode } from '../plans/add-node';
import { adoptPlan } from '../plans/adopt-plan';
import { loadPlanData } from '../plans/plan-repository';
import { setPlanPublished } from '../plans/publish-plan';
import { messageFor } from '../presenters/message';
import type { Ctx } from '../shared/context';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { workbookBomb } from '../testing/zip-files';
import { exportPlan } from './export-plan';
import { figure } from './import-limits';
import { importPastedTable } from './import-pasted-table';
import { importWorkbook } from './import-workbook';
import { publicFile } from './public-file';

const MB = 1024 * 1024;

async function draftPlan() {
	const db = await testDb();
	const org = await createTestOrganisation(db);
	const { plan, level } = await createTestPlan(db, org.ctx, org.top.id);
	const perspective = await addNode(db, org.ctx, plan.id, { levelId: level('perspektiv').id, title: 'Barn och elever' });
	return { db, ctx: org.ctx, slug: org.tenant.slug, plan, level, perspective };
}

/** The plan's Excel export, opened for editing as someone would in Excel. */
async function exported(db: Db, ctx: Ctx, planId: string) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await exportPlan(db, ctx.tenantId, planId, { format: 'xlsx', locale: 'sv' })).body as unknown as ArrayBuffer);
	const sheet = workbook.getWorksheet('Punkter')!;
	const header = (sheet.getRow(1).values as string[]).slice(1);
	// Excel stores only the cells that hold something.
	const row = (cells: Record<string, string>) => header.map((name) => cells[name]);
	return { workbook, sheet, row, save: async () => Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** The file as the import page's form sends it, through the same reading the page uses. */
async function upload(file: Buffer): Promise<Buffer> {
	const form = new FormData();
	form.set('file', new File([new Uint8Array(file)], 'plan.xlsx'));
	return uploadedBytes(form, 'file', 'error_file_unreadable');
}

async function titles(db: Db, ctx: Ctx, planId: string) {
	return (await loadPlanData(db, ctx.tenantId, planId))!.nodes.map((node) => node.title);
}

describe('import limits', () => {
	it('refuses an xlsx zip bomb sent to the import page before anything is parsed, honest or lying about its sizes; memory stays low', async () => {
		const { db, ctx, plan } = await draftPlan();
		for (const [lie, code] of [
			[false, 'error_workbook_unpacked_too_large'],
			[true, 'error_file_unreadable']
		] as const) {
			const bomb = await upload(await workbookBomb({ count: 16, bytes: 480 * MB, lie }));
			const before = process.memoryUsage().rss;
			const refusal = await importWorkbook(db, ctx, plan.id, bomb).catch((thrown) => thrown);
			expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
			expect(refusal).toMatchObject({ code });
		}
		expect(messageFor(await importWorkbook(db, ctx, plan.id, await upload(await workbookBomb({ count: 16, bytes: 480 * MB }))).catch((thrown) => thrown), 'sv')).toBe(
			'Filen blir för stor när den packas upp (högst 20 MB). Filen har inte lästs.'
		);
		expect(await titles(db, ctx, plan.id)).toEqual(['Barn och elever']);
	});

	it('refuses 100,000 added rows before the transaction, saying how many rows there are and how many may be imported', async () => {
		const { db, ctx, plan } = await draftPlan();
		const { sheet, row, save } = await exported(db, ctx, plan.id);
		for (let index = 0; index < 100_000; index++) sheet.addRow(row({ Nivå: 'Okänd', Rubrik: `Rad ${index}` }));
		const refusal = await importWorkbook(db, ctx, plan.id, await save()).catch((thrown) => thrown);
		expect(refusal).toMatchObject({ code: 'error_import_too_many_rows', params: { count: figure(100_001), max: figure(5_000) }, status: 413 });
		expect(messageFor(refusal, 'en')).toBe('The table has 100,001 rows. At most 5,000 rows can be imported at a time; split it up.');
		expect(await titles(db, ctx, plan.id)).toEqual(['Barn och elever']);
	});

	it('lists the first 50 problems of 1,200 invalid rows and counts the rest', async () => {
		const { db, ctx, plan } = await draftPlan();
		const { sheet, row, save } = await exported(db, ctx, plan.id);
		for (let index = 0; index < 1_200; index++) sheet.addRow(row({ Nivå: 'Okänd', Rubrik: `Rad ${index}` }));
		const result = await importWorkbook(db, ctx, plan.id, await save());
		expect(result.problems).toHaveLength(50);
		expect(result.problems[0]).toMatchObject({ row: 3, column: 'Nivå', error: { code: 'error_import_unknown_level' } });
		expect(result).toMatchObject({ more: 1_150 });
		expect(JSON.stringify(result).length).toBeLessThan(20_000);
		expect(await titles(db, ctx, plan.id)).toEqual(['Barn och elever']);
	});

	it('refuses a workbook with more cells than may be imported (counted in every sheet before exceljs reads them) or more text', async () => {
		const { db, ctx, plan } = await draftPlan();
		const wide = await exported(db, ctx, plan.id);
		const extra = wide.workbook.addWorksheet('Blad2');
		for (let index = 0; index < 2_600; index++) extra.addRow(Array.from({ length: 100 }, (_, column) => column));
		await expect(importWorkbook(db, ctx, plan.id, await wide.save())).rejects.toMatchObject({ code: 'error_import_too_many_cells', params: { max: figure(250_000) } });

		const long = await exported(db, ctx, plan.id);
		for (let index = 0; index < 1_100; index++) long.sheet.addRow(long.row({ Nivå: 'Okänd', Rubrik: `Rad ${index}`, Beskrivning: 'text '.repeat(400) }));
		await expect(importWorkbook(db, ctx, plan.id, await long.save())).rejects.toMatchObject({ code: 'error_import_too_much_text', params: { max: figure(2_000_000) } });
		expect(await titles(db, ctx, plan.id)).toEqual(['Barn och elever']);
	});

	it('holds a pasted table to the same limits: too many rows said as rows, and the first 50 problems with a count', async () => {
		const { db, ctx, plan, level, perspective } = await draftPlan();
		const base = { levelId: level('kommunmal').id, parentId: perspective.id, targets: ['title', 'ref'], headerRow: true, splitLists: true };
		const big = await importPastedTable(db, ctx, plan.id, { ...base, table: `Mål\tNr\n${'Mål\t1\n'.repeat(6_000)}` }).catch((thrown) => thrown);
		expect(big).toMatchObject({ code: 'error_import_too_many_rows', params: { count: figure(6_001), max: figure(5_000) } });
		expect(messageFor(big, 'sv')).not.toMatch(/tecken/);

		const result = await importPastedTable(db, ctx, plan.id, { ...base, table: `Mål\tNr\n${'\t1\n'.repeat(3_000)}` });
		expect(result.problems).toHaveLength(50);
		expect(result).toMatchObject({ more: 2_950, created: 0 });
		expect(await titles(db, ctx, plan.id)).toEqual(['Barn och elever']);
	});
});

describe('CSV formula injection', () => {
	const formulas = ['=1+1', '+1', '-1', '@SUM(A1:A9)', '=HYPERLINK("http://evil.example";"Klicka")'];

	it('neutralises cells starting like a formula in the plan export and the public open-data download', async () => {
		const { db, ctx, slug, plan, level, perspective } = await draftPlan();
		for (const title of formulas) await addNode(db, ctx, plan.id, { levelId: level('kommunmal').id, parentId: perspective.id, title });
		await addNode(db, ctx, plan.id, { levelId: level('kommunmal').id, parentId: perspective.id, ref: '-5', title: 'Numrerat minus fem' });
		const neutralised = (csv: string) => {
			for (const title of formulas) expect(csv).toContain(`;"'${title.replace(/"/g, '""')}";`);
			expect(csv).toContain(`;"'-5";Numrerat minus fem;`);
			expect(csv).not.toMatch(/;[=+\-@]/);
		};
		neutralised((await exportPlan(db, ctx.tenantId, plan.id, { format: 'csv', locale: 'sv' })).body.toString());

		await adoptPlan(db, ctx, plan.id, { adoptedBy: 'Kommunfullmäktige', adoptedOn: '2024-01-30' });
		await setPlanPublished(db, ctx, plan.id, true);
		neutralised((await publicFile(db, slug, plan.id, { format: 'csv', locale: 'sv' }))!.body.toString());
	});

	it('writes such text in Excel as text (a shared string), never as a formula', async () => {
		const { db, ctx, plan, level, perspective } = await draftPlan();
		for (const title of formulas) await addNode(db, ctx, plan.id, { levelId: level('kommunmal').id, parentId: perspective.id, title });
		const zip = await JSZip.loadAsync((await exportPlan(db, ctx.tenantId, plan.id, { format: 'xlsx', locale: 'sv' })).body);
		const sheets = await Promise.all(Object.keys(zip.files).filter((name) => name.startsWith('xl/worksheets/sheet')).map((name) => zip.file(name)!.async('string')));
		expect(sheets.join('')).not.toContain('<f>');
		const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
		expect(strings).toContain('<t>=1+1</t>');
	});
});
