import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { annualWheel, kindSymbol, numbered, WHEEL_KINDS, type WheelEvent, type WheelInput } from './annual-wheel';

const event = (id: string, startsOn: string, endsOn: string | null = null, kind: WheelEvent['kind'] = 'deadline', name = `Händelse ${id}`): WheelEvent => ({ id, name, kind, startsOn, endsOn });
const wheel = (events: WheelEvent[], rest: Partial<WheelInput> = {}) => annualWheel({ periodKind: 'calendar_year', startYear: 2025, events, today: '2025-11-23', locale: 'sv', ...rest });
const angleOf = (result: ReturnType<typeof wheel>, id: string) => result.events.find((placed) => placed.id === id)?.angle;

/** Parses the SVG with resvg (a strict XML parser: an unescaped & or < fails) and renders it. */
function render(svg: string) {
	const png = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
	return { width: png.width, height: png.height };
}

/** The elements and attribute names the drawing uses (text content left out). */
function markup(svg: string) {
	const tags = [...svg.matchAll(/<\/?([a-zA-Z]+)((?:\s+[a-zA-Z:-]+="[^"]*")*)\s*\/?>/g)];
	return { elements: new Set(tags.map((tag) => tag[1])), attributes: new Set(tags.flatMap((tag) => [...tag[2].matchAll(/([a-zA-Z:-]+)=/g)].map((m) => m[1]))) };
}
const ELEMENTS = ['svg', 'title', 'g', 'path', 'circle', 'rect', 'polygon', 'polyline', 'line', 'text', 'tspan'];

/** Every element the drawing uses is opened and closed in order (a second, independent check). */
function balanced(svg: string): boolean {
	const stack: string[] = [];
	for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^<>]*?(\/?)>/g)) {
		if (selfClosing) continue;
		if (!closing) stack.push(name);
		else if (stack.pop() !== name) return false;
	}
	return stack.length === 0;
}

function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
	const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
	return (x + 0.05) / (y + 0.05);
};

describe('the annual wheel: where things are', () => {
	it('starts a calendar year at the top with 1 January and is halfway round at 1 July', () => {
		const result = wheel([event('jan', '2025-01-01'), event('jul', '2025-07-01'), event('dec', '2025-12-31')]);
		expect(angleOf(result, 'jan')).toBe(0);
		expect(angleOf(result, 'jul')).toBeCloseTo(180, -1);
		expect(Math.abs(angleOf(result, 'jul')! - 180)).toBeLessThan(2);
		expect(angleOf(result, 'dec')).toBeCloseTo((364 / 365) * 360, 5);
		expect(result.months.map((month) => month.name)).toEqual(['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec']);
		expect(result.months[1]).toEqual({ name: 'feb', fullName: 'februari', start: '2025-02-01', end: '2025-02-28' });
	});

	it('starts a school year at the top with 1 August and runs to July of the next year', () => {
		const result = wheel([event('aug', '2025-08-01'), event('feb', '2026-02-01'), event('jul', '2026-07-31')], { periodKind: 'school_year' });
		expect(angleOf(result, 'aug')).toBe(0);
		expect(angleOf(result, 'feb')).toBeCloseTo((184 / 365) * 360, 5);
		expect(angleOf(result, 'jul')).toBeCloseTo((364 / 365) * 360, 5);
		expect(result.months[0]).toEqual({ name: 'aug', fullName: 'augusti', start: '2025-08-01', end: '2025-08-31' });
		expect(result.months[11]).toEqual({ name: 'jul', fullName: 'juli', start: '2026-07-01', end: '2026-07-31' });
		expect(result.label).toBe('Årshjul 2025/26: 3 händelser, i dag 23 november');
		expect(result.svg).toContain('>2025/26<');
	});

	it('draws a date range as an arc in its kind\'s colour, from its first day to the end of its last, and a single day as a marker only', () => {
		const march = event('march', '2025-03-01', '2025-03-31', 'analysis');
		const day = event('day', '2025-06-10', null, 'board_meeting');
		const result = wheel([march, day]);
		const placed = result.events.find((placed) => placed.id === 'march')!;
		expect(placed.angle).toBeCloseTo((59 / 365) * 360, 5);
		expect(placed.endAngle).toBeCloseTo((90 / 365) * 360, 5);
		expect(result.events.find((placed) => placed.id === 'day')!.endAngle).toBeNull();
		for (const svg of [result.svg, result.svgNarrow]) {
			const arcs = [...svg.matchAll(/<path d="M [^"]+ A [^"]+" fill="none" stroke="(#[0-9a-f]{6})"/g)].map((match) => match[1]);
			expect(arcs).toEqual([WHEEL_KINDS.analysis.colour]);
			// The board meeting is its square; the analysis its diamond at the start of its arc.
			expect(svg).toMatch(new RegExp(`<rect [^>]*fill="${WHEEL_KINDS.board_meeting.colour}"`));
			expect(svg).toMatch(new RegExp(`<polygon [^>]*fill="${WHEEL_KINDS.analysis.colour}"`));
		}
		// An event that ends before it starts is a single day.
		expect(wheel([event('back', '2025-05-10', '2025-05-01')]).events[0].endAngle).toBeNull();
		// A range over the whole year is still drawn (as two halves of the circle).
		expect(wheel([event('all', '2025-01-01', '2025-12-31', 'follow_up')]).svg).toMatch(/<path d="M [^"]+ A [^"]+ A [^"]+" fill="none" stroke="#0b5cad"/);
	});

	it("marks today with a needle at today's angle, named in the centre and the label, only when today is in the year", () => {
		const result = wheel([event('a', '2025-03-01')], { today: '2025-07-01' });
		expect(result.label).toBe('Årshjul 2025: 1 händelse, i dag 1 juli');
		for (const svg of [result.svg, result.svgNarrow]) {
			const needle = /<g class="today"><line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"/.exec(svg);
			expect(needle).not.toBeNull();
			const [x1, y1, x2, y2] = needle!.slice(1).map(Number);
			const angle = (Math.atan2(x2 - x1, -(y2 - y1)) * 180) / Math.PI;
			expect(angle).toBeCloseTo((181 / 365) * 360, 0);
			expect(svg).toContain('>i dag 1 jul<');
		}
		const outside = wheel([event('a', '2025-03-01')], { today: '2026-01-02' });
		expect(outside.svg).not.toContain('class="today"');
		expect(outside.svg).not.toContain('i dag');
		expect(outside.svg).toContain('>kalenderår<');
		expect(outside.label).toBe('Årshjul 2025: 1 händelse');
	});
});

