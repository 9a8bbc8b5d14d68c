import { describe, expect, it } from 'vitest';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addUnit } from '../organisation/add-unit';
import { createFramework } from '../frameworks/create-framework';
import { addNode } from '../plans/add-node';
import { adoptPlan } from '../plans/adopt-plan';
import { cascadeGoals } from '../plans/cascade-goals';
import { addPeriod } from './manage-periods';
import { listPeriods } from './period-repository';
import { listScale } from './scales';
import { recordFollowUp } from './record-follow-up';
import { openChainPeriod } from './open-chain-period';
import { loadChainRollUp } from './chain-roll-up';
import { exportPlan } from '../documents/export-plan';
import { documentText, hasPdfText } from '../testing/document-fidelity';
import { addPerson } from '../organisation/add-person';
import { holdRoleTitle } from '../identity/hold-role-title';
import { units } from '../db/schema';
import { and, eq } from 'drizzle-orm';

type Db = Awaited<ReturnType<typeof testDb>>;
type Ctx = Awaited<ReturnType<typeof createTestOrganisation>>['ctx'];

/** The office's adopted plan with one goal, sent down to the units (their plans in the 'omrade-insatser' model, the goal an area). */
async function goalSentDown(db: Db, ctx: Ctx, officeId: string, title: string, unitIds: string[]) {
	const { plan, level } = await createTestPlan(db, ctx, officeId, 'perspektiv-uppdrag');
	const goal = await addNode(db, ctx, plan.id, { levelId: level('perspektiv').id, ref: '1', title });
	await adoptPlan(db, ctx, plan.id, { adoptedBy: 'Nämnden', adoptedOn: '2024-01-30' });
	const unitModel = await createFramework(db, ctx, { name: 'Enhetens plan', preset: 'omrade-insatser' });
	const anchorLevel = unitModel.levels.find((candidate) => candidate.key === 'omrade')!;
	const workLevel = unitModel.levels.find((candidate) => candidate.key === 'insats')!;
	const { plansCreated } = await cascadeGoals(db, ctx, plan.id, { goalIds: [goal.id], unitIds, frameworkId: unitModel.id, levelId: anchorLevel.id });
	return { plan, goal, workLevel, plansCreated };
}

