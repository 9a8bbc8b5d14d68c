import { can } from '$lib/server/policies';
import type { Actor } from '$lib/server/shared/context';
import type { NavKey } from '$lib/navigation';
import type { LayoutServerLoad } from './$types';

/**
 * Who sees which link, from the policies: reporting for those who may report, planning for all
 * readers (steering models only for those who build plans or models), administration by right.
 */
const SHOWN: Record<NavKey, (actor: Actor) => boolean> = {
	'to-report': (actor) => can(actor, 'followup.report'),
	plans: (actor) => can(actor, 'plan.read'),
	frameworks: (actor) => can(actor, 'plan.create') || can(actor, 'framework.edit'),
	cycle: (actor) => can(actor, 'plan.read'),
	organisation: (actor) => can(actor, 'organisation.edit'),
	people: (actor) => can(actor, 'people.manage'),
	saml: (actor) => can(actor, 'people.manage'),
	scales: (actor) => can(actor, 'scale.edit'),
	kolada: (actor) => can(actor, 'kolada.manage'),
	reminders: (actor) => can(actor, 'reminders.manage'),
	jobs: (actor) => can(actor, 'jobs.manage'),
	tokens: (actor) => can(actor, 'tokens.manage'),
	audit: (actor) => can(actor, 'audit.read')
};

export const load: LayoutServerLoad = ({ locals, url }) => {
	const actor = locals.ctx?.actor;
	return {
		tenantName: locals.tenant?.name ?? '',
		user: locals.user ?? null,
		locale: locals.locale,
		path: url.pathname + url.search,
		nav: actor && locals.user ? (Object.keys(SHOWN) as NavKey[]).filter((key) => SHOWN[key](actor)) : []
	};
};
