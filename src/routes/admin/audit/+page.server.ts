import { getDb } from '$lib/server/app/runtime';
import { actorNames, listAuditActors, listAuditEvents } from '$lib/server/audit/audit-repository';
import { readAuditFilter } from '$lib/server/audit/audit-filter';
import { presentAuditEvents } from '$lib/server/presenters/audit-presenter';
import { messageFor } from '$lib/server/presenters/message';
import { guard } from '$lib/server/http/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	guard(locals, 'audit.read');
	const db = getDb();
	const { filter, problems } = readAuditFilter(url.searchParams);
	// A date that is not one filters nothing: the page says so beside the field instead of listing.
	const valid = !problems.from && !problems.to;
	const [events, actors] = await Promise.all([valid ? listAuditEvents(db, locals.ctx.tenantId, filter) : [], listAuditActors(db, locals.ctx.tenantId)]);
	const names = await actorNames(db, locals.ctx.tenantId, actors);
	const collator = new Intl.Collator('sv');
	return {
		filter,
		errors: {
			from: problems.from && messageFor(problems.from, locals.locale),
			to: problems.to && messageFor(problems.to, locals.locale)
		},
		events: valid ? presentAuditEvents(events, names) : null,
		actors: actors.map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => collator.compare(a.name, b.name))
	};
};
