import { describe, expect, it } from 'vitest';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from '../plans/add-node';
import { linkNode } from '../plans/link-node';
import { addPeriod } from './manage-periods';
import { recordFollowUp } from './record-follow-up';
import { listScale } from './scales';
import { countStatusesByPeriod } from './status-trend';

describe('the status trend of a plan', () => {
	it('counts every status item once per period by its report, in one query scoped to the organisation', async () => {
		const db = await testDb();
		const { ctx, top, tenant } = await createTestOrganisation(db);
		const { plan, level } = await createTestPlan(db, ctx, top.id, 'enkel');
		const goal = await addNode(db, ctx, plan.id, { levelId: level('mal').id, title: 'Höga kunskapsresultat' });
		const other = await addNode(db, ctx, plan.id, { levelId: level('mal').id, title: 'Trygghet' });
		const activity = (title: string) => addNode(db, ctx, plan.id, { levelId: level('aktivitet').id, parentId: goal.id, title });
		const [a, b, c] = [await activity('Läsfixare'), await activity('Mattelyftet'), await activity('Mentorer')];
		// Shown under a second goal too: still one item, counted once.
		await linkNode(db, ctx, plan.id, a.id, other.id);
		const april = await addPeriod(db, ctx, plan.id, { name: 'Delår 1 per 30 april', asOf: '2024-04-30', dueOn: '2024-05-15' });
		const august = await addPeriod(db, ctx, plan.id, { name: 'Delår 2 per 31 augusti', asOf: '2024-08-31', dueOn: '2024-09-15' });
		const helar = await addPeriod(db, ctx, plan.id, { name: 'Helår', asOf: '2024-12-31', dueOn: '2025-01-31' });
		const statuses = await listScale(db, tenant.id, 'status');
		const status = (label: string) => statuses.find((value) => value.labelSv === label)!.id;
		const [met] = await listScale(db, tenant.id, 'assessment');

		await recordFollowUp(db, ctx, plan.id, a.id, april, { statusId: status('Pågående'), comment: '' });
		await recordFollowUp(db, ctx, plan.id, b.id, april, { statusId: status('Pågående'), comment: '' });
		// Revised: the latest status counts, once.
		await recordFollowUp(db, ctx, plan.id, a.id, august, { statusId: status('Pågående'), comment: 'Startat.' });
		await recordFollowUp(db, ctx, plan.id, a.id, august, { statusId: status('Genomförd'), comment: 'Klart.', version: 1 });
		await recordFollowUp(db, ctx, plan.id, b.id, august, { statusId: status('Genomförd'), comment: '' });
		await recordFollowUp(db, ctx, plan.id, c.id, august, { statusId: status('Kvarstår'), comment: '' });
		// A goal's assessment is no status.
		await recordFollowUp(db, ctx, plan.id, goal.id, august, { assessmentId: met.id, analysis: 'Bra.' });

		// Another organisation's reports on a plan of its own are not seen, nor is this plan from there.
		const stranger = await createTestOrganisation(db);
		const theirs = await createTestPlan(db, stranger.ctx, stranger.top.id, 'enkel');
		const theirGoal = await addNode(db, stranger.ctx, theirs.plan.id, { levelId: theirs.level('mal').id, title: 'Mål' });
		const theirActivity = await addNode(db, stranger.ctx, theirs.plan.id, { levelId: theirs.level('aktivitet').id, parentId: theirGoal.id, title: 'Aktivitet' });
		const theirPeriod = await addPeriod(db, stranger.ctx, theirs.plan.id, { name: 'Delår 1', asOf: '2024-04-30', dueOn: '2024-05-15' });
		const theirStatus = (await listScale(db, stranger.tenant.id, 'status')).find((value) => value.labelSv === 'Genomförd')!.id;
		await recordFollowUp(db, stranger.ctx, theirs.plan.id, theirActivity.id, theirPeriod, { statusId: theirStatus, comment: '' });

		const counts = await countStatusesByPeriod(db, tenant.id, plan.id);
		const byPeriod = (periodId: string) =>
			Object.fromEntries(
				counts
					.filter((count) => count.periodId === periodId)
					.map((count) => [count.statusId ? statuses.find((value) => value.id === count.statusId)!.labelSv : 'none', count.count])
			);
		expect(byPeriod(april)).toEqual({ Pågående: 2, none: 1 });
		expect(byPeriod(august)).toEqual({ Genomförd: 2, Kvarstår: 1 });
		// A period nobody has reported in yet: every item not reported.
		expect(byPeriod(helar)).toEqual({ none: 3 });
		expect(counts.every((count) => [april, august, helar].includes(count.periodId))).toBe(true);

		expect(await countStatusesByPeriod(db, stranger.tenant.id, plan.id)).toEqual([]);
		expect(await countStatusesByPeriod(db, tenant.id, theirs.plan.id)).toEqual([]);
		expect(await countStatusesByPeriod(db, tenant.id, 'not-an-id')).toEqual([]);
	});
});
