import { getDb } from '$lib/server/app/runtime';
import { swedishToday } from '$lib/server/shared/calendar-date';
import { findPublishedPlan } from '$lib/server/documents/public-plans';
import { publicPlanCalendar } from '$lib/server/calendar/public-plan-calendar';
import { icalFeed, icalResponse } from '$lib/server/calendar/ical-feed';
import { found } from '$lib/server/http/run-action';
import { m } from '$lib/paraglide/messages.js';
import type { RequestHandler } from './$types';

/** A published plan's public events as a calendar to subscribe to, for anyone; a plan not published is 404. */
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const db = getDb();
	const published = found(await findPublishedPlan(db, params.slug, params.planId), locals.locale);
	const planUrl = `${url.origin}/public/${encodeURIComponent(published.tenant.slug)}/${published.plan.id}`;
	const entries = await publicPlanCalendar(db, published.tenant.id, published.plan.id, { today: swedishToday(), planUrl, locale: locals.locale });
	const body = icalFeed({
		name: m.calendar_public_name({ plan: published.plan.title, organisation: published.tenant.name }, { locale: locals.locale }),
		locale: locals.locale,
		entries
	});
	return icalResponse(body, { public: true, filename: 'kalender.ics' });
};
