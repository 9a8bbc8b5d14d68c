ALTER TABLE "nodes" ADD COLUMN "source_node_id" uuid;--> statement-breakpoint
ALTER TABLE "nodes" ADD COLUMN "source_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "parent_plan_id" uuid;--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_tenant_id_source_node_id_nodes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","source_node_id") REFERENCES "public"."nodes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_tenant_id_parent_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "nodes_anchor_idx" ON "nodes" USING btree ("tenant_id","plan_id","source_node_id");--> statement-breakpoint
CREATE INDEX "nodes_source_idx" ON "nodes" USING btree ("tenant_id","source_node_id");--> statement-breakpoint
CREATE INDEX "plans_parent_idx" ON "plans" USING btree ("tenant_id","parent_plan_id");