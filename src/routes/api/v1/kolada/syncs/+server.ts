import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { listSyncs } from '$lib/server/kolada/kolada-repository';
import { presentSyncs } from '$lib/server/presenters/kolada-syncs';
import { apiHandler } from '$lib/server/http/api';
import { authorize } from '$lib/server/policies';
import type { RequestHandler } from './$types';

/** The organisation's latest Kolada syncs (ten, newest first) with what became of each indicator, as the admin page shows them. For those who manage Kolada. */
export const GET: RequestHandler = apiHandler(async ({ locals }) => {
	authorize(locals.ctx.actor, 'kolada.manage');
	return json(presentSyncs(await listSyncs(getDb(), locals.ctx.tenantId), locals.locale));
});
