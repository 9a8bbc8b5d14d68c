import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accounts, people, roleAssignments, roleTitleHolders, roleTitles, units } from '../db/schema';
import { isUuid } from '../shared/uuid';

export type Account = typeof accounts.$inferSelect;

export async function findAccountByEmail(db: Db, tenantId: string, email: string): Promise<Account | undefined> {
	const [row] = await db
		.select()
		.from(accounts)
		.where(and(eq(accounts.tenantId, tenantId), eq(accounts.email, email.trim().toLowerCase())));
	return row;
}

export async function findAccount(db: Db, tenantId: string, accountId: string): Promise<Account | undefined> {
	if (!isUuid(accountId)) return undefined;
	const [row] = await db.select().from(accounts).where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, accountId)));
	return row;
}

/** Everyone with an account, with their roles and role titles: the people administration page. */
export async function listAccounts(db: Db, tenantId: string) {
	const [rows, assignments, titles] = await Promise.all([
		db
			.select({ account: accounts, personName: people.name })
			.from(accounts)
			.innerJoin(people, and(eq(people.tenantId, accounts.tenantId), eq(people.id, accounts.personId)))
			.where(eq(accounts.tenantId, tenantId)),
		db
			.select({ id: roleAssignments.id, accountId: roleAssignments.accountId, role: roleAssignments.role, unitId: units.id, unitName: units.name })
			.from(roleAssignments)
			.innerJoin(units, and(eq(units.tenantId, roleAssignments.tenantId), eq(units.id, roleAssignments.unitId)))
			.where(eq(roleAssignments.tenantId, tenantId)),
		db
			.select({ personId: roleTitleHolders.personId, roleTitleId: roleTitles.id, name: roleTitles.name })
			.from(roleTitleHolders)
			.innerJoin(roleTitles, and(eq(roleTitles.tenantId, roleTitleHolders.tenantId), eq(roleTitles.id, roleTitleHolders.roleTitleId)))
			.where(eq(roleTitleHolders.tenantId, tenantId))
	]);
	const collator = new Intl.Collator('sv');
	// Grouped once: looking them up per account was accounts × assignments (25 million comparisons at 5,000 people).
	const rolesOf = Map.groupBy(assignments, (assignment) => assignment.accountId);
	const titlesOf = Map.groupBy(titles, (title) => title.personId);
	return rows
		.map(({ account, personName }) => ({
			id: account.id,
			personId: account.personId,
			name: personName,
			email: account.email,
			disabled: account.disabled,
			hasPassword: account.passwordHash !== null,
			sso: account.oidcSubject !== null || account.samlSubject !== null,
			lastLoginAt: account.lastLoginAt,
			roles: rolesOf.get(account.id) ?? [],
			roleTitles: titlesOf.get(account.personId) ?? []
		}))
		.sort((a, b) => collator.compare(a.name, b.name));
}

export async function assignmentsOf(db: Db, tenantId: string, accountIds: string[]) {
	if (!accountIds.length) return [];
	return db
		.select()
		.from(roleAssignments)
		.where(and(eq(roleAssignments.tenantId, tenantId), inArray(roleAssignments.accountId, accountIds)));
}
