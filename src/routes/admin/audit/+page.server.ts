import { getDb } from '$lib/server/app/runtime';
import { actorNames, listAuditActors, listAuditEvents } from '$lib/server/audit/audit-repository';
import { presentAuditEvents } from '$lib/server/presenters/audit-presenter';
import { guard } from '$lib/server/http/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	guard(locals, 'audit.read');
	const db = getDb();
	const filter = {
		actor: url.searchParams.get('actor') || undefined,
		entityId: url.searchParams.get('item') || undefined,
		from: url.searchParams.get('from') || undefined,
		to: url.searchParams.get('to') || undefined
	};
	const [events, actors] = await Promise.all([listAuditEvents(db, locals.ctx.tenantId, filter), listAuditActors(db, locals.ctx.tenantId)]);
	const names = await actorNames(db, locals.ctx.tenantId, actors);
	const collator = new Intl.Collator('sv');
	return {
		filter,
		events: presentAuditEvents(events, names),
		actors: actors.map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => collator.compare(a.name, b.name))
	};
};
