import { createHash } from 'node:crypto';
import * as echarts from 'echarts';

/**
 * An ECharts chart drawn on the server as SVG, so it shows without JavaScript. The aria option is
 * on; the page puts every chart in a figure with a text description and beside a table of the
 * same figures, which is what assistive technology reads.
 */
export function renderChart(option: echarts.EChartsCoreOption, width: number, height: number): string {
	const name = `c${createHash('sha256').update(JSON.stringify([option, width, height])).digest('hex').slice(0, 10)}`;
	const drawn = drawnCharts.get(name);
	if (drawn !== undefined) {
		// Most recently used last: a Map keeps insertion order.
		drawnCharts.delete(name);
		drawnCharts.set(name, drawn);
		return drawn;
	}
	const svg = draw(option, width, height, name);
	remember(name, svg);
	return svg;
}

/**
 * Charts already drawn, by their content (option, width and height): the same content always draws
 * the same SVG, so a kept drawing can never be stale, and a page viewed again between changes skips
 * ECharts (about 10 ms a chart; the overview draws four). Bounded by count and by characters, the
 * least recently used dropped first.
 */
const drawnCharts = new Map<string, string>();
const MAX_CHARTS = 256;
const MAX_CHARACTERS = 16_000_000;
let characters = 0;

function remember(name: string, svg: string): void {
	if (svg.length > MAX_CHARACTERS / 4) return;
	drawnCharts.set(name, svg);
	characters += svg.length;
	for (const [oldest, kept] of drawnCharts) {
		if (drawnCharts.size <= MAX_CHARTS && characters <= MAX_CHARACTERS) break;
		drawnCharts.delete(oldest);
		characters -= kept.length;
	}
}

/** How many drawings are kept (for the test of the bound). */
export function keptChartCount(): number {
	return drawnCharts.size;
}

function draw(option: echarts.EChartsCoreOption, width: number, height: number, name: string): string {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption({ animation: false, aria: { enabled: true, decal: { show: true } }, ...option });
		// zrender numbers its ids per chart ever drawn ("zr17-…"); naming them after the chart's content
		// instead makes the same chart the same SVG (a stored PDF of an unchanged report is found again)
		// while different charts on one page keep apart.
		const numbers = new Map<string, string>();
		return chart
			.renderToSVGString()
			.replace(/\bzr\d+-/g, `${name}-`)
			.replace(new RegExp(`${name}-([a-z]+)-(\\d+)`, 'g'), (token: string, kind: string) => {
				if (!numbers.has(token)) numbers.set(token, `${name}-${kind}-${[...numbers.keys()].filter((key) => key.startsWith(`${name}-${kind}-`)).length}`);
				return numbers.get(token)!;
			});
	} finally {
		chart.dispose();
	}
}
