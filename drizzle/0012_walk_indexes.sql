DROP INDEX "audit_events_at_idx";--> statement-breakpoint
CREATE INDEX "nodes_parent_idx" ON "nodes" USING btree ("tenant_id","parent_id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("tenant_id","at","id");