describe('the annual wheel: events', () => {
	it('numbers events in date order, ties by name in Swedish order, the same in both drawings and the list', () => {
		const events = [event('z', '2025-05-01', null, 'other', 'Öppet hus'), event('y', '2025-05-01', null, 'other', 'Zoom-möte'), event('x', '2025-05-01', null, 'other', 'Ängsdag'), event('first', '2025-02-01', null, 'other', 'Ärende')];
		expect(numbered(events).map((e) => [e.id, e.number])).toEqual([['first', 1], ['y', 2], ['x', 3], ['z', 4]]);
		const result = wheel(events);
		expect(result.events.map((e) => [e.id, e.number])).toEqual([['first', 1], ['y', 2], ['x', 3], ['z', 4]]);
		expect(result.labelled).toBe('names');
		expect(result.svg).toContain('<tspan font-weight="700">2</tspan> Zoom-möte');
		for (const n of [1, 2, 3, 4]) expect(result.svgNarrow).toContain(`font-weight="700" fill="#1b1f24">${n}</text>`);
		expect(result.svgNarrow).not.toContain('Zoom');
	});

	it('numbers crowded events instead of naming them, each number once, spread apart around the wheel', () => {
		const events = Array.from({ length: 16 }, (_, i) => event(`e${i}`, `2025-04-${String(i + 1).padStart(2, '0')}`, null, 'deadline', `Ett långt namn på händelse ${i}`));
		const result = wheel(events);
		expect(result.labelled).toBe('numbers');
		expect(result.svg).not.toContain('Ett långt namn');
		const positions = [...result.svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*font-weight="700" fill="#1b1f24">(\d+)<\/text>/g)].map((match) => ({ x: Number(match[1]), y: Number(match[2]), n: Number(match[3]) }));
		expect(positions.map((p) => p.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
		for (const a of positions) for (const b of positions) if (a !== b) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(20);
		// Events either side of the top are spread apart across it too.
		const top = wheel([event('a', '2025-12-31'), event('b', '2025-01-01'), event('c', '2025-12-30'), event('d', '2025-01-02')]);
		const around = [...top.svgNarrow.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*font-weight="700" fill="#1b1f24">\d+<\/text>/g)].map((m) => [Number(m[1]), Number(m[2])]);
		for (const a of around) for (const b of around) if (a !== b) expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeGreaterThanOrEqual(19.5);
	});

	it('leaves out events wholly outside the year (and invalid dates), naming them, and clips a range that crosses its edge', () => {
		const result = wheel([event('before', '2024-12-31'), event('after', '2026-01-01'), event('bad', '2025-02-30'), event('across', '2024-12-01', '2025-01-31', 'follow_up'), event('in', '2025-06-01')]);
		expect(result.outside.sort()).toEqual(['after', 'bad', 'before']);
		expect(result.events.filter((e) => e.angle === null).map((e) => e.id).sort()).toEqual(['after', 'bad', 'before']);
		expect(angleOf(result, 'across')).toBe(0);
		expect(result.events.find((e) => e.id === 'across')!.endAngle).toBeCloseTo((31 / 365) * 360, 5);
		expect(result.label).toBe('Årshjul 2025: 2 händelser, i dag 23 november');
		// Outside events keep their numbers in the list's date order.
		expect(result.events.map((e) => e.id)).toEqual(['across', 'before', 'bad', 'in', 'after']);
		expect(result.svg).not.toContain('Händelse before');
		expect(result.svg).toContain('Händelse in');
	});

	it('escapes every name: ampersands, angle brackets and quotes stay text, and the SVG stays well-formed', () => {
		const hostile = `A & B <script>alert("x")</script>`;
		const result = wheel([event('h', '2025-05-05', null, 'other', hostile), event('q', '2025-02-01', null, 'other', `'q' \u0001`), event('i', '2025-09-09', null, 'other', '"><image href="http://evil.example/x.png"/>')]);
		expect(result.labelled).toBe('names');
		for (const svg of [result.svg, result.svgNarrow]) {
			expect(svg).not.toMatch(/<script|<image|\u0001/);
			const { elements, attributes } = markup(svg);
			expect([...elements].filter((name) => !ELEMENTS.includes(name))).toEqual([]);
			expect([...attributes].filter((name) => /href|^on|style/.test(name))).toEqual([]);
			expect(balanced(svg)).toBe(true);
			expect(render(svg)).toEqual({ width: svg === result.svg ? 640 : 360, height: svg === result.svg ? 640 : 360 });
		}
		expect(result.svg).toContain('A &amp; B');
		expect(result.svg).toContain('&lt;script&gt;alert(&quot;x&quot;)');
		expect(result.svg).toContain('&quot;&gt;&lt;image');
		expect(result.svg).toContain('&#39;q&#39;');
		// The checks can fail: the same text unescaped does not parse.
		expect(() => render(result.svg.replace('A &amp; B', 'A & B'))).toThrow();
		expect(balanced('<svg><g></svg>')).toBe(false);
	});
});