describe("the organiser's roll-up of the units' reports", () => {
	it("shows each unit's assessment, analysis and the statuses of its work under each goal, in the period opened with the organiser's", async () => {
		const db = await testDb();
		const { ctx, top } = await createTestOrganisation(db);
		const office = await addUnit(db, ctx, { parentId: top.id, kind: 'administration', name: 'Utbildningsförvaltningen' });
		const north = await addUnit(db, ctx, { parentId: office.id, kind: 'school_unit', name: 'Norrskolan' });
		const south = await addUnit(db, ctx, { parentId: office.id, kind: 'school_unit', name: 'Åsskolan' });
		const { plan, goal, workLevel, plansCreated } = await goalSentDown(db, ctx, office.id, 'Alla elever når målen', [north.id, south.id]);

		const period = await addPeriod(db, ctx, plan.id, { name: 'Delår 1', asOf: '2024-04-30', dueOn: '2024-05-15' });
		expect(await openChainPeriod(db, ctx, plan.id, period)).toEqual({ opened: 2 });
		// Opened once: again, nothing more.
		expect(await openChainPeriod(db, ctx, plan.id, period)).toEqual({ opened: 0 });

		// Norrskolan works under the goal and reports; Åsskolan has work but has not reported.
		const statuses = await listScale(db, ctx.tenantId, 'status');
		const assessments = await listScale(db, ctx.tenantId, 'assessment');
		const rollUp = () => loadChainRollUp(db, ctx.tenantId, plan.id, period);
		const before = await rollUp();
		const share = (unitId: string, rows = before) => rows.find((row) => row.unitId === unitId)!;
		const northPlan = share(north.id).planId;
		const southPlan = share(south.id).planId;
		expect(new Set([northPlan, southPlan])).toEqual(new Set(plansCreated));
		const northPeriod = share(north.id).periodId!;
		expect((await listPeriods(db, ctx.tenantId, northPlan)).map((row) => row.name)).toEqual(['Delår 1']);

		const work = [];
		for (const title of ['Läsfixare', 'Mattelyftet', 'Studiero i klassrummet']) work.push(await addNode(db, ctx, northPlan, { levelId: workLevel.id, parentId: share(north.id).anchorId, title }));
		await addNode(db, ctx, southPlan, { levelId: workLevel.id, parentId: share(south.id).anchorId, title: 'Läxhjälp' });
		await recordFollowUp(db, ctx, northPlan, work[0].id, northPeriod, { statusId: statuses[0].id, comment: 'Igång.' });
		await recordFollowUp(db, ctx, northPlan, work[1].id, northPeriod, { statusId: statuses[0].id });
		await recordFollowUp(db, ctx, northPlan, share(north.id).anchorId, northPeriod, { assessmentId: assessments[1].id, analysis: 'Resultaten i åk 6 har ökat.' });

		const after = await rollUp();
		expect(after.map((row) => row.unitName)).toEqual(['Norrskolan', 'Åsskolan']);
		expect(share(north.id, after)).toMatchObject({ goalId: goal.id, assessmentId: assessments[1].id, analysis: 'Resultaten i åk 6 har ökat.', activities: 3, reported: 2, statuses: { [statuses[0].id]: 2 } });
		expect(share(south.id, after)).toMatchObject({ assessmentId: null, analysis: '', activities: 1, reported: 0, statuses: {} });

		// The organiser's follow-up report carries the units' table under the goal, in every document format.
		for (const format of ['html', 'docx', 'pdf'] as const) {
			if (format === 'pdf' && !hasPdfText) continue;
			const text = (await documentText(format, (await exportPlan(db, ctx.tenantId, plan.id, { format, periodId: period, locale: 'sv' })).body)).replace(/\s+/g, ' ');
			const table = text.slice(text.indexOf('Enheternas uppföljning'));
			expect(table, format).toMatch(/Norrskolan .*Resultaten i åk 6 har ökat\./);
			expect(table, format).toContain('2 av 3 rapporterade');
			expect(table, format).toMatch(/Åsskolan .*0 av 1 rapporterade/);
		}

		// Asked for, the units' analyses make an appendix, under the goal and the unit's name; the table then leaves them out.
		for (const format of ['html', 'docx', 'pdf'] as const) {
			if (format === 'pdf' && !hasPdfText) continue;
			const text = (await documentText(format, (await exportPlan(db, ctx.tenantId, plan.id, { format, periodId: period, locale: 'sv', unitAnalyses: true })).body)).replace(/\s+/g, ' ');
			const start = text.lastIndexOf('Bilaga: Enheternas analyser');
			expect(start, format).toBeGreaterThan(text.indexOf('Enheternas uppföljning'));
			const [body, appendix] = [text.slice(0, start), text.slice(start)];
			expect(body, format).toMatch(/Norrskolan .*2 av 3 rapporterade/);
			expect(body, format).toContain('Enheternas analyser finns i bilagan.');
			expect(body, format).not.toContain('Resultaten i åk 6 har ökat.');
			expect(appendix, format).toMatch(/1 Alla elever når målen .*Norrskolan .*Bedömning:? .*Resultaten i åk 6 har ökat\./);
			// Åsskolan wrote nothing: not in the appendix.
			expect(appendix, format).not.toContain('Åsskolan');
		}

		// Another organisation sees none of it.
		const other = await createTestOrganisation(db);
		expect(await loadChainRollUp(db, other.ctx.tenantId, plan.id, period)).toEqual([]);
	});

	it('says each unit\'s area and school forms, and whom to ask about what it has not reported: role titles with their holders, people', async () => {
		const db = await testDb();
		const { ctx, top } = await createTestOrganisation(db);
		const office = await addUnit(db, ctx, { parentId: top.id, kind: 'administration', name: 'Utbildningsförvaltningen' });
		const northArea = await addUnit(db, ctx, { parentId: office.id, kind: 'school_area', name: 'Skolområde Norr' });
		const north = await addUnit(db, ctx, { parentId: northArea.id, kind: 'school_unit', name: 'Norrskolan' });
		const preschool = await addUnit(db, ctx, { parentId: northArea.id, kind: 'preschool_unit', name: 'Ekbacken' });
		await db.update(units).set({ schoolForms: ['GR', 'FKLASS'] }).where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, north.id)));
		const { plan, workLevel } = await goalSentDown(db, ctx, office.id, 'Trygghet', [north.id, preschool.id]);
		const period = await addPeriod(db, ctx, plan.id, { name: 'Delår 1', asOf: '2024-04-30', dueOn: '2024-05-15' });
		await openChainPeriod(db, ctx, plan.id, period);

		const principal = await addPerson(db, ctx, { name: 'Åsa Berg' });
		const deputy = await addPerson(db, ctx, { name: 'Anders Ek' });
		const counsellor = await addPerson(db, ctx, { name: 'Cecilia Lund' });
		await holdRoleTitle(db, ctx, principal.id, 'Rektor Norrskolan', true);
		await holdRoleTitle(db, ctx, deputy.id, 'Rektor Norrskolan', true);
		const before = await loadChainRollUp(db, ctx.tenantId, plan.id, period);
		const share = (unitId: string, rows = before) => rows.find((row) => row.unitId === unitId)!;
		const northShare = share(north.id);
		expect(northShare).toMatchObject({ areaId: northArea.id, areaName: 'Skolområde Norr', schoolForms: ['GR', 'FKLASS'], responsibles: [] });
		expect(share(preschool.id)).toMatchObject({ unitKind: 'preschool_unit', areaName: 'Skolområde Norr', schoolForms: [] });

		const statuses = await listScale(db, ctx.tenantId, 'status');
		const assessments = await listScale(db, ctx.tenantId, 'assessment');
		const reading = await addNode(db, ctx, northShare.planId, { levelId: workLevel.id, parentId: northShare.anchorId, title: 'Rastvärdar', values: { responsible: 'Rektor Norrskolan' } });
		const talks = await addNode(db, ctx, northShare.planId, { levelId: workLevel.id, parentId: northShare.anchorId, title: 'Samtal', values: { responsible: { roles: [], people: [counsellor.id] } } });
		const survey = await addNode(db, ctx, northShare.planId, { levelId: workLevel.id, parentId: northShare.anchorId, title: 'Enkät', values: { responsible: 'Rektor Norrskolan' } });

		// Not assessed: everyone answering for the goal's work there, the role title with its holders in Swedish order.
		const waiting = share(north.id, await loadChainRollUp(db, ctx.tenantId, plan.id, period));
		expect(waiting.responsibles).toEqual([
			{ kind: 'person', name: 'Cecilia Lund', holders: [] },
			{ kind: 'role', name: 'Rektor Norrskolan', holders: ['Anders Ek', 'Åsa Berg'] }
		]);

		// Assessed, one item reported: only those whose work is still without a status.
		await recordFollowUp(db, ctx, northShare.planId, northShare.anchorId, northShare.periodId!, { assessmentId: assessments[0].id, analysis: 'Bra.' });
		await recordFollowUp(db, ctx, northShare.planId, talks.id, northShare.periodId!, { statusId: statuses[0].id });
		expect(share(north.id, await loadChainRollUp(db, ctx.tenantId, plan.id, period)).responsibles).toEqual([{ kind: 'role', name: 'Rektor Norrskolan', holders: ['Anders Ek', 'Åsa Berg'] }]);
		// Everything reported: nobody to ask. Another organisation sees none of it.
		for (const item of [reading, survey]) await recordFollowUp(db, ctx, northShare.planId, item.id, northShare.periodId!, { statusId: statuses[1].id });
		expect(share(north.id, await loadChainRollUp(db, ctx.tenantId, plan.id, period)).responsibles).toEqual([]);
		expect(await loadChainRollUp(db, (await createTestOrganisation(db)).ctx.tenantId, plan.id, period)).toEqual([]);
	});
});
