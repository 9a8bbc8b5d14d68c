import { getDb } from '$lib/server/app/runtime';
import { addAccount } from '$lib/server/identity/add-account';
import { assignRole } from '$lib/server/identity/assign-role';
import { removeRole } from '$lib/server/identity/remove-role';
import { holdRoleTitle } from '$lib/server/identity/hold-role-title';
import { sendInvitation } from '$lib/server/identity/password-links';
import { setAccountDisabled } from '$lib/server/identity/set-account-disabled';
import { setIdentityProvider } from '$lib/server/identity/oidc';
import { listRoleTitles, listUnits } from '$lib/server/organisation/organisation-repository';
import { unitTree } from '$lib/server/presenters/unit-tree';
import { ROLES } from '$lib/server/db/schema';
import { authorize } from '$lib/server/policies';
import { runAction } from '$lib/server/http/run-action';
import { formFields } from '$lib/server/http/form';
import type { RequestEvent } from '@sveltejs/kit';

/** What editing a person needs besides the person: the units and roles to choose from, the titles in use. */
export async function editorChoices(tenantId: string) {
	const db = getDb();
	const [units, titles] = await Promise.all([listUnits(db, tenantId), listRoleTitles(db, tenantId)]);
	const collator = new Intl.Collator('sv');
	return { units: unitTree(units), roles: [...ROLES], roleTitles: titles.map((title) => title.name).sort(collator.compare) };
}

/** Every change to people: authorise, run, answer with what the form needs to show. */
async function manage(event: RequestEvent, command: (form: FormData) => Promise<unknown>, done?: Record<string, unknown>) {
	const form = await event.request.formData();
	const result = await runAction(event.locals.locale, async () => {
		authorize(event.locals.ctx.actor, 'people.manage');
		await command(form);
	}, Object.fromEntries([...form.entries()].filter(([key]) => key !== 'clientSecret').map(([key, value]) => [key, String(value)])));
	return result ?? done ?? { saved: true, accountId: String(form.get('accountId') ?? '') };
}

/** The actions of the people page and of a person's own edit page (the dialog's forms post to either). */
export const peopleActions = {
	invite: (event: RequestEvent) =>
		manage(
			event,
			async (form) => {
				const values = formFields(form, ['name', 'email', 'role', 'unitId']);
				const account = await addAccount(getDb(), event.locals.ctx, values);
				await sendInvitation(getDb(), event.locals.ctx.tenantId, account.id, account.email, event.locals.ctx.actor.name, event.url.origin);
			},
			{ invited: true }
		),
	addRole: (event: RequestEvent) =>
		manage(event, (form) => assignRole(getDb(), event.locals.ctx, String(form.get('accountId') ?? ''), formFields(form, ['role', 'unitId']))),
	removeRole: (event: RequestEvent) => manage(event, (form) => removeRole(getDb(), event.locals.ctx, String(form.get('assignmentId') ?? ''))),
	holdTitle: (event: RequestEvent) =>
		manage(event, (form) => holdRoleTitle(getDb(), event.locals.ctx, String(form.get('personId') ?? ''), String(form.get('title') ?? ''), true)),
	releaseTitle: (event: RequestEvent) =>
		manage(event, (form) => holdRoleTitle(getDb(), event.locals.ctx, String(form.get('personId') ?? ''), String(form.get('title') ?? ''), false)),
	disable: (event: RequestEvent) => manage(event, (form) => setAccountDisabled(getDb(), event.locals.ctx, String(form.get('accountId') ?? ''), true)),
	enable: (event: RequestEvent) => manage(event, (form) => setAccountDisabled(getDb(), event.locals.ctx, String(form.get('accountId') ?? ''), false)),
	setSso: (event: RequestEvent) =>
		manage(event, (form) => setIdentityProvider(getDb(), event.locals.ctx, formFields(form, ['issuer', 'clientId', 'clientSecret', 'displayName', 'defaultRole'])))
};
