import { describe, expect, it } from 'vitest';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { listAuditEvents } from '../audit/audit-repository';
import { exportPlan } from '../documents/export-plan';
import { importPlanDocument, readPlanDocument } from '../documents/import-plan-json';
import { listChapters } from './plan-repository';
import { saveChapter } from './save-chapter';
import { moveChapter } from './move-chapter';

describe('chapters before or after the items', () => {
	it('places a chapter after the items, audited; moving stays on its side; an edit without a placement keeps it', async () => {
		const db = await testDb();
		const { ctx, top } = await createTestOrganisation(db);
		const { plan } = await createTestPlan(db, ctx, top.id, 'enkel');
		const intro = await saveChapter(db, ctx, plan.id, null, { title: 'Inledning', body: 'Om planen.' });
		const closing = await saveChapter(db, ctx, plan.id, null, { title: 'Uppföljning och spridning', body: 'Hur planen följs upp.', placement: 'after' });
		const mandate = await saveChapter(db, ctx, plan.id, null, { title: 'Uppdrag', body: 'Nämndens uppdrag.' });
		const titles = async () => (await listChapters(db, ctx.tenantId, plan.id)).map((chapter) => `${chapter.title} (${chapter.placement})`);
		expect(await titles()).toEqual(['Inledning (before)', 'Uppdrag (before)', 'Uppföljning och spridning (after)']);

		// The last chapter before the items does not move past them: placement is a choice of its own.
		await moveChapter(db, ctx, plan.id, mandate, 'down');
		expect(await titles()).toEqual(['Inledning (before)', 'Uppdrag (before)', 'Uppföljning och spridning (after)']);
		await moveChapter(db, ctx, plan.id, closing, 'up');
		expect(await titles()).toEqual(['Inledning (before)', 'Uppdrag (before)', 'Uppföljning och spridning (after)']);

		await saveChapter(db, ctx, plan.id, intro, { title: 'Inledning', body: 'Om planen.', placement: 'after' });
		expect(await titles()).toEqual(['Uppdrag (before)', 'Inledning (after)', 'Uppföljning och spridning (after)']);
		await moveChapter(db, ctx, plan.id, closing, 'up');
		expect(await titles()).toEqual(['Uppdrag (before)', 'Uppföljning och spridning (after)', 'Inledning (after)']);
		// A save that does not say (the API, an older form) keeps the chapter where it is.
		await saveChapter(db, ctx, plan.id, closing, { title: 'Uppföljning och spridning', body: 'Ny text.' });
		expect(await titles()).toEqual(['Uppdrag (before)', 'Uppföljning och spridning (after)', 'Inledning (after)']);

		const events = await listAuditEvents(db, ctx.tenantId, { entityId: intro });
		expect(events.find((event) => event.action === 'chapter.update')).toMatchObject({ before: { placement: 'before' }, after: { placement: 'after' } });
		expect((await listAuditEvents(db, ctx.tenantId, { entityId: closing })).find((event) => event.action === 'chapter.create')?.after).toMatchObject({ placement: 'after' });
		await expect(saveChapter(db, ctx, plan.id, null, { title: 'X', placement: 'mitten' })).rejects.toMatchObject({ code: 'error_field_invalid' });
	});

	it('carries the placement through the JSON file, and reads a file without it as before the items', async () => {
		const db = await testDb();
		const source = await createTestOrganisation(db);
		const { plan } = await createTestPlan(db, source.ctx, source.top.id, 'enkel');
		await saveChapter(db, source.ctx, plan.id, null, { title: 'Inledning', body: 'Om planen.' });
		await saveChapter(db, source.ctx, plan.id, null, { title: 'Uppföljning', body: 'Hur planen följs upp.', placement: 'after' });
		const json = (await exportPlan(db, source.tenant.id, plan.id, { format: 'json', locale: 'sv' })).body;
		const document = readPlanDocument(json);
		expect(document.chapters.map((chapter) => chapter.placement)).toEqual(['before', 'after']);
		const copied = await importPlanDocument(db, source.ctx, document);
		expect((await listChapters(db, source.tenant.id, copied.planId)).map((chapter) => chapter.placement)).toEqual(['before', 'after']);

		const older = JSON.parse(json.toString('utf8'));
		for (const chapter of older.chapters) delete chapter.placement;
		for (const level of older.framework.levels) delete level.descriptionPosition;
		const imported = await importPlanDocument(db, source.ctx, readPlanDocument(Buffer.from(JSON.stringify(older))));
		expect((await listChapters(db, source.tenant.id, imported.planId)).map((chapter) => chapter.placement)).toEqual(['before', 'before']);
	});
});
