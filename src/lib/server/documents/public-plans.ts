import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { periods, plans } from '../db/schema';
import { findTenantBySlug, type Tenant } from '../organisation/organisation-repository';
import { isUuid } from '../shared/uuid';

/** An organisation's published plans, for its public index (readable without signing in). */
export async function listPublishedPlans(db: Db, slug: string): Promise<{ tenant: Tenant; plans: { id: string; title: string; startYear: number }[] } | undefined> {
	const tenant = await findTenantBySlug(db, slug);
	if (!tenant) return undefined;
	const rows = await db
		.select({ id: plans.id, title: plans.title, startYear: plans.startYear })
		.from(plans)
		.where(and(eq(plans.tenantId, tenant.id), isNotNull(plans.publishedAt)));
	const collator = new Intl.Collator('sv');
	return { tenant, plans: rows.sort((a, b) => b.startYear - a.startYear || collator.compare(a.title, b.title)) };
}

/** A published plan of the organisation with that public name, and its published periods; else undefined (as if it did not exist). */
export async function findPublishedPlan(db: Db, slug: string, planId: string) {
	if (!isUuid(planId)) return undefined;
	const tenant = await findTenantBySlug(db, slug);
	if (!tenant) return undefined;
	const [plan] = await db
		.select()
		.from(plans)
		.where(and(eq(plans.tenantId, tenant.id), eq(plans.id, planId), isNotNull(plans.publishedAt)));
	if (!plan) return undefined;
	const published = await db
		.select({ id: periods.id, name: periods.name })
		.from(periods)
		.where(and(eq(periods.tenantId, tenant.id), eq(periods.planId, plan.id), isNotNull(periods.publishedAt)))
		.orderBy(asc(periods.asOf));
	return { tenant, plan, periods: published };
}
