import { serviceProviderMetadata } from '$lib/server/identity/saml/saml-service-provider';
import { samlOrganisation } from '../organisation.server';
import type { RequestHandler } from './$types';

/** Styrkedjan's SP metadata for the organisation (its address is also the SP's entity id), to give the IdP. */
export const GET: RequestHandler = async ({ url, params, locals }) => {
	const { urls } = await samlOrganisation(params.org, url.origin, locals.locale, false);
	return new Response(serviceProviderMetadata(urls), {
		headers: { 'content-type': 'application/samlmetadata+xml; charset=utf-8', 'content-disposition': 'inline; filename="styrkedjan-sp-metadata.xml"' }
	});
};
