import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { findCycle, findEvent, listEvents } from '$lib/server/cycle/cycle-repository';
import { cycleChoices } from '$lib/server/cycle/cycle-page';
import { cycleName, cycleSpan } from '$lib/server/cycle/cycle-year';
import { saveCycleEvent } from '$lib/server/cycle/save-cycle-event';
import { removeCycleEvent } from '$lib/server/cycle/remove-cycle-event';
import { openCyclePeriods, setCyclePeriodsClosed } from '$lib/server/cycle/open-cycle-periods';
import { authorize } from '$lib/server/policies';
import { guard } from '$lib/server/http/guard';
import { found, runAction } from '$lib/server/http/run-action';
import { formFields } from '$lib/server/http/form';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	guard(locals, 'cycle.manage');
	const db = getDb();
	const event = found(await findEvent(db, locals.ctx.tenantId, params.eventId), locals.locale);
	const cycle = (await findCycle(db, locals.ctx.tenantId, event.cycleId))!;
	const [listed, choices] = await Promise.all([listEvents(db, locals.ctx.tenantId, cycle.id), cycleChoices(db, locals.ctx)]);
	const details = listed.find((each) => each.id === event.id)!;
	const name = cycleName(cycle.periodKind, cycle.startYear, locals.locale);
	return {
		cycle: { id: cycle.id, name, ...cycleSpan(cycle.periodKind, cycle.startYear) },
		event: { ...details, planIds: details.plans.map((plan) => plan.id) },
		...choices,
		done: url.searchParams.get('done'),
		count: Number(url.searchParams.get('count') ?? 0),
		breadcrumbs: breadcrumbs(
			locals.locale,
			{ href: `/arshjul?cycle=${cycle.id}`, label: `${m.cycle_title({}, { locale: locals.locale })} ${name}` },
			{ href: `/arshjul/${event.id}`, label: event.name }
		)
	};
};

const back = (eventId: string, done: string, count = 0) => `/arshjul/${eventId}?done=${done}&count=${count}`;

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = { ...formFields(form, ['name', 'kind', 'startsOn', 'endsOn', 'responsiblePersonId', 'note', 'isPublic', 'version']), planIds: form.getAll('planIds').map(String) };
		const result = await runAction(
			locals.locale,
			async () => {
				authorize(locals.ctx.actor, 'cycle.manage');
				const event = await findEvent(getDb(), locals.ctx.tenantId, params.eventId);
				return saveCycleEvent(getDb(), locals.ctx, event?.cycleId ?? '', values, params.eventId);
			},
			values
		);
		if (typeof result === 'string') redirect(303, back(params.eventId, 'saved'));
		return result;
	},
	remove: async ({ locals, params }) => {
		const event = await findEvent(getDb(), locals.ctx.tenantId, params.eventId);
		const result = await runAction(locals.locale, async () => {
			authorize(locals.ctx.actor, 'cycle.manage');
			await removeCycleEvent(getDb(), locals.ctx, params.eventId);
		});
		if (result) return result;
		redirect(303, `/arshjul?cycle=${event?.cycleId ?? ''}`);
	},
	open: async ({ locals, params }) => {
		const result = await runAction(locals.locale, async () => {
			authorize(locals.ctx.actor, 'cycle.manage');
			return openCyclePeriods(getDb(), locals.ctx, params.eventId);
		});
		if (typeof result === 'number') redirect(303, back(params.eventId, 'opened', result));
		return result;
	},
	close: async ({ request, locals, params }) => {
		const form = await request.formData();
		const closed = form.get('closed') === 'true';
		const result = await runAction(locals.locale, async () => {
			authorize(locals.ctx.actor, 'cycle.manage');
			return setCyclePeriodsClosed(getDb(), locals.ctx, params.eventId, closed, form.getAll('except').map(String));
		});
		if (typeof result === 'number') redirect(303, back(params.eventId, closed ? 'closed' : 'reopened', result));
		return result;
	}
};
