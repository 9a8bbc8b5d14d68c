/**
 * The annual cycle (årshjul) drawn as a wheel: twelve month sectors from the top, clockwise, each event
 * at its date's angle (a day as a marker, a date range as an arc in the lanes outside the months), and
 * today's date as a needle. Pure: dates in, SVG strings out. The wheel is one image to assistive
 * technology (role="img", a short label); the list of the same events beside it, numbered as here,
 * is what a screen reader and a phone read. Kinds differ by shape as well as colour (WCAG 1.4.1), every
 * colour reaches 3:1 on white and on the page background (1.4.11), and every text is drawn at 14 px
 * or more in its drawing: `svg` is 640 wide, `svgNarrow` 360 wide with numbers only (for Chart's
 * `narrow`, shown where there is little room). Event names are user input and always escaped.
 */

export type WheelKind = 'follow_up' | 'deadline' | 'board_meeting' | 'analysis' | 'adoption' | 'other';
export type WheelShape = 'circle' | 'triangle' | 'square' | 'diamond' | 'star' | 'ring';

export interface WheelEvent {
	id: string;
	name: string;
	kind: WheelKind;
	startsOn: string /* YYYY-MM-DD */;
	endsOn: string | null;
}

export interface WheelInput {
	periodKind: 'calendar_year' | 'school_year';
	startYear: number;
	events: WheelEvent[];
	today: string /* YYYY-MM-DD, Swedish time */;
	locale: 'sv' | 'en';
}

export interface WheelMonth {
	/** As drawn on the ring: "jan", "feb" … (sv), "Jan", "Feb" … (en). */
	name: string;
	fullName: string;
	start: string;
	end: string;
}

export interface WheelLegendEntry {
	kind: WheelKind;
	label: string;
	colour: string;
	shape: WheelShape;
}

export interface PlacedWheelEvent {
	id: string;
	/** 1..n over all events in date order (ties by name, Swedish collation): the list uses the same. */
	number: number;
	/** Degrees clockwise from 12 o'clock of the (first drawn) day; null when outside the year. */
	angle: number | null;
	/** For a range, where its arc ends (after its last day); null for a single day or outside. */
	endAngle: number | null;
}

export interface AnnualWheel {
	svg: string;
	svgNarrow: string;
	label: string;
	months: WheelMonth[];
	legend: WheelLegendEntry[];
	events: PlacedWheelEvent[];
	/** Ids of the events wholly outside the year: not drawn, the list explains them. */
	outside: string[];
	/** Whether the wide drawing names its events or (many or clustered) only numbers them. */
	labelled: 'names' | 'numbers';
}

const TEXT = '#1b1f24';
const SECONDARY = '#4a5360';
const LEADER = '#5f6b77';
const BRAND = '#1d4f73';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Each kind's colour (≥ 3:1 on white, #f3f5f8 and the month ring's greys) and shape. */
export const WHEEL_KINDS: Record<WheelKind, { colour: string; shape: WheelShape; sv: string; en: string }> = {
	follow_up: { colour: '#0b5cad', shape: 'circle', sv: 'Uppföljning', en: 'Follow-up' },
	deadline: { colour: '#a4161a', shape: 'triangle', sv: 'Sista dag', en: 'Deadline' },
	board_meeting: { colour: '#6a3d9a', shape: 'square', sv: 'Nämnd- eller styrelsemöte', en: 'Board meeting' },
	analysis: { colour: '#1e6b35', shape: 'diamond', sv: 'Analys', en: 'Analysis' },
	adoption: { colour: '#8a4600', shape: 'star', sv: 'Beslut', en: 'Adoption' },
	other: { colour: '#4a5360', shape: 'ring', sv: 'Övrigt', en: 'Other' }
};
const KIND_ORDER: WheelKind[] = ['follow_up', 'deadline', 'board_meeting', 'analysis', 'adoption', 'other'];

const MONTHS = {
	sv: {
		short: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
		full: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december']
	},
	en: {
		short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
		full: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
	}
};

