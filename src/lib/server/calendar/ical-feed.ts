import ical from 'ical-generator';

/** One all-day thing in a calendar: a day, or a span of days (`end`, the last day, inclusive). */
export interface CalendarEntry {
	/** Stable per thing (an event, a period, an item), so a calendar app updates it instead of adding another. */
	uid: string;
	start: string;
	end?: string | null;
	summary: string;
	description: string;
	url: string;
	/** Raised when the thing changes (its version), so calendar apps take the new one. */
	sequence?: number;
}

/** At most this many events in one feed: a calendar app gets a bounded answer whatever the organisation holds. */
export const MAX_EVENTS = 1_000;

/**
 * A calendar as iCalendar text (RFC 5545), written by ical-generator: all-day events (DTSTART and an
 * exclusive DTEND as dates), the calendar's name, and Europe/Stockholm as its time zone for apps that
 * ask (X-WR-TIMEZONE; dates have no time, so no VTIMEZONE is needed). Entries past MAX_EVENTS are left out.
 */
export function icalFeed(calendar: { name: string; description?: string; locale: 'sv' | 'en'; entries: CalendarEntry[]; now?: Date }): string {
	const stamp = calendar.now ?? new Date();
	const feed = ical({
		name: calendar.name,
		description: calendar.description ?? null,
		prodId: { company: 'Styrkedjan', product: 'Styrkedjan', language: calendar.locale.toUpperCase() },
		ttl: 60 * 60
	});
	// Not feed.timezone(): with one set, ical-generator writes dates in the server's own zone.
	feed.x('X-WR-TIMEZONE', 'Europe/Stockholm');
	for (const entry of calendar.entries.slice(0, MAX_EVENTS)) {
		feed.createEvent({
			id: entry.uid,
			allDay: true,
			start: utcDay(entry.start),
			end: utcDay(entry.end ?? entry.start, 1),
			summary: entry.summary,
			description: entry.description,
			url: entry.url,
			sequence: entry.sequence ?? 0,
			stamp
		});
	}
	return feed.toString();
}

/** A yyyy-mm-dd day as midnight UTC (ical-generator writes an all-day date from its UTC parts), some days on. */
function utcDay(day: string, plus = 0): Date {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + plus);
	return date;
}

/**
 * A feed's answer: iCalendar text, opened by calendar apps. A person's feed is private and never
 * stored on the way (its address is the secret); a public plan's may be cached briefly.
 */
export function icalResponse(body: string, options: { public: boolean; filename: string }): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `inline; filename="${options.filename}"`,
			'cache-control': options.public ? 'public, max-age=300' : 'private, no-store',
			...(options.public ? { 'access-control-allow-origin': '*' } : { 'x-robots-tag': 'noindex', 'referrer-policy': 'no-referrer' })
		}
	});
}
