import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { listUnitsFiltered } from '$lib/server/organisation/unit-list';
import { presentUnitSummary } from '$lib/server/presenters/unit-summary';
import { apiHandler } from '$lib/server/http/api';
import { authorize } from '$lib/server/policies';
import type { RequestHandler } from './$types';

/** The organisation's units, optionally of one kind and with one school form (`?kind=school_unit&schoolForm=GR`). */
export const GET: RequestHandler = apiHandler(async ({ locals, url }) => {
	authorize(locals.ctx.actor, 'plan.read');
	const units = await listUnitsFiltered(getDb(), locals.ctx.tenantId, {
		kind: url.searchParams.get('kind') ?? undefined,
		schoolForm: url.searchParams.get('schoolForm') ?? undefined
	});
	return json(units.map(presentUnitSummary));
});
