import { getDb } from '$lib/server/app/runtime';
import { listAccounts } from '$lib/server/identity/account-repository';
import { findIdentityProvider } from '$lib/server/identity/oidc';
import { personMatcher } from '$lib/server/identity/person-search';
import { guard } from '$lib/server/http/guard';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import { editorChoices, peopleActions } from './people.server';
import type { Actions, PageServerLoad } from './$types';

/** People per page: a screenful, each row one line on a desktop. */
const PAGE_SIZE = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
	guard(locals, 'people.manage');
	const db = getDb();
	const { tenantId } = locals.ctx;
	const [everyone, choices, provider] = await Promise.all([listAccounts(db, tenantId), editorChoices(tenantId), findIdentityProvider(db, tenantId)]);
	const query = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
	const matching = query ? everyone.filter(personMatcher(query)) : everyone;
	const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
	const requested = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	const pageNumber = Number.isFinite(requested) ? Math.min(Math.max(requested, 1), pages) : 1;
	const address = (page: number) => {
		const params = new URLSearchParams();
		if (query) params.set('q', query);
		if (page > 1) params.set('page', String(page));
		const search = params.toString();
		return `/admin/people${search ? `?${search}` : ''}`;
	};
	return {
		...choices,
		query,
		total: matching.length,
		first: matching.length ? (pageNumber - 1) * PAGE_SIZE + 1 : 0,
		people: matching.slice((pageNumber - 1) * PAGE_SIZE, pageNumber * PAGE_SIZE),
		previous: pageNumber > 1 ? address(pageNumber - 1) : null,
		next: pageNumber < pages ? address(pageNumber + 1) : null,
		provider: provider ? { issuer: provider.issuer, clientId: provider.clientId, displayName: provider.displayName, defaultRole: provider.defaultRole } : null,
		breadcrumbs: breadcrumbs(locals.locale, { href: '/admin/people', label: m.people_title({}, { locale: locals.locale }) })
	};
};

export const actions: Actions = peopleActions;
