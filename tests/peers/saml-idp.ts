import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';

/**
 * A real SAML 2.0 identity provider on this machine, for tests only: it publishes metadata with its
 * signing certificate, takes an AuthnRequest by the HTTP-Redirect binding, shows a one-field login
 * form (any user name is accepted) and answers by the HTTP-POST binding with a response whose
 * assertion it signs with xml-crypto (the library node-saml checks signatures with). `mintResponse`
 * makes responses directly, including broken ones, for the database and security tests.
 *
 * The key pairs in fixtures/ are TEST MATERIAL ONLY (self-signed, committed on purpose): the IdP's
 * signing pair and a "federation" pair that signs metadata documents.
 */

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
export const IDP_KEY = fixture('saml-idp-test-only.key.pem');
export const IDP_CERT = fixture('saml-idp-test-only.cert.pem');
export const FEDERATION_KEY = fixture('saml-federation-test-only.key.pem');
export const FEDERATION_CERT = fixture('saml-federation-test-only.cert.pem');
/** A key no metadata names: what a forger signs with. */
const STRANGER_KEY = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const base64Of = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const id = () => `_${crypto.randomBytes(16).toString('hex')}`;
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

/** Signs the element `xpath` selects with an enveloped signature placed at `location`. */
function sign(xml: string, privateKey: string, publicCert: string | undefined, xpath: string, location: { reference: string; action: 'append' | 'prepend' | 'before' | 'after' }): string {
	const signer = new SignedXml({ privateKey, publicCert, signatureAlgorithm: RSA_SHA256, canonicalizationAlgorithm: EXC_C14N });
	signer.addReference({ xpath, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: SHA256 });
	signer.computeSignature(xml, { location });
	return signer.getSignedXml();
}

export interface MetadataOptions {
	entityId: string;
	ssoUrl: string;
	/** Leave out the signing certificate ("unsigned" metadata). */
	withoutCertificate?: boolean;
	/** Offer only the HTTP-POST binding. */
	postOnly?: boolean;
	/** Sign the document itself: by the federation's key, or by a stranger's. */
	signedBy?: 'federation' | 'stranger';
	/** Change the document after signing. */
	tamperAfterSigning?: boolean;
}

/** IdP metadata as a federation or an ADFS publishes it. */
export function idpMetadata(options: MetadataOptions): string {
	const key = options.withoutCertificate
		? ''
		: `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${base64Of(IDP_CERT)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
	const binding = options.postOnly ? 'HTTP-POST' : 'HTTP-Redirect';
	let xml =
		`<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" ID="${id()}" entityID="${escape(options.entityId)}">` +
		`<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAuthnRequestsSigned="false">${key}` +
		`<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>` +
		`<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:${binding}" Location="${escape(options.ssoUrl)}"/>` +
		`</md:IDPSSODescriptor></md:EntityDescriptor>`;
	if (options.signedBy) {
		xml = sign(xml, options.signedBy === 'federation' ? FEDERATION_KEY : STRANGER_KEY, undefined, "/*[local-name(.)='EntityDescriptor']", { reference: "/*[local-name(.)='EntityDescriptor']", action: 'prepend' });
	}
	if (options.tamperAfterSigning) xml = xml.replace(escape(options.ssoUrl), escape(options.ssoUrl.replace('/sso', '/elsewhere')));
	return xml;
}

export interface ResponseOptions {
	issuer: string;
	/** Where the response is posted (the SP's assertion consumer service). */
	acs: string;
	/** The SP's entity id, named as the assertion's audience. */
	audience: string;
	inResponseTo?: string;
	nameId: string;
	nameIdFormat?: string;
	email?: string;
	name?: string;
	/** Valid until this many minutes from now (negative: already expired). */
	validMinutes?: number;
	assertionId?: string;
	/** Change the e-mail after signing. */
	tamper?: boolean;
	/** No signature at all; or one by a key the metadata does not name. */
	signature?: 'idp' | 'none' | 'stranger';
}