describe('the annual wheel: accessible and self-contained', () => {
	const mixed = (Object.keys(WHEEL_KINDS) as WheelEvent['kind'][]).map((kind, i) => event(kind, `2025-0${i + 2}-10`, i % 2 ? `2025-0${i + 2}-25` : null, kind));

	it('is one image named by its short label, with a title, no scripts and nothing from outside, in both sizes', () => {
		const result = wheel(mixed);
		for (const [svg, size] of [[result.svg, 640], [result.svgNarrow, 360]] as const) {
			expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}"`)).toBe(true);
			expect(svg).toContain(`role="img" aria-label="${result.label}"`);
			expect(svg).toContain(`<title>${result.label}</title>`);
			expect(svg).not.toMatch(/<script|<foreignObject|href|url\(|<style|\son[a-z]+=|\sid=/i);
			expect([...markup(svg).elements].filter((name) => !ELEMENTS.includes(name))).toEqual([]);
			expect(balanced(svg)).toBe(true);
			render(svg);
			// Text at 14 px or more in its drawing: 12 px or more where the narrow one is shown 320 px wide.
			const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((match) => Number(match[1]));
			expect(Math.min(...sizes) * (320 / 360)).toBeGreaterThanOrEqual(12);
		}
		expect(result.label).toBe('Årshjul 2025: 6 händelser, i dag 23 november');
	});

	it('tells kinds apart by shape as well as colour, each colour at 3:1 or more on the page and the month ring', () => {
		const result = wheel(mixed);
		expect(new Set(result.legend.map((entry) => entry.shape)).size).toBe(6);
		expect(new Set(result.legend.map((entry) => entry.colour)).size).toBe(6);
		for (const entry of result.legend) {
			for (const background of ['#ffffff', '#f3f5f8', '#e9eef4']) expect(contrast(entry.colour, background)).toBeGreaterThanOrEqual(3);
			expect(kindSymbol(entry.kind)).toContain(entry.colour);
			expect(kindSymbol(entry.kind)).toContain('aria-hidden="true"');
		}
		expect(result.legend.map((entry) => entry.label)).toEqual(['Uppföljning', 'Sista dag', 'Nämnd- eller styrelsemöte', 'Analys', 'Beslut', 'Övrigt']);
	});

	it('speaks English when asked: months, label, centre and legend', () => {
		const result = wheel(mixed, { locale: 'en', periodKind: 'school_year', startYear: 2025 });
		expect(result.months.map((month) => month.name).slice(0, 3)).toEqual(['Aug', 'Sep', 'Oct']);
		expect(result.months[0].fullName).toBe('August');
		expect(result.label).toBe('Annual cycle 2025/26: 0 events, today 23 November');
		expect(result.svg).toContain('>today 23 Nov<');
		expect(result.svg).toContain('>Oct<');
		expect(result.legend.map((entry) => entry.label)).toEqual(['Follow-up', 'Deadline', 'Board meeting', 'Analysis', 'Adoption', 'Other']);
		expect(wheel([event('a', '2025-01-01')], { locale: 'en' }).label).toBe('Annual cycle 2025: 1 event, today 23 November');
		expect(wheel([], { locale: 'en', today: '2030-01-01' }).svg).toContain('>calendar year<');
	});
});
