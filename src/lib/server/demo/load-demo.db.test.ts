import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { measurements } from '../db/schema';
import { findTenant } from '../organisation/organisation-repository';
import { loadComparison } from '../kolada/kolada-comparison';
import { listSyncs } from '../kolada/kolada-repository';
import { runNightlySync } from '../kolada/kolada-schedule';
import { startKolada } from '../../../../tests/peers/kolada';
import { testDb } from '../testing/factories';
import { listPlans, loadPlanData } from '../plans/plan-repository';
import { loadDemo } from './load-demo';
import { PRESETS } from '../frameworks/presets';
import { listFrameworks } from '../frameworks/framework-repository';
import { listAccounts } from '../identity/account-repository';
import { listDueReports, listFollowUps } from '../follow-up/follow-up-repository';
import { listPeriods } from '../follow-up/period-repository';
import { listUnits } from '../organisation/organisation-repository';
import { readRegisterFile } from '../organisation/school-unit-register';
import { loadChainRollUp } from '../follow-up/chain-roll-up';
import { listScale } from '../follow-up/scales';
import { presentChainRollUp } from '../presenters/chain-roll-up';
import fs from 'node:fs';

describe('demo organisation', () => {
	it('loads Exempelkommun once, with a plan in every preset shape', async () => {
		const db = await testDb();
		const first = await loadDemo(db);
		const second = await loadDemo(db);
		expect(first.created).toBe(true);
		expect(second).toMatchObject({ created: false, tenant: { id: first.tenant.id } });

		const plans = await listPlans(db, first.tenant.id);
		expect(plans).toHaveLength(9);
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

	const [SAFE, RESULTS, LABOUR] = ['Trygga barn och elever med lust att lära', 'Höga kunskapsresultat', 'Möt arbetsmarknadens behov'];

	it('has the steering chain: school units from the register, the organiser\'s goals in their own plans, and their reports rolled up', async () => {
		const db = await testDb();
		const { tenant } = await loadDemo(db);
		const units = await listUnits(db, tenant.id);
		const named = (name: string) => units.find((unit) => unit.name === name)!;

		// The codes, names and school forms are the stub register's, so the demo matches what an import finds.
		const register = readRegisterFile(fs.readFileSync('tests/peers/fixtures/school-units-1280.json'));
		const coded = units.filter((unit) => unit.schoolUnitCode).sort((a, b) => a.schoolUnitCode!.localeCompare(b.schoolUnitCode!));
		expect(coded.map((unit) => [unit.schoolUnitCode, unit.name, unit.kind])).toEqual([
			['12801001', 'Ekbackens förskola', 'preschool_unit'],
			['12801002', 'Lindskolan F–6', 'school_unit'],
			['12801003', 'Lindskolan 7–9', 'school_unit'],
			['12801004', 'Tallgymnasiet', 'school_unit']
		]);
		for (const unit of coded) {
			expect(register.find((entry) => entry.code === unit.schoolUnitCode)).toMatchObject({ name: unit.name, schoolForms: unit.schoolForms, municipalityCode: unit.municipalityCode });
		}
		expect(named('Lindskolan F–6').parentId).toBe(named('Skolområde Norr').id);
		expect(named('Tallgymnasiet').parentId).toBe(named('Skolområde Söder').id);
		expect(named('Norrskolan').schoolUnitCode).toBeNull();

		const plans = await listPlans(db, tenant.id);
		const organiser = plans.find((plan) => plan.title === 'Verksamhetsplan 2025')!;
		const chain = plans.filter((plan) => plan.parentPlanId === organiser.id);
		expect(chain.map((plan) => plan.title).sort()).toEqual(
			['Ekbackens förskola', 'Lindskolan 7–9', 'Lindskolan F–6', 'Tallgymnasiet'].map((name) => `Verksamhetsplan 2025 – ${name}`).sort()
		);
		// Norrskolan is not in the chain (the browser test sends it a goal itself).
		expect(chain.some((plan) => plan.ownerUnitId === named('Norrskolan').id)).toBe(false);

		// Each unit plan: the goals as anchors, the unit's own activities under them with responsible people.
		const lindskolan = (await loadPlanData(db, tenant.id, chain.find((plan) => plan.ownerUnitId === named('Lindskolan 7–9').id)!.id))!;
		const anchors = lindskolan.nodes.filter((node) => node.parentId === null);
		expect(anchors.map((node) => node.title)).toEqual(['Trygga barn och elever med lust att lära', 'Höga kunskapsresultat', 'Möt arbetsmarknadens behov']);
		const own = lindskolan.nodes.filter((node) => node.parentId !== null);
		expect(own).toHaveLength(4);
		expect(own.every((node) => anchors.some((anchor) => anchor.id === node.parentId) && node.responsibles.length > 0)).toBe(true);

		// The organiser's closed period, opened for the units: everyone assessed every goal, and the period is closed for them too.
		const [closed, open] = await listPeriods(db, tenant.id, organiser.id);
		expect([closed.name, closed.closedAt !== null, open.name, open.closedAt]).toEqual(['Delår 1 per 30 april', true, 'Delår 2 per 31 augusti', null]);
		for (const plan of chain) {
			expect((await listPeriods(db, tenant.id, plan.id)).map((period) => [period.parentPeriodId, period.closedAt !== null])).toEqual([
				[closed.id, true],
				[open.id, false]
			]);
		}
		const data = (await loadPlanData(db, tenant.id, organiser.id))!;
		const scale = await listScale(db, tenant.id);
		const first = presentChainRollUp(data, await loadChainRollUp(db, tenant.id, organiser.id, closed.id), scale);
		const goal = (goals: typeof first, title: string) => goals.find((candidate) => candidate.label.includes(title))!;
		expect(first).toHaveLength(3);
		expect([SAFE, RESULTS, LABOUR].map((title) => [goal(first, title).assessed, goal(first, title).units.length])).toEqual([
			[4, 4],
			[4, 4],
			[2, 2]
		]);
		const units7to9 = goal(first, RESULTS).units.find((unit) => unit.unitName === 'Lindskolan 7–9')!;
		expect(units7to9).toMatchObject({ assessment: { labelSv: 'Ej uppfyllt' }, activities: 2, reported: 2 });
		expect(units7to9.analysis).toContain('matematiken i åk 8');
		expect(first.flatMap((goal) => goal.units).every((unit) => unit.reported === unit.activities && unit.activities > 0)).toBe(true);

		// The open period: some units have reported, others not yet.
		const now = presentChainRollUp(data, await loadChainRollUp(db, tenant.id, organiser.id, open.id), scale);
		const safe = goal(now, SAFE).units;
		expect(safe.map((unit) => [unit.unitName, unit.assessment?.labelSv ?? null])).toEqual([
			['Ekbackens förskola', null],
			['Lindskolan 7–9', null],
			['Lindskolan F–6', 'Delvis uppfyllt'],
			['Tallgymnasiet', null]
		]);
	});

	it('carries Kolada offline: its place, its school units matched, indicators linked to real key figures and filled from the recorded answers', async () => {
		const db = await testDb();
		const { tenant } = await loadDemo(db);
		expect(await findTenant(db, tenant.id)).toMatchObject({ municipalityCode: '1280', comparisonGroupId: 'G124001' });
		const units = await listUnits(db, tenant.id);
		const matched = units.filter((unit) => unit.koladaOuId).map((unit) => [unit.name, unit.koladaOuId, unit.koladaOuConfirmed]);
		expect(matched.sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'sv'))).toEqual([
			['Ekbackens förskola', 'V11E128000101', true],
			['Lindskolan 7–9', 'V15E128000301', true],
			['Lindskolan F–6', 'V15E128000201', true],
			['Norrskolan', 'V15E128000501', true],
			['Tallgymnasiet', 'V17E128000401', true]
		]);

		// The recorded answers, as the stub gave them (the file is checked against the stub in recorded-source.test.ts).
		const recorded = JSON.parse(fs.readFileSync('src/lib/server/demo/kolada-recorded.json', 'utf8'));
		const figure = (key: 'data' | 'oudata', kpi: string, place: string, year: number) =>
			recorded[key].values.find((item: Record<string, unknown>) => item.kpi === kpi && (item.municipality ?? item.ou) === place && item.period === year).values.find((value: { gender: string }) => value.gender === 'T').value;

		const plans = await listPlans(db, tenant.id);
		const organiser = plans.find((plan) => plan.title === 'Verksamhetsplan 2025')!;
		const unitPlan = plans.find((plan) => plan.title === 'Verksamhetsplan 2025 – Lindskolan 7–9')!;
		const linked = async (planId: string) =>
			(await loadPlanData(db, tenant.id, planId))!.nodes.flatMap((node) => node.indicators).filter((indicator) => indicator.koladaKpi) as { id: string; name: string; koladaKpi: string }[];
		const own = await linked(organiser.id);
		expect(own.map((indicator) => indicator.koladaKpi).sort()).toEqual(['N15419', 'N15428', 'N15505', 'N15613']);
		const [unitIndicator] = await linked(unitPlan.id);
		expect(unitIndicator.koladaKpi).toBe('N15505');

		const value = async (indicatorId: string, periodId: string) =>
			(await db.select().from(measurements).where(and(eq(measurements.tenantId, tenant.id), eq(measurements.indicatorId, indicatorId), eq(measurements.periodId, periodId))))[0];
		const [closed, open] = await listPeriods(db, tenant.id, organiser.id);
		for (const indicator of own) {
			// The open period (as of 2025-08-31) has the municipality's figure for 2025; the closed one is left as it was reported.
			expect(await value(indicator.id, open.id)).toMatchObject({ source: 'kolada', value: String(figure('data', indicator.koladaKpi, '1280', 2025)) });
			expect(await value(indicator.id, closed.id)).toBeUndefined();
		}
		// The school unit's plan is measured at its school unit.
		const [, unitOpen] = await listPeriods(db, tenant.id, unitPlan.id);
		expect(await value(unitIndicator.id, unitOpen.id)).toMatchObject({ source: 'kolada', value: String(figure('oudata', 'N15505', 'V15E128000301', 2025)) });
		// The values typed by hand stay as typed.
		const safety = (await loadPlanData(db, tenant.id, organiser.id))!.nodes.flatMap((node) => node.indicators).find((indicator) => indicator.name === 'Andel elever i åk 8 som känner sig trygga i skolan')!;
		expect(await value(safety.id, open.id)).toMatchObject({ source: 'manual', value: '87.9' });

		// The comparison beside the figures: the country and the comparison group's members came along.
		const comparison = (await loadComparison(db, tenant.id, 'N15428', null))!;
		expect(comparison.series.map((series) => series.role)).toEqual(['own', 'country', 'group']);
		expect(comparison.series[1].values.get(2025)).toBe(figure('data', 'N15428', '0000', 2025));
		expect((await listSyncs(db, tenant.id)).find((sync) => sync.trigger === 'manual')).toMatchObject({ failed: 0 });
	});

	it('is left out of the nightly sync in demo mode: its recorded figures are not replaced by live ones', async () => {
		const db = await testDb();
		const { tenant } = await loadDemo(db);
		const stub = await startKolada();
		process.env.KOLADA_URL = stub.url;
		try {
			const night = new Date('2031-03-04T03:00:00Z');
			const scheduled = async () => (await listSyncs(db, tenant.id, 100)).filter((sync) => sync.scheduledFor === '2031-03-04');
			await runNightlySync(db, night, { demoMode: true });
			expect(await scheduled()).toEqual([]);
			await runNightlySync(db, night, { demoMode: false });
			expect(await scheduled()).toHaveLength(1);
		} finally {
			delete process.env.KOLADA_URL;
			await stub.close();
		}
	});
});