const TEXTS = {
	sv: {
		title: 'Årshjul',
		events: (n: number) => (n === 1 ? '1 händelse' : `${n} händelser`),
		today: 'i dag',
		calendar_year: 'kalenderår',
		school_year: 'läsår'
	},
	en: {
		title: 'Annual cycle',
		events: (n: number) => (n === 1 ? '1 event' : `${n} events`),
		today: 'today',
		calendar_year: 'calendar year',
		school_year: 'school year'
	}
};

const collator = new Intl.Collator('sv');

/** The events in date order (ties by name, then by end date and id), numbered 1..n as the list shows them. */
export function numbered<E extends WheelEvent>(events: E[]): (E & { number: number })[] {
	return [...events]
		.sort(
			(a, b) =>
				(a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0) ||
				collator.compare(a.name, b.name) ||
				collator.compare(a.endsOn ?? '', b.endsOn ?? '') ||
				(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
		)
		.map((event, index) => ({ ...event, number: index + 1 }));
}

/** Escapes text for SVG/XML content and attributes, dropping characters XML does not allow. */
export function escapeXml(text: string): string {
	return text
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/** A kind's shape as a small inline SVG (decorative: the kind's name is beside it), for the list and legend. */
export function kindSymbol(kind: WheelKind, size = 16): string {
	const { colour, shape } = WHEEL_KINDS[kind];
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 20 20" aria-hidden="true" focusable="false">${marker(shape, colour, 10, 10, 7, 'none')}</svg>`;
}

const DAY = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date, or null when it is not a real date. */
function dayOf(iso: string | null | undefined): number | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const time = Date.UTC(year, month - 1, day);
	const date = new Date(time);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
	return time / DAY;
}

const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

interface Geometry {
	size: number;
	centre: number;
	/** The month band. */
	inner: number;
	outer: number;
	monthText: number;
	/** Lane radii for events, from the month band outwards. */
	lanes: number[];
	stroke: number;
	markerSize: number;
	/** Radius of the numbers in the numbers-only layout, and their least distance apart (px). */
	numberRadius: number;
	numberGap: number;
	text: number;
	yearText: number;
}

const WIDE: Geometry = {
	size: 640,
	centre: 320,
	inner: 90,
	outer: 130,
	monthText: 15,
	lanes: [141, 152, 163, 174],
	stroke: 7,
	markerSize: 6,
	numberRadius: 196,
	numberGap: 22,
	text: 14,
	yearText: 28
};

const NARROW: Geometry = {
	size: 360,
	centre: 180,
	inner: 66,
	outer: 100,
	monthText: 14,
	lanes: [110, 120, 130],
	stroke: 6,
	markerSize: 5.5,
	numberRadius: 152,
	numberGap: 20,
	text: 14,
	yearText: 20
};

const fixed = (value: number) => (Math.round(value * 10) / 10).toString();

function polar(geometry: Geometry, radius: number, angle: number): [number, number] {
	const radians = (angle * Math.PI) / 180;
	return [geometry.centre + radius * Math.sin(radians), geometry.centre - radius * Math.cos(radians)];
}

/** An arc along a circle from one angle to another, clockwise (split in two when it is most of the circle). */
function arcPath(geometry: Geometry, radius: number, from: number, to: number): string {
	if (to - from > 180) {
		const middle = (from + to) / 2;
		return `${arcPath(geometry, radius, from, middle)} ${arcPath(geometry, radius, middle, to).replace(/^M [^A]+/, '')}`;
	}
	const [x0, y0] = polar(geometry, radius, from);
	const [x1, y1] = polar(geometry, radius, to);
	return `M ${fixed(x0)} ${fixed(y0)} A ${radius} ${radius} 0 0 1 ${fixed(x1)} ${fixed(y1)}`;
}

function sectorPath(geometry: Geometry, from: number, to: number): string {
	const [ox0, oy0] = polar(geometry, geometry.outer, from);
	const [ox1, oy1] = polar(geometry, geometry.outer, to);
	const [ix1, iy1] = polar(geometry, geometry.inner, to);
	const [ix0, iy0] = polar(geometry, geometry.inner, from);
	const r = (value: number) => `${value} ${value}`;
	return `M ${fixed(ox0)} ${fixed(oy0)} A ${r(geometry.outer)} 0 0 1 ${fixed(ox1)} ${fixed(oy1)} L ${fixed(ix1)} ${fixed(iy1)} A ${r(geometry.inner)} 0 0 0 ${fixed(ix0)} ${fixed(iy0)} Z`;
}

function points(list: [number, number][]): string {
	return list.map(([x, y]) => `${fixed(x)},${fixed(y)}`).join(' ');
}

/** A kind's marker centred on (x, y), about 2·size across, outlined so it stands out on an arc. */
function marker(shape: WheelShape, colour: string, x: number, y: number, size: number, outline = '#ffffff'): string {
	const edge = outline === 'none' ? '' : ` stroke="${outline}" stroke-width="1.5"`;
	switch (shape) {
		case 'circle':
			return `<circle cx="${fixed(x)}" cy="${fixed(y)}" r="${fixed(size)}" fill="${colour}"${edge}/>`;
		case 'square':
			return `<rect x="${fixed(x - size * 0.85)}" y="${fixed(y - size * 0.85)}" width="${fixed(size * 1.7)}" height="${fixed(size * 1.7)}" fill="${colour}"${edge}/>`;
		case 'diamond': {
			const d = size * 1.25;
			return `<polygon points="${points([[x, y - d], [x + d, y], [x, y + d], [x - d, y]])}" fill="${colour}"${edge}/>`;
		}
		case 'triangle': {
			const d = size * 1.3;
			return `<polygon points="${points([[x, y - d], [x + d * 0.95, y + d * 0.7], [x - d * 0.95, y + d * 0.7]])}" fill="${colour}"${edge}/>`;
		}
		case 'star': {
			const corners: [number, number][] = [];
			for (let i = 0; i < 10; i++) {
				const radius = i % 2 === 0 ? size * 1.6 : size * 0.7;
				const angle = (i * 36 * Math.PI) / 180;
				corners.push([x + radius * Math.sin(angle), y + 0.1 * size - radius * Math.cos(angle)]);
			}
			return `<polygon points="${points(corners)}" fill="${colour}"${edge}/>`;
		}
		case 'ring':
			return `${outline === 'none' ? '' : `<circle cx="${fixed(x)}" cy="${fixed(y)}" r="${fixed(size + 0.5)}" fill="${outline}"/>`}<circle cx="${fixed(x)}" cy="${fixed(y)}" r="${fixed(size - 1.25)}" fill="#ffffff" stroke="${colour}" stroke-width="2.5"/>`;
	}
}

interface Placed {
	event: WheelEvent & { number: number };
	from: number;
	/** End angle for a range (after its last day), null for a single day. */
	to: number | null;
	lane: number;
}

/** Gives each drawn event a lane so that arcs and markers in one lane do not lie on each other. */
function assignLanes(items: { from: number; to: number | null }[], geometry: Geometry): number[] {
	const ends = geometry.lanes.map(() => -Infinity);
	return items.map((item) => {
		const pad = ((geometry.markerSize * 1.6) / geometry.lanes[0]) * (180 / Math.PI);
		const start = item.from - pad;
		let lane = ends.findIndex((end) => end < start);
		if (lane < 0) lane = ends.indexOf(Math.min(...ends));
		ends[lane] = Math.max(ends[lane], (item.to ?? item.from) + pad);
		return lane;
	});
}

/**
 * Lays out items along a line (sorted by where each wants its start), each `sizes[i]` long, so that
 * none overlap: a crowd is centred on where its members want to be, kept within [low, high] when it can.
 */
function spread(wanted: number[], sizes: number[], low: number, high: number): number[] {
	type Cluster = { first: number; count: number; length: number; want: number; start: number };
	const place = (cluster: Cluster) => {
		cluster.start = Math.min(Math.max(cluster.want / cluster.count, low), Math.max(low, high - cluster.length));
	};
	let clusters: Cluster[] = wanted.map((value, index) => ({ first: index, count: 1, length: sizes[index], want: value, start: value }));
	clusters.forEach(place);
	for (let merged = true; merged; ) {
		merged = false;
		for (let i = 0; i + 1 < clusters.length; i++) {
			const [a, b] = [clusters[i], clusters[i + 1]];
			if (a.start + a.length > b.start + 1e-9) {
				// Each member wants the cluster to start where that member would then sit where it wants.
				let want = 0;
				let offset = 0;
				for (let k = a.first; k < a.first + a.count + b.count; k++) {
					want += wanted[k] - offset;
					offset += sizes[k];
				}
				const joined = { first: a.first, count: a.count + b.count, length: a.length + b.length, want, start: 0 };
				place(joined);
				clusters = [...clusters.slice(0, i), joined, ...clusters.slice(i + 2)];
				merged = true;
				break;
			}
		}
	}
	const result: number[] = [];
	for (const cluster of clusters) {
		let at = cluster.start;
		for (let k = cluster.first; k < cluster.first + cluster.count; k++) {
			result.push(at);
			at += sizes[k];
		}
	}
	return result;
}

/** Where an event's label points: its marker, at its (first drawn) day, so numbers run clockwise in date order. */
const anchorAngle = (item: Placed) => item.from;

/** The event's number at the wheel's rim, spread apart around the circle, with a line to its place. */
function numberLabels(items: Placed[], geometry: Geometry): string {
	if (!items.length) return '';
	const sorted = [...items].sort((a, b) => anchorAngle(a) - anchorAngle(b) || a.event.number - b.event.number);
	const gap = Math.min((geometry.numberGap / geometry.numberRadius) * (180 / Math.PI), 360 / sorted.length);
	// Cut the circle at its widest empty stretch, so events either side of the top spread apart too.
	let cut = 0;
	let widest = sorted[0].from + 360 - sorted[sorted.length - 1].from;
	for (let i = 1; i < sorted.length; i++) {
		if (sorted[i].from - sorted[i - 1].from > widest) [cut, widest] = [i, sorted[i].from - sorted[i - 1].from];
	}
	const order = [...sorted.slice(cut), ...sorted.slice(0, cut)];
	const wanted = order.map((item, index) => anchorAngle(item) + (index >= sorted.length - cut ? 360 : 0));
	const angles = spread(
		wanted.map((angle) => angle - gap / 2),
		wanted.map(() => gap),
		-Infinity,
		Infinity
	).map((angle) => angle + gap / 2);
	return order
		.map((item, index) => {
			const anchor = anchorAngle(item);
			const [ax, ay] = polar(geometry, geometry.lanes[item.lane] + geometry.markerSize + 2, anchor);
			const [bx, by] = polar(geometry, geometry.numberRadius - 11, angles[index]);
			const [tx, ty] = polar(geometry, geometry.numberRadius, angles[index]);
			return (
				`<line x1="${fixed(ax)}" y1="${fixed(ay)}" x2="${fixed(bx)}" y2="${fixed(by)}" stroke="${LEADER}" stroke-width="1"/>` +
				`<text x="${fixed(tx)}" y="${fixed(ty)}" text-anchor="middle" dominant-baseline="central" font-size="${geometry.text}" font-weight="700" fill="${TEXT}">${item.event.number}</text>`
			);
		})
		.join('');
}

/** Characters of text in a width (DejaVu Sans, the widest common fallback, averages about 0.54 em in Swedish words). */
const charsIn = (width: number, size: number) => Math.max(4, Math.floor(width / (size * 0.54)));

/**
 * A name after its number, over at most two lines of `size` characters, cut with "…" when longer.
 * The first word stays beside the number (broken with a hyphen where it does not fit there); later
 * words longer than a line are broken at its length.
 */
function wrapName(number: number, name: string, size: number): string[] {
	const [first = '', ...words] = name.trim().split(/\s+/).filter(Boolean);
	const room = Math.max(2, size - String(number).length - 1);
	const letters = [...first];
	const head = letters.length > room ? `${letters.slice(0, room - 1).join('')}-` : first;
	const tail = letters.length > room ? [letters.slice(room - 1).join('')] : [];
	const pieces = [...tail, ...words].flatMap((word) => word.match(new RegExp(`.{1,${size}}`, 'gu')) ?? []);
	const lines = pieces.reduce<string[]>(
		(done, piece) => {
			const last = done[done.length - 1];
			if (last.length + 1 + piece.length <= size || (done.length === 1 && !head)) done[done.length - 1] = `${last} ${piece}`;
			else done.push(piece);
			return done;
		},
		[head ? `${number} ${head}` : String(number)]
	);
	if (lines.length <= 2) return lines;
	const second = lines[1];
	return [lines[0], `${second.length < size ? second : second.slice(0, size - 1).trimEnd()}…`];
}

/**
 * Names beside the wheel, each side's labels stacked from top to bottom near their events and
 * following the circle; null when they do not fit near their places (the wheel then shows numbers).
 */
function nameLabels(items: Placed[], geometry: Geometry): string | null {
	if (items.length > 12) return null;
	const ring = geometry.numberRadius - 6;
	const line = geometry.text + 3;
	const margin = 4;
	const out: string[] = [];
	for (const right of [true, false]) {
		const side = items
			.filter((item) => (anchorAngle(item) < 180) === right)
			.map((item) => {
				const anchor = anchorAngle(item);
				const wantedY = geometry.centre - ring * Math.cos((anchor * Math.PI) / 180);
				const dy = Math.abs(wantedY - geometry.centre);
				const x = Math.max(14, Math.sqrt(Math.max(0, ring * ring - dy * dy)) + 8);
				const room = geometry.centre - x - margin;
				const lines = wrapName(item.event.number, item.event.name, charsIn(room, geometry.text));
				return { item, anchor, wantedY, lines, height: lines.length * line + 6 };
			})
			.sort((a, b) => a.wantedY - b.wantedY || a.item.event.number - b.item.event.number);
		if (!side.length) continue;
		// Stacked top to bottom, each label's first line beside its event where there is room.
		const tops = spread(
			side.map((label) => label.wantedY - line / 2 - 3),
			side.map((label) => label.height),
			margin,
			geometry.size - margin
		);
		if (tops[0] < margin || tops[tops.length - 1] + side[side.length - 1].height > geometry.size - margin) return null;
		for (const [index, label] of side.entries()) {
			const middle = tops[index] + 3 + line / 2;
			if (Math.abs(middle - label.wantedY) > 44) return null;
			const dy = Math.abs(middle - geometry.centre);
			const offset = Math.max(14, Math.sqrt(Math.max(0, ring * ring - dy * dy)) + 8);
			// The names must still fit at the height they ended up at.
			if (label.lines.some((text) => text.length > charsIn(geometry.centre - offset - margin, geometry.text) + 1)) return null;
			const x = right ? geometry.centre + offset : geometry.centre - offset;
			const [ax, ay] = polar(geometry, geometry.lanes[label.item.lane] + geometry.markerSize + 2, label.anchor);
			const [number, ...rest] = label.lines[0].split(' ');
			const tspans = [
				`<tspan font-weight="700">${escapeXml(number)}</tspan>${rest.length ? ` ${escapeXml(rest.join(' '))}` : ''}`,
				...label.lines.slice(1).map((text) => `<tspan x="${fixed(x)}" dy="${line}">${escapeXml(text)}</tspan>`)
			];
			out.push(
				`<polyline points="${points([[ax, ay], [right ? x - 4 : x + 4, middle]])}" fill="none" stroke="${LEADER}" stroke-width="1"/>` +
					`<text x="${fixed(x)}" y="${fixed(middle)}" text-anchor="${right ? 'start' : 'end'}" dominant-baseline="central" font-size="${geometry.text}" fill="${TEXT}">${tspans.join('')}</text>`
			);
		}
	}
	return out.join('');
}

function draw(
	geometry: Geometry,
	options: {
		label: string;
		months: { name: string; from: number; to: number }[];
		items: Placed[];
		todayAngle: number | null;
		year: string;
		kindText: string;
		todayText: string;
		names: boolean;
	}
): { svg: string; names: boolean } {
	const { centre, size } = geometry;
	const parts: string[] = [];
	// Month sectors, alternating greys, with their names upright in the band (drawn after today's
	// needle, haloed, so that it never hides a month's name).
	const monthNames: string[] = [];
	for (const [index, month] of options.months.entries()) {
		const fill = index % 2 ? '#ffffff' : '#e9eef4';
		parts.push(`<path d="${sectorPath(geometry, month.from, month.to)}" fill="${fill}" stroke="#c9d0d8" stroke-width="1"/>`);
		const [x, y] = polar(geometry, (geometry.inner + geometry.outer) / 2, (month.from + month.to) / 2);
		monthNames.push(
			`<text x="${fixed(x)}" y="${fixed(y)}" text-anchor="middle" dominant-baseline="central" font-size="${geometry.monthText}" fill="${TEXT}" stroke="${fill}" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${escapeXml(month.name)}</text>`
		);
	}
	// Faint lane guides, so a marker reads as sitting on the year.
	const lastLane = geometry.lanes[geometry.lanes.length - 1];
	parts.push(`<circle cx="${centre}" cy="${centre}" r="${lastLane + geometry.markerSize + 4}" fill="none" stroke="#dde3ea" stroke-width="1"/>`);
	// The centre: the year and its kind; today's date when it is in the year.
	parts.push(`<text x="${centre}" y="${fixed(centre - geometry.yearText * 0.35)}" text-anchor="middle" dominant-baseline="central" font-size="${geometry.yearText}" font-weight="700" fill="${BRAND}">${escapeXml(options.year)}</text>`);
	parts.push(`<text x="${centre}" y="${fixed(centre + geometry.text * 0.9)}" text-anchor="middle" dominant-baseline="central" font-size="${geometry.text}" fill="${SECONDARY}">${escapeXml(options.todayAngle === null ? options.kindText : options.todayText)}</text>`);
	// Ranges first (arcs), then the markers on top.
	for (const item of options.items) {
		if (item.to === null) continue;
		const { colour } = WHEEL_KINDS[item.event.kind];
		const radius = geometry.lanes[item.lane];
		parts.push(`<path d="${arcPath(geometry, radius, item.from, Math.max(item.to, item.from + 0.5))}" fill="none" stroke="${colour}" stroke-width="${geometry.stroke}" stroke-linecap="butt"/>`);
	}
	// Today's needle: from the centre's rim out through the months and the lanes.
	if (options.todayAngle !== null) {
		const [x0, y0] = polar(geometry, geometry.inner - 8, options.todayAngle);
		const [x1, y1] = polar(geometry, lastLane + geometry.markerSize + 8, options.todayAngle);
		parts.push(
			`<g class="today"><line x1="${fixed(x0)}" y1="${fixed(y0)}" x2="${fixed(x1)}" y2="${fixed(y1)}" stroke="#ffffff" stroke-width="6" stroke-linecap="round"/>` +
				`<line x1="${fixed(x0)}" y1="${fixed(y0)}" x2="${fixed(x1)}" y2="${fixed(y1)}" stroke="${TEXT}" stroke-width="2.5" stroke-linecap="round"/>` +
				`<circle cx="${fixed(x0)}" cy="${fixed(y0)}" r="4" fill="${TEXT}"/></g>`
		);
	}
	parts.push(...monthNames);
	for (const item of options.items) {
		const { colour, shape } = WHEEL_KINDS[item.event.kind];
		const [x, y] = polar(geometry, geometry.lanes[item.lane], item.from);
		parts.push(marker(shape, colour, x, y, geometry.markerSize));
	}
	const named = options.names ? nameLabels(options.items, geometry) : null;
	parts.push(named ?? numberLabels(options.items, geometry));
	const label = escapeXml(options.label);
	return {
		names: named !== null,
		svg:
			`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-label="${label}" font-family="${escapeXml(FONT)}">` +
			`<title>${label}</title>${parts.join('')}</svg>`
	};
}

/** The annual wheel of a calendar year (Jan–Dec) or school year (Aug–Jul), wide and narrow. */
export function annualWheel(input: WheelInput): AnnualWheel {
	const locale = input.locale === 'en' ? 'en' : 'sv';
	const texts = TEXTS[locale];
	const firstMonth = input.periodKind === 'school_year' ? 7 : 0;
	const yearStart = Date.UTC(input.startYear, firstMonth, 1) / DAY;
	const yearEnd = Date.UTC(input.startYear + 1, firstMonth, 1) / DAY;
	const length = yearEnd - yearStart;
	const angleOf = (day: number) => ((day - yearStart) / length) * 360;

	const months = Array.from({ length: 12 }, (_, index) => {
		const start = Date.UTC(input.startYear, firstMonth + index, 1) / DAY;
		const next = Date.UTC(input.startYear, firstMonth + index + 1, 1) / DAY;
		const month = (firstMonth + index) % 12;
		return { name: MONTHS[locale].short[month], fullName: MONTHS[locale].full[month], start: isoOf(start), end: isoOf(next - 1), from: angleOf(start), to: angleOf(next) };
	});

	const all = numbered(input.events);
	const outside: string[] = [];
	const drawn: Omit<Placed, 'lane'>[] = [];
	const events: PlacedWheelEvent[] = all.map((event) => {
		const first = dayOf(event.startsOn);
		const last = Math.max(first ?? 0, dayOf(event.endsOn) ?? first ?? 0);
		if (first === null || last < yearStart || first >= yearEnd) {
			outside.push(event.id);
			return { id: event.id, number: event.number, angle: null, endAngle: null };
		}
		const from = angleOf(Math.max(first, yearStart));
		const to = last > first ? angleOf(Math.min(last + 1, yearEnd)) : null;
		drawn.push({ event, from, to });
		return { id: event.id, number: event.number, angle: from, endAngle: to };
	});
	// Lanes by where each event starts (ranges that begin together: the longer further in).
	const byAngle = [...drawn].sort((a, b) => a.from - b.from || (b.to ?? b.from) - (a.to ?? a.from) || a.event.number - b.event.number);
	const place = (geometry: Geometry): Placed[] => {
		const lanes = assignLanes(byAngle, geometry);
		return byAngle.map((item, index) => ({ ...item, lane: lanes[index] }));
	};

	const todayDay = dayOf(input.today);
	const todayIn = todayDay !== null && todayDay >= yearStart && todayDay < yearEnd;
	const todayAngle = todayIn ? angleOf(todayDay) : null;
	const todayDate = todayDay === null ? null : new Date(todayDay * DAY);
	const todayLong = todayDate ? `${todayDate.getUTCDate()} ${MONTHS[locale].full[todayDate.getUTCMonth()]}` : '';
	const todayShort = todayDate ? `${todayDate.getUTCDate()} ${MONTHS[locale].short[todayDate.getUTCMonth()]}` : '';

	const year = input.periodKind === 'school_year' ? `${input.startYear}/${String((input.startYear + 1) % 100).padStart(2, '0')}` : String(input.startYear);
	const label = `${texts.title} ${year}: ${texts.events(drawn.length)}${todayIn ? `, ${texts.today} ${todayLong}` : ''}`;
	const common = { label, months, todayAngle, year, kindText: texts[input.periodKind], todayText: `${texts.today} ${todayShort}` };
	const wide = draw(WIDE, { ...common, items: place(WIDE), names: true });
	const narrow = draw(NARROW, { ...common, items: place(NARROW), names: false });

	return {
		svg: wide.svg,
		svgNarrow: narrow.svg,
		label,
		months: months.map(({ name, fullName, start, end }) => ({ name, fullName, start, end })),
		legend: KIND_ORDER.map((kind) => ({ kind, label: WHEEL_KINDS[kind][locale], colour: WHEEL_KINDS[kind].colour, shape: WHEEL_KINDS[kind].shape })),
		events,
		outside,
		labelled: wide.names ? 'names' : 'numbers'
	};
}
