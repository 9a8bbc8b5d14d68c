import { getDb } from '$lib/server/app/runtime';
import { countKpis, searchKpis } from '$lib/server/kolada/kolada-repository';
import { sameOriginPath } from '$lib/server/identity/redirect-target';
import { guard } from '$lib/server/http/guard';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import type { PageServerLoad } from './$types';

/**
 * Searching Kolada's key figures (the catalogue synced into the database): by words or by id. Sent
 * here from an item's indicator form (`back`), each figure can be picked: back to the item, where a
 * new indicator starts from it.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	guard(locals, 'plan.read');
	const query = (url.searchParams.get('q') ?? '').slice(0, 200);
	const wanted = sameOriginPath(url.searchParams.get('back'), url.origin, '');
	const back = wanted.startsWith('/plans/') ? wanted.split(/[?#]/)[0] : null;
	const [results, total] = await Promise.all([searchKpis(getDb(), query, 30), countKpis(getDb())]);
	return {
		query,
		back,
		total,
		results: results.map(({ id, title, description, operatingArea, hasOuData, dividedByGender, publicationDate }) => ({ id, title, description, operatingArea, hasOuData, dividedByGender, publicationDate })),
		breadcrumbs: breadcrumbs(locals.locale, { href: '/kolada', label: m.kolada_search_title({}, { locale: locals.locale }) })
	};
};
