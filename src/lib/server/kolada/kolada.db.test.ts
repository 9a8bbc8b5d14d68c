import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKolada, type KoladaStub } from '../../../../tests/peers/kolada';
import { measurements } from '../db/schema';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addUnit } from '../organisation/add-unit';
import { addNode } from '../plans/add-node';
import { addIndicator } from '../indicators/add-indicator';
import { addPeriod, setPeriodClosed } from '../follow-up/manage-periods';
import { recordMeasurement } from '../follow-up/record-measurement';
import { listAuditEvents } from '../audit/audit-repository';
import { koladaSource } from './kolada-http';
import { syncCatalogue } from './sync-catalogue';
import { syncValues } from './sync-values';
import { setKoladaSettings } from './set-kolada-settings';
import { listSyncs, searchKpis } from './kolada-repository';
import { confirmUnitMatches, listUnitMatches } from './match-units';
import { listPlaces } from './kolada-repository';
import { loadComparison } from './kolada-comparison';
import { runNightlySync } from './kolada-schedule';
import { jobDefinition } from '../jobs/jobs';

/**
 * Kolada against its local stand-in (recorded answers in the v3 shape): the catalogue searched
 * locally, an organisation's indicators filled for their periods' years without overwriting what a
 * person typed, a failure recorded per indicator with what was there kept, and the comparison.
 */
let stub: KoladaStub;
beforeAll(async () => {
	stub = await startKolada();
});
afterAll(async () => {
	await stub?.close();
});

const source = () => koladaSource({ baseUrl: stub.url, retryDelayMs: 0 });

async function organisation() {
	const db = await testDb();
	const org = await createTestOrganisation(db);
	await syncCatalogue(db, source(), '1280');
	await setKoladaSettings(db, org.ctx, { municipalityCode: '1280', comparisonGroupId: 'G124001' });
	const { plan, level } = await createTestPlan(db, org.ctx, org.top.id, 'enkel');
	const goal = await addNode(db, org.ctx, plan.id, { levelId: level('mal').id, title: 'Alla elever når målen' });
	const indicatorId = await addIndicator(db, org.ctx, plan.id, goal.id, { name: 'Behöriga till yrkesprogram', kind: 'percent', koladaKpi: 'N15428' });
	const periods = {
		y2023: await addPeriod(db, org.ctx, plan.id, { name: 'Helår 2023', asOf: '2023-12-31', dueOn: '2024-01-31' }),
		y2024: await addPeriod(db, org.ctx, plan.id, { name: 'Helår 2024', asOf: '2024-12-31', dueOn: '2025-01-31' }),
		y2025: await addPeriod(db, org.ctx, plan.id, { name: 'Helår 2025', asOf: '2025-12-31', dueOn: '2026-01-31' })
	};
	const value = async (periodId: string) => {
		const [row] = await db.select().from(measurements).where(and(eq(measurements.tenantId, org.ctx.tenantId), eq(measurements.indicatorId, indicatorId), eq(measurements.periodId, periodId)));
		return row;
	};
	return { db, ...org, plan, goal, indicatorId, periods, value };
}

