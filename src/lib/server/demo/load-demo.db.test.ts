import { describe, expect, it } from 'vitest';
import { testDb } from '../testing/factories';
import { listPlans, loadPlanData } from '../plans/plan-repository';
import { loadDemo } from './load-demo';
import { PRESETS } from '../frameworks/presets';
import { listFrameworks } from '../frameworks/framework-repository';
import { listAccounts } from '../identity/account-repository';
import { listDueReports, listFollowUps } from '../follow-up/follow-up-repository';
import { listPeriods } from '../follow-up/period-repository';

describe('demo organisation', () => {
	it('loads Exempelkommun once, with a plan in every preset shape', async () => {
		const db = await testDb();
		const first = await loadDemo(db);
		const second = await loadDemo(db);
		expect(first.created).toBe(true);
		expect(second).toMatchObject({ created: false, tenant: { id: first.tenant.id } });

		const plans = await listPlans(db, first.tenant.id);
		expect(plans).toHaveLength(5);
		const frameworks = await listFrameworks(db, first.tenant.id);
		expect(frameworks.map((framework) => framework.preset).sort()).toEqual(PRESETS.map((preset) => preset.key).sort());
		const adopted = plans.filter((plan) => plan.state === 'adopted');
		expect(adopted.map((plan) => plan.registryNumber)).toEqual(['Dnr 2025/104']);

		for (const plan of plans) {
			const data = (await loadPlanData(db, first.tenant.id, plan.id))!;
			expect(data.nodes.length).toBeGreaterThan(3);
			expect(data.chapters.length).toBeGreaterThan(0);
		}
		const all = await Promise.all(plans.map((plan) => loadPlanData(db, first.tenant.id, plan.id)));
		const nodes = all.flatMap((data) => data!.nodes);
		expect(nodes.some((node) => node.indicators.length > 0)).toBe(true);
		expect(nodes.some((node) => node.linkedParentIds.length > 0)).toBe(true);
		expect(nodes.some((node) => node.carriedOver)).toBe(true);

		// Follow-up: a closed and an open period, and something left for the demo reporter to report.
		const reporter = (await listAccounts(db, first.tenant.id)).find((account) => account.email === 'rapportor@exempelkommun.se')!;
		const due = await listDueReports(db, first.tenant.id, reporter.personId);
		expect(due.length).toBeGreaterThanOrEqual(3);
		const perspective = plans.find((plan) => plan.title === 'Utbildningsförvaltningens verksamhetsplan 2025')!;
		const periods = await listPeriods(db, first.tenant.id, perspective.id);
		expect(periods.map((period) => [period.name, period.closedAt !== null])).toEqual([
			['Delår 1 per 30 april', true],
			['Delår 2 per 31 augusti', false]
		]);
		expect((await listFollowUps(db, first.tenant.id, perspective.id, periods[0].id)).length).toBe(7);
	});
});
