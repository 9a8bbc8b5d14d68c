import { getDb } from '$lib/server/app/runtime';
import { listAccounts } from '$lib/server/identity/account-repository';
import { guard } from '$lib/server/http/guard';
import { found } from '$lib/server/http/run-action';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import { editorChoices, peopleActions } from '../people.server';
import type { Actions, PageServerLoad } from './$types';

/** One person's roles, titles and account on a page of their own: the edit dialog without scripts. */
export const load: PageServerLoad = async ({ locals, params }) => {
	guard(locals, 'people.manage');
	const { tenantId } = locals.ctx;
	const [everyone, choices] = await Promise.all([listAccounts(getDb(), tenantId), editorChoices(tenantId)]);
	const person = found(
		everyone.find((candidate) => candidate.id === params.accountId),
		locals.locale
	);
	return {
		...choices,
		person,
		breadcrumbs: breadcrumbs(locals.locale, { href: '/admin/people', label: m.people_title({}, { locale: locals.locale }) }, { href: `/admin/people/${person.id}`, label: person.name })
	};
};

export const actions: Actions = peopleActions;
