import { can } from '$lib/server/policies';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	const actor = locals.ctx?.actor;
	return {
		tenantName: locals.tenant?.name ?? '',
		user: locals.user ?? null,
		locale: locals.locale,
		path: url.pathname + url.search,
		admin: actor
			? { people: can(actor, 'people.manage'), scales: can(actor, 'scale.edit'), tokens: can(actor, 'tokens.manage'), audit: can(actor, 'audit.read') }
			: { people: false, scales: false, tokens: false, audit: false }
	};
};
