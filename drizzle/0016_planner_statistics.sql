-- A plan's rows all share one tenant: without these the planner multiplies the two selectivities as if
-- independent and expects ~10 of a plan's 2,000 nodes, choosing nested loops (#15). Functional
-- dependencies tell it that plan_id determines tenant_id.
CREATE STATISTICS IF NOT EXISTS "nodes_tenant_plan_stats" (dependencies) ON "tenant_id", "plan_id" FROM "nodes";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "chapters_tenant_plan_stats" (dependencies) ON "tenant_id", "plan_id" FROM "chapters";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "follow_ups_tenant_plan_stats" (dependencies) ON "tenant_id", "plan_id" FROM "follow_ups";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "periods_tenant_plan_stats" (dependencies) ON "tenant_id", "plan_id" FROM "periods";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "audit_events_tenant_plan_stats" (dependencies) ON "tenant_id", "plan_id" FROM "audit_events";
