import ICAL from 'ical.js';

/** An iCalendar text read back by ical.js (another library than the one that wrote it): the calendar's properties and its events. */
export function readCalendar(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	const events = calendar.getAllSubcomponents('vevent').map((component) => {
		const event = new ICAL.Event(component);
		return {
			uid: event.uid,
			summary: event.summary,
			description: event.description,
			start: event.startDate.toString(),
			/** Exclusive, as RFC 5545 has it for dates. */
			end: event.endDate.toString(),
			allDay: event.startDate.isDate,
			url: String(component.getFirstPropertyValue('url') ?? ''),
			sequence: event.sequence
		};
	});
	return {
		name: String(calendar.getFirstPropertyValue('x-wr-calname') ?? ''),
		timezone: String(calendar.getFirstPropertyValue('x-wr-timezone') ?? ''),
		events
	};
}
