import { describe, expect, it } from 'vitest';
import { presentStatusTrend } from './status-trend';
import type { ScaleValue } from '../follow-up/scales';

const value = (id: string, kind: 'status' | 'assessment', labelSv: string, labelEn: string, colour: string) => ({ id, kind, labelSv, labelEn, colour }) as ScaleValue;
const scale = [
	value('s1', 'status', 'Ej påbörjad', 'Not started', '#6b7280'),
	value('s2', 'status', 'Pågående', 'In progress', '#1d5fa8'),
	value('s3', 'status', 'Genomförd', 'Done', '#1e6b35'),
	value('s4', 'status', 'Kvarstår', 'Remains', '#b45309'),
	value('a1', 'assessment', 'Uppfyllt', 'Met', '#1e6b35')
];
const periods = [
	{ id: 'p1', name: 'Delår 1 per 30 april' },
	{ id: 'p2', name: 'Delår 2 per 31 augusti' },
	{ id: 'p3', name: 'Helår' }
];
/** The texts drawn in the SVG. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);

describe('the status trend over periods', () => {
	it('gives one row per period in their order, with the statuses used in some period as columns and the rest not reported', () => {
		const trend = presentStatusTrend(
			periods,
			[
				// Counts come in any order; a period without a row has no items reported or counted.
				{ periodId: 'p2', statusId: 's3', count: 2 },
				{ periodId: 'p1', statusId: 's2', count: 2 },
				{ periodId: 'p1', statusId: null, count: 1 },
				{ periodId: 'p2', statusId: 's2', count: 1 },
				// A value that is not a status of the organisation is not shown as one.
				{ periodId: 'p3', statusId: 'gone', count: 3 }
			],
			scale,
			'sv'
		)!;
		expect(trend.columns.map((column) => column.labelSv)).toEqual(['Pågående', 'Genomförd', 'Ej rapporterad']);
		expect(trend.rows).toEqual([
			{ id: 'p1', name: 'Delår 1 per 30 april', cells: [2, 0, 1] },
			{ id: 'p2', name: 'Delår 2 per 31 augusti', cells: [1, 2, 0] },
			{ id: 'p3', name: 'Helår', cells: [0, 0, 3] }
		]);
		const drawn = texts(trend.chart);
		expect(drawn).toEqual(expect.arrayContaining(['Pågående', 'Genomförd', 'Ej rapporterad', 'Helår']));
		// Drawn to scale with its container, legible: no text under 12 px.
		expect(trend.chart).toMatch(/^<svg[^>]* viewBox="0 0 760 \d+"/);
		const sizes = [...trend.chart.matchAll(/font-size[:=]"?\s*(\d+(?:\.\d+)?)px/g)].map((match) => Number(match[1]));
		expect(sizes.length).toBeGreaterThan(0);
		expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
		// And drawn for a phone: the same statuses and periods at 300 px, where 13 px text stays 13 px.
		expect(trend.narrowChart).toMatch(/^<svg[^>]* viewBox="0 0 300 \d+"/);
		expect(texts(trend.narrowChart)).toEqual(expect.arrayContaining(['Pågående', 'Genomförd', 'Ej rapporterad', 'Helår']));
	});

	it('draws many periods as bars top to bottom, their names beside them, where columns would crowd their names', () => {
		const many = Array.from({ length: 8 }, (_, index) => ({ id: `p${index}`, name: `Delår ${index + 1} per 31 augusti` }));
		const trend = presentStatusTrend(many, many.map((period) => ({ periodId: period.id, statusId: 's2', count: 3 })), scale, 'sv')!;
		for (const chart of [trend.chart, trend.narrowChart]) {
			const drawn = texts(chart).join('\n');
			// Every name whole (wrapped at most), none cut short.
			for (const period of many) expect(drawn.replace(/\s+/g, ' ')).toContain(period.name);
			expect(drawn).not.toContain('…');
			// Named on the bar's left (set flush right against the axis), not centred under a column.
			expect(chart).toMatch(/<text[^>]*text-anchor="end"[^>]*>Delår 1 per/);
		}
		// Two periods stand as columns, each name centred under its own.
		const two = presentStatusTrend(many.slice(0, 2), [{ periodId: 'p0', statusId: 's2', count: 3 }], scale, 'sv')!;
		expect(two.chart).toMatch(/<text[^>]*text-anchor="middle"[^>]*>Delår 1 per/);
	});

	it('reads with a single period, in English for an English reader', () => {
		const trend = presentStatusTrend(periods.slice(0, 1), [{ periodId: 'p1', statusId: 's1', count: 4 }], scale, 'en')!;
		expect(trend.rows).toEqual([{ id: 'p1', name: 'Delår 1 per 30 april', cells: [4] }]);
		expect(texts(trend.chart)).toEqual(expect.arrayContaining(['Not started', 'Delår 1 per 30 april']));
	});

	it('is left out when the plan has no items followed up by status', () => {
		expect(presentStatusTrend(periods, [], scale, 'sv')).toBeNull();
	});
});
