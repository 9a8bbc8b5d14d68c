import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from '../plans/add-node';
import { loadPlanData } from '../plans/plan-repository';
import { exportPlan } from './export-plan';
import { importWorkbook } from './import-workbook';

describe('Excel round trip of rich text', () => {
	it('keeps the Markdown of rich-text cells left as exported when another cell of the row is edited, and takes an edited one as written', async () => {
		const db = await testDb();
		const { ctx, top } = await createTestOrganisation(db);
		const { plan, level } = await createTestPlan(db, ctx, top.id, 'omrade-insatser');
		const effects = '**Fler elever** når målen:\n\n- bättre *läsförståelse*\n- [uppföljning](https://example.se/plan)';
		const description = 'Bakgrund med **fet** text.';
		const area = await addNode(db, ctx, plan.id, { levelId: level('omrade').id, title: 'Läsning', description, values: { effekter: effects, kontakt: 'Anna' } });
		const other = await addNode(db, ctx, plan.id, { levelId: level('omrade').id, title: 'Trygghet', values: { effekter: '*Gammal* text' } });

		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await exportPlan(db, ctx.tenantId, plan.id, { format: 'xlsx', locale: 'sv' })).body as unknown as ArrayBuffer);
		const sheet = workbook.getWorksheet('Punkter')!;
		const header = (sheet.getRow(1).values as string[]).slice(1);
		const column = (name: string) => header.indexOf(name) + 1;
		const row = (id: string) => [...Array(sheet.rowCount).keys()].map((index) => sheet.getRow(index + 1)).find((candidate) => candidate.getCell(column('Id')).value === id)!;
		expect(String(row(area.id).getCell(column('Effekter')).value)).not.toContain('**');
		row(area.id).getCell(column('Rubrik')).value = 'Läsning och skrivande';
		row(other.id).getCell(column('Effekter')).value = 'Ny text skriven i Excel';

		const result = await importWorkbook(db, ctx, plan.id, Buffer.from(await workbook.xlsx.writeBuffer()));
		expect(result).toMatchObject({ problems: [], updated: 2 });
		const nodes = (await loadPlanData(db, ctx.tenantId, plan.id))!.nodes;
		expect(nodes.find((node) => node.id === area.id)).toMatchObject({ title: 'Läsning och skrivande', description, fieldValues: { effekter: effects, kontakt: 'Anna' } });
		expect(nodes.find((node) => node.id === other.id)!.fieldValues.effekter).toBe('Ny text skriven i Excel');
	});
});
