import { createHash } from 'node:crypto';
import * as echarts from 'echarts';

/**
 * An ECharts chart drawn on the server as SVG, so it shows without JavaScript. The aria option is
 * on; the page puts every chart in a figure with a text description and beside a table of the
 * same figures, which is what assistive technology reads.
 */
export function renderChart(option: echarts.EChartsCoreOption, width: number, height: number): string {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption({ animation: false, aria: { enabled: true, decal: { show: true } }, ...option });
		// zrender numbers its ids per chart ever drawn ("zr17-…"); naming them after the chart's content
		// instead makes the same chart the same SVG (a stored PDF of an unchanged report is found again)
		// while different charts on one page keep apart.
		const name = `c${createHash('sha256').update(JSON.stringify([option, width, height])).digest('hex').slice(0, 10)}`;
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
