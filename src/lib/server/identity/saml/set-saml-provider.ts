import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { ROLES, samlProviders } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import type { Ctx } from '../../shared/context';
import { DomainError } from '../../shared/domain-error';
import { parseInput } from '../../shared/parse-input';
import { fetchIdpMetadata } from './fetch-idp-metadata';
import { MAX_METADATA_BYTES, parseIdpMetadata, type IdpMetadata } from './parse-idp-metadata';

const optional = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.optional()
		.transform((value) => value || undefined);

const samlProviderInput = z.object({
	metadataUrl: optional(2048),
	metadataXml: optional(MAX_METADATA_BYTES * 2),
	federationCertificate: optional(20_000),
	displayName: z.string().trim().min(1).max(100).default('Logga in med organisationens konto (SAML)'),
	defaultRole: z.enum(ROLES).default('reader'),
	emailAttribute: z.string().trim().min(1).max(300).default('urn:oid:0.9.2342.19200300.100.1.3'),
	nameAttribute: z.string().trim().min(1).max(300).default('urn:oid:2.16.840.1.113730.3.1.241')
});

export const samlProviderLabels = {
	metadataUrl: { sv: 'Adress till metadata', en: 'Metadata address' },
	metadataXml: { sv: 'Metadata (XML)', en: 'Metadata (XML)' },
	federationCertificate: { sv: 'Federationens certifikat för metadata', en: "The federation's metadata certificate" },
	displayName: { sv: 'Knapptext', en: 'Button text' },
	defaultRole: { sv: 'Roll vid första inloggning', en: 'Role at first sign-in' },
	emailAttribute: { sv: 'Attribut för e-post', en: 'E-mail attribute' },
	nameAttribute: { sv: 'Attribut för namn', en: 'Name attribute' }
};

/**
 * Sets (or replaces) the organisation's SAML identity provider from its metadata: fetched from its
 * address or pasted, read and checked by `parseIdpMetadata` before anything is written (the fetch
 * happens outside the transaction). Returns what was read, so the page can say whether the
 * document's signature was checked.
 */
export async function setSamlProvider(db: Db, ctx: Ctx, input: unknown): Promise<IdpMetadata> {
	const data = parseInput(samlProviderInput, input, samlProviderLabels);
	if (!data.metadataUrl && !data.metadataXml) throw new DomainError('error_saml_metadata_missing', {}, { field: 'metadataUrl' });
	const metadataXml = data.metadataUrl ? await fetchIdpMetadata(data.metadataUrl) : data.metadataXml!;
	const metadata = await parseIdpMetadata(metadataXml, { federationCertificate: data.federationCertificate, field: data.metadataUrl ? 'metadataUrl' : 'metadataXml' });
	const row = {
		tenantId: ctx.tenantId,
		entityId: metadata.entityId,
		ssoUrl: metadata.ssoUrl,
		certificates: metadata.certificates,
		metadataUrl: data.metadataUrl ?? null,
		metadataXml,
		displayName: data.displayName,
		defaultRole: data.defaultRole,
		emailAttribute: data.emailAttribute,
		nameAttribute: data.nameAttribute
	};
	await db.transaction(async (tx) => {
		await tx.delete(samlProviders).where(eq(samlProviders.tenantId, ctx.tenantId));
		await tx.insert(samlProviders).values(row);
		await recordAudit(tx, ctx, {
			action: 'saml_provider.set',
			entityType: 'tenant',
			entityId: ctx.tenantId,
			after: { entityId: metadata.entityId, ssoUrl: metadata.ssoUrl, metadataUrl: row.metadataUrl, signature: metadata.signature, defaultRole: data.defaultRole }
		});
	});
	return metadata;
}
