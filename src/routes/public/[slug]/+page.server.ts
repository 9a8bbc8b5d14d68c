import { getDb } from '$lib/server/app/runtime';
import { listPublishedPlans } from '$lib/server/documents/public-plans';
import { found } from '$lib/server/http/run-action';
import type { PageServerLoad } from './$types';

/** An organisation's published plans, for anyone. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const published = found(await listPublishedPlans(getDb(), params.slug), locals.locale);
	return { organisation: published.tenant.name, slug: published.tenant.slug, plans: published.plans };
};
