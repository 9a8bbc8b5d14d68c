import { z } from 'zod';
import type { Db } from '../db/client';
import { accounts, people, roleAssignments, ROLES } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { findUnit, listUnits } from '../organisation/organisation-repository';
import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { findAccountByEmail } from './account-repository';
import { checkPasswordStrength, hashPassword } from './passwords';

export const addAccountInput = z.object({
	email: z.email().transform((email) => email.trim().toLowerCase()),
	name: z.string().trim().min(1).max(200),
	role: z.enum(ROLES),
	/** The unit the role is held on; the organisation's top unit when left out. */
	unitId: z.uuid().optional(),
	password: z.string().optional(),
	oidcSubject: z.string().min(1).max(255).optional(),
	samlSubject: z.string().min(1).max(1024).optional()
});

export const accountLabels = {
	email: { sv: 'E-post', en: 'Email' },
	name: { sv: 'Namn', en: 'Name' },
	role: { sv: 'Roll', en: 'Role' },
	unitId: { sv: 'Enhet', en: 'Unit' },
	password: { sv: 'Lösenord', en: 'Password' }
};

/** A person with an account and a first role. Without a password they sign in by a link or SSO. */
export async function addAccount(db: Db, ctx: Ctx, input: unknown) {
	const data = parseInput(addAccountInput, input, accountLabels);
	if (data.password !== undefined) checkPasswordStrength(data.password);
	const passwordHash = data.password === undefined ? null : await hashPassword(data.password);
	return db.transaction(async (tx) => {
		if (await findAccountByEmail(tx, ctx.tenantId, data.email)) {
			throw new DomainError('error_email_taken', { email: data.email }, { field: 'email', status: 409 });
		}
		const unitId = data.unitId ?? (await listUnits(tx, ctx.tenantId)).find((unit) => unit.parentId === null)?.id;
		if (!unitId || !(await findUnit(tx, ctx.tenantId, unitId))) throw new DomainError('error_not_found', {}, { field: 'unitId', status: 404 });
		const [person] = await tx.insert(people).values({ tenantId: ctx.tenantId, name: data.name, email: data.email }).returning();
		const [account] = await tx
			.insert(accounts)
			.values({ tenantId: ctx.tenantId, personId: person.id, email: data.email, passwordHash, oidcSubject: data.oidcSubject ?? null, samlSubject: data.samlSubject ?? null })
			.returning();
		await tx.insert(roleAssignments).values({ tenantId: ctx.tenantId, accountId: account.id, unitId, role: data.role });
		await recordAudit(tx, ctx, {
			action: 'account.create',
			entityType: 'account',
			entityId: account.id,
			after: { name: data.name, email: data.email, role: data.role, unitId, sso: Boolean(data.oidcSubject || data.samlSubject) }
		});
		return account;
	});
}
