import { describe, expect, it } from 'vitest';
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
});
