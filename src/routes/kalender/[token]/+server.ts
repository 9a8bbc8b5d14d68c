import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { swedishToday } from '$lib/server/shared/calendar-date';
import { resolveFeedToken } from '$lib/server/calendar/calendar-feeds';
import { personCalendar } from '$lib/server/calendar/person-calendar';
import { icalFeed, icalResponse } from '$lib/server/calendar/ical-feed';
import { can } from '$lib/server/policies';
import { m } from '$lib/paraglide/messages.js';
import type { RequestHandler } from './$types';

/**
 * A person's calendar feed, read by calendar apps without signing in: the address is the secret
 * ("<organisation id>.<secret>", ".ics" at the end). Unknown, revoked, malformed or no longer allowed
 * (account disabled, no roles left): one and the same 404.
 */
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const db = getDb();
	const owner = await resolveFeedToken(db, params.token);
	if (!owner || !can(owner.actor, 'calendar.feed', { personId: owner.person.id })) error(404, { message: locals.locale === 'en' ? 'Not found.' : 'Hittades inte.' });
	const { locale } = owner.person;
	const entries = await personCalendar(db, owner.tenantId, owner.person, { today: swedishToday(), origin: url.origin });
	const body = icalFeed({
		name: m.calendar_feed_name({ organisation: owner.organisation }, { locale }),
		description: m.calendar_feed_description({ name: owner.person.name }, { locale }),
		locale,
		entries
	});
	return icalResponse(body, { public: false, filename: 'styrkedjan.ics' });
};
