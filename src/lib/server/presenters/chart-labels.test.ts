import { describe, expect, it } from 'vitest';
import { chartLabels, legendHeight } from './chart-labels';
import { renderChart } from './charts';

const goal = (ref: string, rest: string) => ({ ref, name: `I kommunens förskolor, skolor och fritidshem ska alla barn och elever få en likvärdig utbildning där de ${rest}` });

describe('chart labels', () => {
	it('wraps a long name over lines at word boundaries, never cutting a word, and keeps short names whole', () => {
		expect(chartLabels([{ ref: '1.', name: 'Trygghet och studiero' }])).toEqual(['1. Trygghet och studiero']);
		const [label] = chartLabels([{ ref: '', name: 'Alla elever ska ges förutsättningar att nå kunskapskraven i samtliga ämnen' }]);
		expect(label.split('\n')).toEqual(['Alla elever ska ges', 'förutsättningar att nå', 'kunskapskraven i samtliga…']);
		for (const line of label.split('\n')) expect(line.length).toBeLessThanOrEqual(30);
	});

	it('labels items by their number when their names read alike over three lines, not three identical cut names', () => {
		const rows = [goal('1.', 'känna sig trygga'), goal('2.', 'nå målen'), goal('3.', 'utvecklas')];
		expect(chartLabels(rows)).toEqual(['1.', '2.', '3.']);
		// Names that differ within three lines are shown, wrapped.
		expect(chartLabels([{ ref: 'A', name: 'Trygghet' }, { ref: '', name: 'Lärande' }])).toEqual(['A Trygghet', 'Lärande']);
	});

	it('draws each line of a wrapped label in the SVG', () => {
		const labels = chartLabels([{ ref: '', name: 'Alla elever ska ges förutsättningar att nå kunskapskraven' }]);
		const svg = renderChart({ yAxis: { type: 'category', data: labels, axisLabel: { width: 200, overflow: 'truncate', lineHeight: 14 } }, xAxis: { type: 'value' }, series: [{ type: 'bar', data: [2] }] }, 760, 124);
		for (const line of ['Alla elever ska ges', 'förutsättningar att nå', 'kunskapskraven']) expect(svg).toContain(line);
	});
});

describe("a chart's legend", () => {
	it('grows by a row when the statuses\' names no longer fit on one line of the chart', () => {
		const one = legendHeight(['Pågående', 'Genomförd'], 760);
		const nine = legendHeight(
			['Ej påbörjad', 'Påbörjas under hösten', 'Pågående', 'Kvarstår', 'Genomförd', 'Avslutad', 'Avslutad – ej aktuell', 'Ingår i andra projekt', 'Ej rapporterad'],
			760
		);
		expect(one).toBe(24);
		expect(nine).toBe(one + 24);
	});
});
