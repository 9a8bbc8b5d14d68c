import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { swedishToday } from '$lib/server/shared/calendar-date';
import { loadCyclePage, overlaps } from '$lib/server/cycle/cycle-page';
import { cycleName, cycleSpan } from '$lib/server/cycle/cycle-year';
import { createCycle } from '$lib/server/cycle/create-cycle';
import { saveCycleEvent } from '$lib/server/cycle/save-cycle-event';
import { findActiveFeed, findFeed } from '$lib/server/calendar/calendar-feeds';
import { createCalendarFeed } from '$lib/server/calendar/create-calendar-feed';
import { revokeCalendarFeed } from '$lib/server/calendar/revoke-calendar-feed';
import { annualWheel, kindSymbol } from '$lib/server/presenters/annual-wheel';
import { authorize, can } from '$lib/server/policies';
import { guard } from '$lib/server/http/guard';
import { found, runAction } from '$lib/server/http/run-action';
import { formFields } from '$lib/server/http/form';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import type { Actions, PageServerLoad } from './$types';


export const load: PageServerLoad = async ({ locals, url }) => {
	guard(locals, 'plan.read');
	const manage = can(locals.ctx.actor, 'cycle.manage');
	const today = swedishToday();
	const personId = locals.ctx.actor.personId;
	const subscribe = personId !== undefined && can(locals.ctx.actor, 'calendar.feed', { personId });
	const [page, feed] = await Promise.all([
		loadCyclePage(getDb(), locals.ctx, url.searchParams.get('cycle'), today, manage),
		personId && subscribe ? findActiveFeed(getDb(), locals.ctx.tenantId, personId) : undefined
	]);
	const { cycle, events } = page;
	const wheel = cycle
		? annualWheel({ periodKind: cycle.periodKind, startYear: cycle.startYear, events: events.map(({ id, name, kind, startsOn, endsOn }) => ({ id, name, kind, startsOn, endsOn })), today, locale: locals.locale })
		: null;
	const numbers = new Map((wheel?.events ?? []).map((event) => [event.id, event.number]));
	const shared = overlaps(events);
	return {
		cycles: page.cycles.map((each) => ({ id: each.id, name: cycleName(each.periodKind, each.startYear, locals.locale) })),
		cycle: cycle ? { id: cycle.id, name: cycleName(cycle.periodKind, cycle.startYear, locals.locale), ...cycleSpan(cycle.periodKind, cycle.startYear) } : null,
		wheel: wheel ? { svg: wheel.svg, narrow: wheel.svgNarrow, label: wheel.label, legend: wheel.legend.map((entry) => ({ ...entry, symbol: kindSymbol(entry.kind, 14) })) } : null,
		events: events.map((event) => ({
			id: event.id,
			number: numbers.get(event.id) ?? null,
			name: event.name,
			kind: event.kind,
			startsOn: event.startsOn,
			endsOn: event.endsOn,
			note: event.note,
			isPublic: event.isPublic,
			responsible: event.responsibleName,
			plans: manage ? event.plans : [],
			planCount: event.plans.length,
			periods: event.periods,
			overlaps: (shared.get(event.id) ?? []).map((id) => events.find((other) => other.id === id)!.name)
		})),
		plans: page.plans,
		people: page.people,
		manage,
		/** The person's own calendar feed: whether they may have one, and the one in use (never its address). */
		calendar: subscribe ? { feed: feed ? { id: feed.id, createdAt: feed.createdAt, lastUsedAt: feed.lastUsedAt } : null } : null,
		thisYear: Number(today.slice(0, 4)),
		breadcrumbs: breadcrumbs(locals.locale, { href: '/arshjul', label: m.cycle_title({}, { locale: locals.locale }) })
	};
};

export const actions: Actions = {
	createCycle: async ({ request, locals }) => {
		const values = formFields(await request.formData(), ['periodKind', 'startYear']);
		const result = await runAction(
			locals.locale,
			async () => {
				authorize(locals.ctx.actor, 'cycle.manage');
				return createCycle(getDb(), locals.ctx, values);
			},
			values
		);
		if (typeof result === 'string') redirect(303, `/arshjul?cycle=${result}`);
		return result;
	},
	addEvent: async ({ request, locals }) => {
		const form = await request.formData();
		const fields = formFields(form, ['cycleId', 'name', 'kind', 'startsOn', 'endsOn', 'responsiblePersonId', 'note', 'isPublic']);
		const cycleId = fields.cycleId ?? '';
		const values = { ...fields, planIds: form.getAll('planIds').map(String) };
		const result = await runAction(
			locals.locale,
			async () => {
				authorize(locals.ctx.actor, 'cycle.manage');
				return saveCycleEvent(getDb(), locals.ctx, cycleId, values);
			},
			values
		);
		if (typeof result === 'string') redirect(303, `/arshjul?cycle=${cycleId}#event-${result}`);
		return result;
	},
	createFeed: async ({ locals, url }) => {
		const result = await runAction(locals.locale, async () => {
			authorize(locals.ctx.actor, 'calendar.feed', { personId: locals.ctx.actor.personId });
			return createCalendarFeed(getDb(), locals.ctx, url.origin);
		});
		// The address is in this one answer only: only its hash is kept.
		return 'url' in result ? { feedUrl: result.url } : result;
	},
	revokeFeed: async ({ request, locals }) => {
		const feedId = String((await request.formData()).get('feedId') ?? '');
		const result = await runAction(locals.locale, async () => {
			const feed = found(await findFeed(getDb(), locals.ctx.tenantId, feedId), locals.locale);
			authorize(locals.ctx.actor, 'calendar.feed', { personId: feed.personId });
			await revokeCalendarFeed(getDb(), locals.ctx, feedId);
		});
		return result ?? { feedRevoked: true };
	}
};
