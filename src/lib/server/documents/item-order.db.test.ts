import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from '../plans/add-node';
import { saveChapter } from '../plans/save-chapter';
import { saveField } from '../frameworks/save-field';
import { moveField } from '../frameworks/move-field';
import { updateLevel } from '../frameworks/update-level';
import { exportPlan } from './export-plan';

const BACKGROUND = 'Bakgrunden till satsningen på läsning';
const DESCRIPTION = 'Beskrivningen av området läsning';
const ROW_BACKGROUND = 'Radens bakgrund om läsfixare';
const ROW_DESCRIPTION = 'Radens beskrivning av läsfixare';
const CLOSING = 'Planen följs upp i ledningsgruppen och sprids till alla rektorer';

/**
 * A plan whose levels write "Bakgrund" before the description, as the organisation's source does:
 * an area shown as a heading and its interventions shown as table rows, with an opening and a
 * closing chapter.
 */
async function orderedPlan() {
	const db = await testDb();
	const { ctx, top } = await createTestOrganisation(db);
	const { framework, plan, level } = await createTestPlan(db, ctx, top.id, 'omrade-insatser');
	const area = level('omrade');
	const intervention = level('insats');
	for (const target of [area, intervention]) {
		await saveField(db, ctx, framework.id, target.id, { type: 'rich_text', labelSv: 'Bakgrund', labelEn: 'Background' });
		// The new field stands last; up until it is above the description.
		for (let step = 0; step < target.fields.length + 1; step++) await moveField(db, ctx, framework.id, target.id, 'bakgrund', 'up');
	}
	await updateLevel(db, ctx, framework.id, intervention.id, {
		nameSv: intervention.nameSv,
		namePluralSv: intervention.namePluralSv,
		nameEn: intervention.nameEn,
		namePluralEn: intervention.namePluralEn,
		isRoot: false,
		followUp: intervention.followUp,
		documentStyle: 'table_row',
		// As the form lists them: the description's checkbox before the fields'.
		tableColumns: ['title', 'description', 'bakgrund'],
		childLevelIds: []
	});
	await saveChapter(db, ctx, plan.id, null, { title: 'Inledning', body: 'Så här är planen byggd.' });
	await saveChapter(db, ctx, plan.id, null, { title: 'Uppföljning och spridning', body: CLOSING, placement: 'after' });
	await saveChapter(db, ctx, plan.id, null, { title: 'Förord', body: 'Ett förord.' });
	const root = await addNode(db, ctx, plan.id, { levelId: area.id, title: 'Läsning', description: DESCRIPTION, values: { bakgrund: BACKGROUND, kontakt: 'Anna Ek' } });
	await addNode(db, ctx, plan.id, { levelId: intervention.id, parentId: root.id, title: 'Läsfixare', description: ROW_DESCRIPTION, values: { bakgrund: ROW_BACKGROUND } });
	return (format: string) => exportPlan(db, ctx.tenantId, plan.id, { format, locale: 'sv' });
}

/** Asserts that each text appears in `text` after the one before it. */
function expectInOrder(text: string, parts: string[]) {
	let from = 0;
	for (const part of parts) {
		const at = text.indexOf(part, from);
		expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
		from = at + part.length;
	}
}

describe("documents follow the level's field order and the chapters' placement", () => {
	it('HTML: "Bakgrund" before the description, under the heading and in the table; a closing chapter after the items', async () => {
		const file = await orderedPlan();
		const html = (await file('html')).body.toString('utf8');
		expectInOrder(html, ['Så här är planen byggd.', 'Ett förord.', BACKGROUND, DESCRIPTION, 'Anna Ek', '>Bakgrund<', '>Beskrivning<', ROW_BACKGROUND, ROW_DESCRIPTION, CLOSING]);
	});

	it('Word: the same order in the document XML', async () => {
		const file = await orderedPlan();
		const zip = await JSZip.loadAsync((await file('docx')).body);
		const text = [...(await zip.file('word/document.xml')!.async('string')).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('\n');
		expectInOrder(text, ['Så här är planen byggd.', BACKGROUND, DESCRIPTION, 'Anna Ek', ROW_BACKGROUND, ROW_DESCRIPTION, 'Uppföljning och spridning', CLOSING]);
	});

	it('Excel and CSV: the "Bakgrund" column before the description column', async () => {
		const file = await orderedPlan();
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await file('xlsx')).body as unknown as ArrayBuffer);
		const header = (workbook.worksheets[0].getRow(1).values as unknown[]).filter(Boolean).map(String);
		expectInOrder(header.join('|'), ['Rubrik', 'Bakgrund', 'Beskrivning', 'Effekter', 'Kontakt']);
		const row = (workbook.worksheets[0].getRow(2).values as unknown[]).map((value) => String(value ?? ''));
		expect(row.indexOf(BACKGROUND)).toBeLessThan(row.indexOf(DESCRIPTION));

		const csv = (await file('csv')).body.toString('utf8');
		const [head, first] = csv.split('\r\n');
		expectInOrder(head, ['Rubrik', 'Bakgrund', 'Beskrivning', 'Effekter', 'Kontakt']);
		expectInOrder(first, [BACKGROUND, DESCRIPTION]);
	});
});
