import { getDb } from '$lib/server/app/runtime';
import { listAccounts } from '$lib/server/identity/account-repository';
import { addAccount } from '$lib/server/identity/add-account';
import { assignRole } from '$lib/server/identity/assign-role';
import { removeRole } from '$lib/server/identity/remove-role';
import { holdRoleTitle } from '$lib/server/identity/hold-role-title';
import { sendInvitation } from '$lib/server/identity/password-links';
import { setAccountDisabled } from '$lib/server/identity/set-account-disabled';
import { findIdentityProvider, setIdentityProvider } from '$lib/server/identity/oidc';
import { listRoleTitles, listUnits } from '$lib/server/organisation/organisation-repository';
import { unitTree } from '$lib/server/presenters/unit-tree';
import { ROLES } from '$lib/server/db/schema';
import { authorize } from '$lib/server/policies';
import { guard } from '$lib/server/http/guard';
import { runAction } from '$lib/server/http/run-action';
import { formFields } from '$lib/server/http/form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	guard(locals, 'people.manage');
	const db = getDb();
	const [people, units, titles, provider] = await Promise.all([
		listAccounts(db, locals.ctx.tenantId),
		listUnits(db, locals.ctx.tenantId),
		listRoleTitles(db, locals.ctx.tenantId),
		findIdentityProvider(db, locals.ctx.tenantId)
	]);
	const collator = new Intl.Collator('sv');
	return {
		people,
		units: unitTree(units),
		roles: [...ROLES],
		roleTitles: titles.map((title) => title.name).sort(collator.compare),
		provider: provider ? { issuer: provider.issuer, clientId: provider.clientId, displayName: provider.displayName, defaultRole: provider.defaultRole } : null
	};
};

/** Every change on this page: authorise, run, answer with what the form needs to show. */
async function manage(event: RequestEvent, command: (form: FormData) => Promise<unknown>, done?: Record<string, unknown>) {
	const form = await event.request.formData();
	const result = await runAction(event.locals.locale, async () => {
		authorize(event.locals.ctx.actor, 'people.manage');
		await command(form);
	}, Object.fromEntries([...form.entries()].filter(([key]) => key !== 'clientSecret').map(([key, value]) => [key, String(value)])));
	return result ?? done ?? { saved: true };
}

export const actions: Actions = {
	invite: (event) =>
		manage(
			event,
			async (form) => {
				const values = formFields(form, ['name', 'email', 'role', 'unitId']);
				const account = await addAccount(getDb(), event.locals.ctx, values);
				await sendInvitation(getDb(), event.locals.ctx.tenantId, account.id, account.email, event.locals.ctx.actor.name, event.url.origin);
			},
			{ invited: true }
		),
	addRole: (event) =>
		manage(event, (form) => assignRole(getDb(), event.locals.ctx, String(form.get('accountId') ?? ''), formFields(form, ['role', 'unitId']))),
	removeRole: (event) => manage(event, (form) => removeRole(getDb(), event.locals.ctx, String(form.get('assignmentId') ?? ''))),
	holdTitle: (event) =>
		manage(event, (form) => holdRoleTitle(getDb(), event.locals.ctx, String(form.get('personId') ?? ''), String(form.get('title') ?? ''), true)),
	releaseTitle: (event) =>
		manage(event, (form) => holdRoleTitle(getDb(), event.locals.ctx, String(form.get('personId') ?? ''), String(form.get('title') ?? ''), false)),
	disable: (event) => manage(event, (form) => setAccountDisabled(getDb(), event.locals.ctx, String(form.get('accountId') ?? ''), true)),
	enable: (event) => manage(event, (form) => setAccountDisabled(getDb(), event.locals.ctx, String(form.get('accountId') ?? ''), false)),
	setSso: (event) =>
		manage(event, (form) => setIdentityProvider(getDb(), event.locals.ctx, formFields(form, ['issuer', 'clientId', 'clientSecret', 'displayName', 'defaultRole'])))
};
