import { X509Certificate } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { getVerifiedXml, xpath } from '@node-saml/node-saml/lib/xml';
import { DomainError } from '../../shared/domain-error';

/** Metadata larger than this is refused before it is parsed (one IdP's metadata is a few kB; a federation's aggregate is not what is asked for). */
export const MAX_METADATA_BYTES = 256 * 1024;

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const SAML2 = 'urn:oasis:names:tc:SAML:2.0:protocol';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/** What Styrkedjan keeps of an identity provider's metadata. */
export interface IdpMetadata {
	entityId: string;
	/** The single sign-on address for the HTTP-Redirect binding (the AuthnRequest is sent by redirect). */
	ssoUrl: string;
	/** Signing certificates, base64 DER as in the metadata. */
	certificates: string[];
	/** Whether the document's own signature was checked against the federation's certificate. */
	signature: 'verified' | 'unchecked' | 'none';
}

export interface MetadataOptions {
	/** The federation's (or operator's) metadata signing certificate, PEM or base64: the document must then carry a valid signature by it. */
	federationCertificate?: string;
	/** The form field the metadata came from, so the refusal is shown beside it. */
	field?: string;
	now?: Date;
}

/** A certificate as base64 DER, or undefined when it is not one. */
export function certificateBase64(text: string): string | undefined {
	const base64 = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
	if (!base64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
	try {
		new X509Certificate(Buffer.from(base64, 'base64'));
		return base64;
	} catch {
		return undefined;
	}
}

export function certificatePem(base64: string): string {
	return `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}

const isHttpsOrLocal = (address: string) => {
	try {
		const url = new URL(address);
		return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
	} catch {
		return false;
	}
};

/**
 * Reads an identity provider's SAML 2.0 metadata, refusing what could not be used safely: a document
 * over 256 kB, one with a DTD (entities), malformed XML, no IdP (or several), no single sign-on
 * address for the redirect binding, no signing certificate (then assertions could not be checked), an
 * expired document. When a federation certificate is given, the document must be signed by it
 * (checked by node-saml's xml-crypto verification: one enveloped reference to the root), and only
 * the signed content is read.
 */
export async function parseIdpMetadata(xml: string, options: MetadataOptions = {}): Promise<IdpMetadata> {
	const refuse = (code: string, params: Record<string, string> = {}) => new DomainError(`error_saml_metadata_${code}`, params, { field: options.field });
	if (Buffer.byteLength(xml, 'utf8') > MAX_METADATA_BYTES) throw refuse('too_large', { max: '256 kB' });
	if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw refuse('malformed');
	let root = await documentElement(xml);
	if (!root || root.namespaceURI !== MD || !['EntityDescriptor', 'EntitiesDescriptor'].includes(root.localName)) throw refuse('malformed');

	const signed = xpath.selectElements(root, `./*[local-name()='Signature' and namespace-uri()='${DS}']`).length > 0;
	let signature: IdpMetadata['signature'] = signed ? 'unchecked' : 'none';
	if (options.federationCertificate?.trim()) {
		const federation = certificateBase64(options.federationCertificate);
		if (!federation) throw new DomainError('error_saml_federation_certificate_invalid', {}, { field: 'federationCertificate' });
		if (!signed) throw refuse('not_signed');
		let verified: string | null = null;
		try {
			verified = getVerifiedXml(xml, root, [certificatePem(federation)]);
		} catch {
			verified = null;
		}
		if (!verified) throw refuse('bad_signature');
		// Only what the signature covers is read from here on.
		root = await documentElement(verified);
		if (!root) throw refuse('malformed');
		signature = 'verified';
	}

	const validUntil = root.getAttribute('validUntil');
	if (validUntil && Date.parse(validUntil) <= (options.now ?? new Date()).getTime()) throw refuse('expired', { date: validUntil });

	const idps = xpath
		.selectElements(root, `descendant-or-self::*[local-name()='IDPSSODescriptor' and namespace-uri()='${MD}']`)
		.filter((idp) => (idp.getAttribute('protocolSupportEnumeration') ?? '').split(/\s+/).includes(SAML2));
	if (idps.length === 0) throw refuse('no_idp');
	if (idps.length > 1) throw refuse('several_idps');
	const [idp] = idps;
	const entity = idp.parentNode as Element | null;
	const entityId = entity?.localName === 'EntityDescriptor' ? entity.getAttribute('entityID')?.trim() : undefined;
	if (!entityId || entityId.length > 1024) throw refuse('no_idp');

	const ssoUrl = xpath
		.selectElements(idp, `./*[local-name()='SingleSignOnService' and namespace-uri()='${MD}']`)
		.filter((service) => service.getAttribute('Binding') === REDIRECT)
		.map((service) => service.getAttribute('Location')?.trim() ?? '')
		.find((location) => location.length <= 2048 && isHttpsOrLocal(location));
	if (!ssoUrl) throw refuse('no_sso');

	const keys = xpath
		.selectElements(idp, `./*[local-name()='KeyDescriptor' and namespace-uri()='${MD}']`)
		.filter((key) => !key.getAttribute('use') || key.getAttribute('use') === 'signing');
	const texts = keys.flatMap((key) => xpath.selectElements(key, `.//*[local-name()='X509Certificate' and namespace-uri()='${DS}']`).map((element) => element.textContent ?? ''));
	if (texts.length === 0) throw refuse('unsigned');
	const certificates = texts.map(certificateBase64);
	if (certificates.some((certificate) => certificate === undefined)) throw refuse('certificate_invalid');
	return { entityId, ssoUrl, certificates: [...new Set(certificates as string[])], signature };
}

/** The document's root, parsed by xmldom (node-saml's parser); anything it warns about (an unclosed tag, an unknown entity) is malformed. */
async function documentElement(xml: string): Promise<Element | undefined> {
	let malformed = false;
	const flag = () => {
		malformed = true;
	};
	try {
		const doc = new DOMParser({ locator: {}, errorHandler: { warning: flag, error: flag, fatalError: flag } }).parseFromString(xml, 'text/xml');
		return malformed ? undefined : ((doc.documentElement as unknown as Element | null) ?? undefined);
	} catch {
		return undefined;
	}
}
