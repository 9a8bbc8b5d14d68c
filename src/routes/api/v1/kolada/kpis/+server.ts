import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { searchKpis } from '$lib/server/kolada/kolada-repository';
import { presentKoladaKpi } from '$lib/server/presenters/kolada-kpi';
import { apiHandler } from '$lib/server/http/api';
import { authorize } from '$lib/server/policies';
import { DomainError } from '$lib/server/shared/domain-error';
import type { RequestHandler } from './$types';

/** Words or an id to search for, at most this long. */
const MAX_QUERY = 200;

/**
 * Kolada's key figures in the catalogue synced into the database, by Swedish words or by id
 * (`?q=meritvärde`, `?q=N15428`; `limit` 1–100, 20 without it), titles' matches first. For whoever reads plans.
 */
export const GET: RequestHandler = apiHandler(async ({ locals, url }) => {
	authorize(locals.ctx.actor, 'plan.read');
	const query = url.searchParams.get('q') ?? '';
	if (query.length > MAX_QUERY) throw new DomainError('error_field_invalid', { field: { sv: 'Sökord', en: 'Search words' } }, { field: 'q' });
	const limit = Number(url.searchParams.get('limit') ?? 20);
	if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new DomainError('error_field_invalid', { field: { sv: 'Antal', en: 'Limit' } }, { field: 'limit' });
	return json((await searchKpis(getDb(), query, limit)).map(presentKoladaKpi));
});
