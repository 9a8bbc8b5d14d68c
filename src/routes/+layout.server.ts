import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({
	tenantName: locals.tenant.name,
	locale: locals.locale,
	path: url.pathname + url.search
});