/** A SAMLResponse (base64, as posted) with one assertion, signed as asked. */
export function mintResponse(options: ResponseOptions): string {
	const now = Date.now();
	const instant = new Date(now).toISOString();
	const notBefore = new Date(now - 60_000 + Math.min(0, options.validMinutes ?? 0) * 60_000).toISOString();
	const notOnOrAfter = new Date(now + (options.validMinutes ?? 5) * 60_000).toISOString();
	const inResponseTo = options.inResponseTo ? ` InResponseTo="${escape(options.inResponseTo)}"` : '';
	const attributes = [
		options.email && ['urn:oid:0.9.2342.19200300.100.1.3', options.email],
		options.name && ['urn:oid:2.16.840.1.113730.3.1.241', options.name]
	]
		.filter((entry): entry is string[] => Boolean(entry))
		.map(([name, value]) => `<saml:Attribute Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue>${escape(value)}</saml:AttributeValue></saml:Attribute>`)
		.join('');
	const assertionId = options.assertionId ?? id();
	let assertion =
		`<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${assertionId}" Version="2.0" IssueInstant="${instant}">` +
		`<saml:Issuer>${escape(options.issuer)}</saml:Issuer>` +
		`<saml:Subject><saml:NameID Format="${options.nameIdFormat ?? 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'}">${escape(options.nameId)}</saml:NameID>` +
		`<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${inResponseTo} NotOnOrAfter="${notOnOrAfter}" Recipient="${escape(options.acs)}"/></saml:SubjectConfirmation></saml:Subject>` +
		`<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${escape(options.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
		`<saml:AuthnStatement AuthnInstant="${instant}" SessionIndex="${id()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
		(attributes ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` : '') +
		`</saml:Assertion>`;
	const signature = options.signature ?? 'idp';
	if (signature !== 'none') {
		assertion = sign(assertion, signature === 'idp' ? IDP_KEY : STRANGER_KEY, signature === 'idp' ? IDP_CERT : undefined, "/*[local-name(.)='Assertion']", {
			reference: "/*[local-name(.)='Assertion']/*[local-name(.)='Issuer']",
			action: 'after'
		});
	}
	if (options.tamper && options.email) assertion = assertion.replace(escape(options.email), escape(`admin@${options.email.split('@')[1]}`));
	const response =
		`<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id()}" Version="2.0" IssueInstant="${instant}" Destination="${escape(options.acs)}"${inResponseTo}>` +
		`<saml:Issuer>${escape(options.issuer)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
		assertion +
		`</samlp:Response>`;
	return Buffer.from(response, 'utf8').toString('base64');
}

/** What an AuthnRequest sent by redirect asks: its id, where to answer, who asks. */
export function readAuthnRequest(samlRequest: string): { id: string; acs: string; issuer: string } {
	const xml = zlib.inflateRawSync(Buffer.from(samlRequest, 'base64')).toString('utf8');
	const request = new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
	const issuer = request.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'Issuer')[0]?.textContent ?? '';
	return { id: request.getAttribute('ID') ?? '', acs: request.getAttribute('AssertionConsumerServiceURL') ?? '', issuer };
}

export interface SamlIdp {
	/** The IdP's base address; its metadata is at `${url}/metadata`, signed by the federation at `${url}/metadata/signed`. */
	url: string;
	entityId: string;
	metadataUrl: string;
	close(): Promise<void>;
}

const page = (title: string, body: string) =>
	`<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

/** Starts the IdP; users sign in as `<name>` and are sent as `<name>@<emailDomain>`, named "Saml <name>". */
export async function startSamlIdp(emailDomain: string, port = 0): Promise<SamlIdp> {
	let base = '';
	const server = http.createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', base);
		const answer = (status: number, type: string, body: string) => response.writeHead(status, { 'content-type': type }).end(body);
		if (request.method === 'GET' && (url.pathname === '/metadata' || url.pathname === '/metadata/signed')) {
			const signed = url.pathname.endsWith('/signed') ? ('federation' as const) : undefined;
			return answer(200, 'application/samlmetadata+xml', idpMetadata({ entityId: `${base}/metadata`, ssoUrl: `${base}/sso`, signedBy: signed }));
		}
		if (request.method === 'GET' && url.pathname === '/sso') {
			let asked;
			try {
				asked = readAuthnRequest(url.searchParams.get('SAMLRequest') ?? '');
			} catch {
				return answer(400, 'text/plain', 'Unreadable SAMLRequest');
			}
			const carried = Buffer.from(JSON.stringify({ ...asked, relayState: url.searchParams.get('RelayState') ?? '' })).toString('base64');
			return answer(
				200,
				'text/html; charset=utf-8',
				page(
					'Test-IdP: logga in',
					`<form method="post" action="/sso"><input type="hidden" name="request" value="${carried}"><label for="username">Användarnamn</label> <input id="username" name="username" required> <button type="submit">Logga in hos test-IdP</button></form>`
				)
			);
		}
		if (request.method === 'POST' && url.pathname === '/sso') {
			const chunks: Buffer[] = [];
			for await (const chunk of request) chunks.push(chunk as Buffer);
			const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
			const asked = JSON.parse(Buffer.from(form.get('request') ?? '', 'base64').toString('utf8')) as { id: string; acs: string; issuer: string; relayState: string };
			const user = (form.get('username') ?? '').trim().toLowerCase();
			const samlResponse = mintResponse({
				issuer: `${base}/metadata`,
				acs: asked.acs,
				audience: asked.issuer,
				inResponseTo: asked.id,
				nameId: `${user}-persistent-id`,
				email: `${user}@${emailDomain}`,
				name: `Saml ${user}`
			});
			return answer(
				200,
				'text/html; charset=utf-8',
				page(
					'Test-IdP: skickar svaret',
					`<form method="post" action="${escape(asked.acs)}"><input type="hidden" name="SAMLResponse" value="${samlResponse}"><input type="hidden" name="RelayState" value="${escape(asked.relayState)}"><button type="submit">Fortsätt</button></form><script>document.forms[0].submit()</script>`
				)
			);
		}
		answer(404, 'text/plain', 'Not found');
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const address = server.address() as { port: number };
	base = `http://127.0.0.1:${address.port}`;
	return {
		url: base,
		entityId: `${base}/metadata`,
		metadataUrl: `${base}/metadata`,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