describe('Kolada', () => {
	it('searches the synced catalogue by Swedish words and by id', async () => {
		const db = await testDb();
		await syncCatalogue(db, source());
		expect((await searchKpis(db, 'behöriga yrkesprogram')).map((kpi) => kpi.id)).toContain('N15428');
		expect((await searchKpis(db, 'meritvärde')).map((kpi) => kpi.id)).toContain('N15505');
		expect((await searchKpis(db, 'trygghet')).map((kpi) => kpi.id)).toContain('N15613');
		expect((await searchKpis(db, 'n15419')).map((kpi) => kpi.id)).toEqual(['N15419']);
		expect(await searchKpis(db, "'); drop table kolada_kpis; --")).toEqual([]);
		expect(await searchKpis(db, 'ingetsådantnyckeltal')).toEqual([]);
	});

	it("fills the open periods from the municipality's figures, keeps a person's value, and is idempotent", async () => {
		const { db, ctx, plan, goal, indicatorId, periods, value } = await organisation();
		await recordMeasurement(db, ctx, { planId: plan.id, nodeId: goal.id, indicatorId, periodId: periods.y2024 }, { value: '12,5' });
		await setPeriodClosed(db, ctx, plan.id, periods.y2023, true);

		const first = (await syncValues(db, ctx, source(), 'manual', { thisYear: 2025 }))!;
		expect(first.failed).toBe(0);
		const filled = await value(periods.y2025);
		expect(filled).toMatchObject({ source: 'kolada' });
		expect(Number(filled.value)).toBeGreaterThan(50);
		expect(await value(periods.y2024)).toMatchObject({ source: 'manual', value: '12.5' });
		expect(await value(periods.y2023)).toBeUndefined();
		expect(first.indicators[0]).toMatchObject({ kpi: 'N15428', place: '1280', filled: 1, kept: 1, error: null });
		expect((await listAuditEvents(db, ctx.tenantId, { entityId: indicatorId, limit: 10 })).map((event) => event.action)).toContain('measurement.kolada');

		const again = await syncValues(db, ctx, source(), 'manual', { thisYear: 2025 });
		expect(again).toMatchObject({ filled: 0, updated: 0, kept: 1, failed: 0 });
		expect((await listSyncs(db, ctx.tenantId)).map((sync) => sync.trigger)).toEqual(['manual', 'manual']);

		// A person's edit of a fetched value makes it theirs: later syncs keep it.
		await recordMeasurement(db, ctx, { planId: plan.id, nodeId: goal.id, indicatorId, periodId: periods.y2025 }, { value: '50' });
		expect(await value(periods.y2025)).toMatchObject({ source: 'manual', sourceStatus: null });
		expect((await syncValues(db, ctx, source(), 'manual', { thisYear: 2025 }))!.kept).toBe(2);
	});

	it('runs a day\'s scheduled sync once, however many servers start it', async () => {
		const { db, ctx } = await organisation();
		const runs = await Promise.all([1, 2, 3].map(() => syncValues(db, ctx, source(), 'scheduled', { thisYear: 2025, scheduledFor: '2025-06-02' })));
		expect(runs.filter((run) => run !== null)).toHaveLength(1);
		expect(await syncValues(db, ctx, source(), 'scheduled', { thisYear: 2025, scheduledFor: '2025-06-03' })).not.toBeNull();
	});

	it('syncs at night, once a day, the organisations that have a municipality', async () => {
		const { db, ctx } = await organisation();
		process.env.KOLADA_URL = stub.url;
		try {
			expect(await runNightlySync(db, new Date('2025-06-10T00:30:00Z'))).toBe(0); // 02:30 in Stockholm: not yet
			const night = new Date('2025-06-10T02:00:00Z'); // 04:00
			expect(await runNightlySync(db, night)).toBeGreaterThanOrEqual(1);
			const [run] = await listSyncs(db, ctx.tenantId);
			expect(run).toMatchObject({ trigger: 'scheduled', scheduledFor: '2025-06-10', failed: 0 });
			const again = await runNightlySync(db, new Date('2025-06-10T10:00:00Z'));
			expect((await listSyncs(db, ctx.tenantId)).filter((sync) => sync.trigger === 'scheduled')).toHaveLength(1);
			expect(again).toBeGreaterThanOrEqual(0);
		} finally {
			delete process.env.KOLADA_URL;
		}
	});

	it('syncs at once when an admin runs the job by hand, before 03:00 and after the night\'s sync alike', async () => {
		const { db, ctx } = await organisation();
		const job = jobDefinition('kolada-sync')!;
		process.env.KOLADA_URL = stub.url;
		try {
			const early = new Date('2025-06-11T00:30:00Z'); // 02:30 in Stockholm
			expect(await job.run(db, ctx.tenantId, early, { byHand: false })).toEqual({ skipped: 1 });
			expect(await job.run(db, ctx.tenantId, early, { byHand: true })).toMatchObject({ failed: 0 });
			await job.run(db, ctx.tenantId, new Date('2025-06-11T02:00:00Z'), { byHand: false }); // the night's run
			expect(await job.run(db, ctx.tenantId, new Date('2025-06-11T10:00:00Z'), { byHand: false })).toEqual({ alreadyRun: 1 });
			expect(await job.run(db, ctx.tenantId, new Date('2025-06-11T10:00:00Z'), { byHand: true })).toMatchObject({ failed: 0 });
			expect((await listSyncs(db, ctx.tenantId)).map((sync) => sync.trigger).sort()).toEqual(['manual', 'manual', 'scheduled']);
		} finally {
			delete process.env.KOLADA_URL;
		}
	});

	it('records a failing Kolada per indicator and keeps what was there', async () => {
		const { db, ctx, periods, value } = await organisation();
		await syncValues(db, ctx, source(), 'manual', { thisYear: 2025 });
		const before = await value(periods.y2025);
		stub.fail('/data', '500');
		try {
			const failed = (await syncValues(db, ctx, source(), 'scheduled', { thisYear: 2025, scheduledFor: '2025-06-01' }))!;
			expect(failed.failed).toBe(1);
			expect(failed.indicators[0].error?.code).toMatch(/^error_kolada/);
			expect(await value(periods.y2025)).toEqual(before);
			const [logged] = await listSyncs(db, ctx.tenantId);
			expect(logged).toMatchObject({ trigger: 'scheduled', failed: 1 });
		} finally {
			stub.heal();
		}
	});

	it('compares the organisation with the country and its comparison group over the years', async () => {
		const { db, ctx } = await organisation();
		await syncValues(db, ctx, source(), 'manual', { thisYear: 2025 });
		const comparison = (await loadComparison(db, ctx.tenantId, 'N15428', null))!;
		expect(comparison.series.map((series) => series.role)).toEqual(['own', 'country', 'group']);
		expect(comparison.years.length).toBeGreaterThanOrEqual(5);
		const latest = comparison.years.at(-1)!;
		for (const series of comparison.series) expect(series.values.get(latest)).toEqual(expect.any(Number));
		expect(comparison.byGender.map((row) => row.gender)).toEqual(['K', 'M']);
	});

	it("matches the organisation's school units by name, for a person to confirm, and refuses an unknown unit", async () => {
		const { db, ctx, top } = await organisation();
		const school = await addUnit(db, ctx, { parentId: top.id, kind: 'school_unit', name: 'Lindskolan F-6' });
		const candidates = await listPlaces(db, 'unit', '1280');
		const [match] = (await listUnitMatches(db, ctx.tenantId, candidates)).filter((row) => row.id === school.id);
		expect(match.suggestion?.id).toBe('V15E128000201');
		expect(await confirmUnitMatches(db, ctx, [{ unitId: school.id, koladaOuId: 'V15E128000201' }], candidates)).toBe(1);
		await expect(confirmUnitMatches(db, ctx, [{ unitId: school.id, koladaOuId: 'V99E000000000' }], candidates)).rejects.toMatchObject({ code: 'error_kolada_unknown_place' });
	});

	it('refuses a municipality or group Kolada does not have', async () => {
		const { db, ctx } = await organisation();
		await expect(setKoladaSettings(db, ctx, { municipalityCode: '9999' })).rejects.toMatchObject({ code: 'error_kolada_unknown_place', field: 'municipalityCode' });
		await expect(setKoladaSettings(db, ctx, { municipalityCode: '12a0' })).rejects.toMatchObject({ code: 'error_field_invalid' });
	});
});
