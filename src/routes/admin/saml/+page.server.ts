import { X509Certificate } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { findSamlProvider } from '$lib/server/identity/saml/saml-providers';
import { setSamlProvider } from '$lib/server/identity/saml/set-saml-provider';
import { removeSamlProvider } from '$lib/server/identity/saml/remove-saml-provider';
import { serviceProviderUrls } from '$lib/server/identity/saml/saml-service-provider';
import { ROLES } from '$lib/server/db/schema';
import { authorize } from '$lib/server/policies';
import { guard } from '$lib/server/http/guard';
import { runAction } from '$lib/server/http/run-action';
import { formFields } from '$lib/server/http/form';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['metadataUrl', 'metadataXml', 'federationCertificate', 'displayName', 'defaultRole', 'emailAttribute', 'nameAttribute'] as const;

/** A certificate as an administrator checks it against the IdP's: subject, valid to, SHA-256 fingerprint. */
function describeCertificate(base64: string) {
	try {
		const certificate = new X509Certificate(Buffer.from(base64, 'base64'));
		return { subject: certificate.subject.replace(/\n/g, ', '), validTo: new Date(certificate.validTo).toISOString().slice(0, 10), fingerprint: certificate.fingerprint256 };
	} catch {
		return { subject: '?', validTo: '?', fingerprint: '?' };
	}
}

export const load: PageServerLoad = async ({ locals, url }) => {
	guard(locals, 'people.manage');
	const provider = await findSamlProvider(getDb(), locals.ctx.tenantId);
	return {
		sp: serviceProviderUrls(url.origin, locals.tenant.slug),
		roles: [...ROLES],
		provider: provider
			? {
					entityId: provider.entityId,
					ssoUrl: provider.ssoUrl,
					metadataUrl: provider.metadataUrl,
					displayName: provider.displayName,
					defaultRole: provider.defaultRole,
					emailAttribute: provider.emailAttribute,
					nameAttribute: provider.nameAttribute,
					certificates: provider.certificates.map(describeCertificate)
				}
			: null,
		done: url.searchParams.get('done'),
		breadcrumbs: breadcrumbs(locals.locale, { href: '/admin/saml', label: m.saml_title({}, { locale: locals.locale }) })
	};
};

export const actions: Actions = {
	set: async ({ request, locals }) => {
		const values = formFields(await request.formData(), FIELDS);
		let signature = '';
		const result = await runAction(
			locals.locale,
			async () => {
				authorize(locals.ctx.actor, 'people.manage');
				signature = (await setSamlProvider(getDb(), locals.ctx, values)).signature;
			},
			values
		);
		if (result) return result;
		redirect(303, `/admin/saml?done=${signature}`);
	},
	remove: async ({ locals }) => {
		const result = await runAction(locals.locale, async () => {
			authorize(locals.ctx.actor, 'people.manage');
			await removeSamlProvider(getDb(), locals.ctx);
		});
		if (result) return result;
		redirect(303, '/admin/saml?done=removed');
	}
};
