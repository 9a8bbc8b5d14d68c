import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKolada, type KoladaStub } from '../../../../tests/peers/kolada';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from '../plans/add-node';
import { addIndicator } from '../indicators/add-indicator';
import { addPeriod } from '../follow-up/manage-periods';
import { koladaSource } from '../kolada/kolada-http';
import { syncCatalogue } from '../kolada/sync-catalogue';
import { syncValues } from '../kolada/sync-values';
import { setKoladaSettings } from '../kolada/set-kolada-settings';
import { loadComparison } from '../kolada/kolada-comparison';
import { exportPlan } from './export-plan';
import { documentText, hasPdfText, skeleton } from '../testing/document-fidelity';

/**
 * A follow-up report whose indicator is linked to a Kolada key figure carries Kolada's comparison
 * (chart and table, named by the key figure, citing Kolada) from the cache, in HTML, Word and PDF;
 * the outcome the sync filled says it came from Kolada; a report without Kolada has none of it.
 */
let stub: KoladaStub;
beforeAll(async () => {
	stub = await startKolada();
});
afterAll(async () => {
	await stub?.close();
});

async function organisation() {
	const db = await testDb();
	const org = await createTestOrganisation(db);
	const source = koladaSource({ baseUrl: stub.url, retryDelayMs: 0 });
	await syncCatalogue(db, source, '1280');
	await setKoladaSettings(db, org.ctx, { municipalityCode: '1280', comparisonGroupId: 'G124001' });
	const { plan, level } = await createTestPlan(db, org.ctx, org.top.id, 'enkel');
	const goal = await addNode(db, org.ctx, plan.id, { levelId: level('mal').id, title: 'Alla elever når målen' });
	await addIndicator(db, org.ctx, plan.id, goal.id, { name: 'Behöriga till yrkesprogram', kind: 'percent', koladaKpi: 'N15428' });
	await addIndicator(db, org.ctx, plan.id, goal.id, { name: 'Egen enkät om studiero', kind: 'number' });
	const period = await addPeriod(db, org.ctx, plan.id, { name: 'Helår 2025', asOf: '2025-12-31', dueOn: '2026-01-31' });
	const other = await createTestPlan(db, org.ctx, org.top.id, 'enkel');
	const otherGoal = await addNode(db, org.ctx, other.plan.id, { levelId: other.level('mal').id, title: 'Trygg skola' });
	await addIndicator(db, org.ctx, other.plan.id, otherGoal.id, { name: 'Egen enkät om trygghet', kind: 'percent' });
	const otherPeriod = await addPeriod(db, org.ctx, other.plan.id, { name: 'Helår 2025', asOf: '2025-12-31', dueOn: '2026-01-31' });
	await syncValues(db, org.ctx, source, 'manual', { thisYear: 2025 });
	return { db, ...org, plan, period, other: { plan: other.plan, period: otherPeriod } };
}

/** "72,3 %" as the report writes a percentage in Swedish. */
const percent = (value: number | null | undefined, locale: 'sv' | 'en' = 'sv') => `${value!.toLocaleString(locale === 'en' ? 'en-GB' : 'sv-SE')} %`;

describe('Kolada in the follow-up report', () => {
	it('carries the comparison (chart, table of the years, key figure and source) in HTML, Word and PDF, and marks the fetched outcome', { timeout: 60_000 }, async () => {
		const { db, ctx, plan, period } = await organisation();
		const comparison = (await loadComparison(db, ctx.tenantId, 'N15428', null))!;
		expect(comparison.series.map((series) => series.role)).toEqual(['own', 'country', 'group']);
		const row = (year: number) => [String(year), ...comparison.series.map((series) => percent(series.values.get(year)))];
		const latest = comparison.years.at(-1)!;
		const first = comparison.years[0];
		const caption = `N15428 ${comparison.kpi.title}. Källa: Kolada`;

		for (const format of ['html', 'docx', 'pdf'] as const) {
			if (format === 'pdf' && !hasPdfText) continue;
			const file = await exportPlan(db, ctx.tenantId, plan.id, { format, periodId: period, locale: 'sv' });
			const text = skeleton(await documentText(format, file.body));
			// The table's rows, cell after cell: the year, the organisation, the country, the group's mean.
			for (const year of [latest, first]) expect(text, `${format} ${year}`).toContain(skeleton(row(year).join(' ')));
			expect(text, format).toContain(skeleton(`Behöriga till yrkesprogram: jämförelse i Kolada, ${caption}`));
			expect(text, format).toContain(skeleton(`Behöriga till yrkesprogram år för år, ${caption}`));
			expect(text, format).toContain(skeleton(comparison.series.find((series) => series.role === 'group')!.name));
			// The outcome the sync filled for the period's year says where it came from.
			expect(text, format).toContain(skeleton(`${percent(comparison.series[0].values.get(2025))} (Kolada)`));
			// Only the linked indicator has a comparison.
			expect(text, format).not.toContain(skeleton('Egen enkät om studiero: jämförelse'));
			if (format === 'html') {
				const html = file.body.toString('utf8');
				// The chart as an image with a text alternative, captioned with the key figure and the source.
				const figures = html.match(/<figure class="chart">[\s\S]*?<\/figure>/g) ?? [];
				expect(figures).toHaveLength(1);
				expect(figures[0]).toContain('<svg aria-hidden="true"');
				expect(figures[0]).toContain('aria-label="Linjediagram: Behöriga till yrkesprogram år för år');
				expect(figures[0]).toContain(`<figcaption>Behöriga till yrkesprogram: jämförelse i Kolada, ${caption}</figcaption>`);
			}
			if (format === 'docx') {
				const JSZip = (await import('jszip')).default;
				const zip = await JSZip.loadAsync(file.body);
				const document = await zip.file('word/document.xml')!.async('string');
				expect(Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))).toHaveLength(1); // the chart, as a picture
				expect(document).toContain('descr="Linjediagram: Behöriga till yrkesprogram år för år');
			}
		}

		const english = await exportPlan(db, ctx.tenantId, plan.id, { format: 'html', periodId: period, locale: 'en' });
		const text = skeleton(await documentText('html', english.body));
		expect(text).toContain(skeleton(`Behöriga till yrkesprogram year by year, N15428 ${comparison.kpi.title}. Source: Kolada`));
		expect(text).toContain(skeleton([String(latest), ...comparison.series.map((series) => percent(series.values.get(latest), 'en'))].join(' ')));
	});

	it('leaves a report without indicators linked to Kolada as it was, and a plan (no period) without the comparison', async () => {
		const { db, ctx, plan, other } = await organisation();
		const report = await documentText('html', (await exportPlan(db, ctx.tenantId, other.plan.id, { format: 'html', periodId: other.period, locale: 'sv' })).body);
		expect(report).not.toMatch(/Kolada/);
		expect(report).toContain('Egen enkät om trygghet');
		const planOnly = await documentText('html', (await exportPlan(db, ctx.tenantId, plan.id, { format: 'html', locale: 'sv' })).body);
		expect(planOnly).not.toMatch(/Kolada/);
		expect(planOnly).toContain('Behöriga till yrkesprogram');
	});
});
