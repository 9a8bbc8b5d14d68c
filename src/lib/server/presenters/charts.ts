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
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}
