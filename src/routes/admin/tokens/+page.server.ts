import { getDb } from '$lib/server/app/runtime';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/identity/api-tokens';
import { authorize } from '$lib/server/policies';
import { guard } from '$lib/server/http/guard';
import { runAction } from '$lib/server/http/run-action';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	guard(locals, 'tokens.manage');
	return {
		tokens: await listApiTokens(getDb(), locals.ctx.tenantId),
		breadcrumbs: breadcrumbs(locals.locale, { href: '/admin/tokens', label: m.tokens_title({}, { locale: locals.locale }) })
	};
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const name = String((await request.formData()).get('name') ?? '');
		const result = await runAction(locals.locale, async () => {
			authorize(locals.ctx.actor, 'tokens.manage');
			return createApiToken(getDb(), locals.ctx, { name });
		});
		// The token is in this one response only; it is never stored or shown again.
		return 'token' in result ? { created: { name, token: result.token } } : result;
	},
	revoke: async ({ request, locals }) => {
		const id = String((await request.formData()).get('tokenId') ?? '');
		return runAction(locals.locale, async () => {
			authorize(locals.ctx.actor, 'tokens.manage');
			await revokeApiToken(getDb(), locals.ctx, id);
		});
	}
};
