CREATE TABLE "audit_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"plan_id" uuid,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "audit_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "chapters" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chapters_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"preset" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "frameworks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"node_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"direction" text DEFAULT 'none' NOT NULL,
	"target_kind" text DEFAULT 'none' NOT NULL,
	"target_comparison" text,
	"target_value" numeric,
	"target_change" text,
	"baseline_value" numeric,
	"baseline_label" text,
	"kolada_kpi" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "indicators_kind_check" CHECK ("indicators"."kind" in ('yes_no', 'number', 'percent')),
	CONSTRAINT "indicators_target_kind_check" CHECK ("indicators"."target_kind" in ('none', 'value', 'change'))
);
--> statement-breakpoint
CREATE TABLE "level_children" (
	"tenant_id" uuid NOT NULL,
	"parent_level_id" uuid NOT NULL,
	"child_level_id" uuid NOT NULL,
	CONSTRAINT "level_children_tenant_id_parent_level_id_child_level_id_pk" PRIMARY KEY("tenant_id","parent_level_id","child_level_id")
);
--> statement-breakpoint
CREATE TABLE "levels" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"name_sv" text NOT NULL,
	"name_plural_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"name_plural_en" text NOT NULL,
	"is_root" boolean DEFAULT false NOT NULL,
	"follow_up" text DEFAULT 'none' NOT NULL,
	"document_style" text DEFAULT 'heading' NOT NULL,
	"table_columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "levels_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "levels_follow_up_check" CHECK ("levels"."follow_up" in ('status', 'assessment', 'none')),
	CONSTRAINT "levels_document_style_check" CHECK ("levels"."document_style" in ('heading', 'table_row'))
);
--> statement-breakpoint
CREATE TABLE "node_boards" (
	"tenant_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "node_boards_tenant_id_node_id_unit_id_pk" PRIMARY KEY("tenant_id","node_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "node_links" (
	"tenant_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"parent_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "node_links_tenant_id_node_id_parent_id_pk" PRIMARY KEY("tenant_id","node_id","parent_id")
);
--> statement-breakpoint
CREATE TABLE "node_responsibles" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"node_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"role_title_id" uuid,
	"person_id" uuid,
	CONSTRAINT "node_responsibles_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "node_responsibles_one_check" CHECK (("node_responsibles"."role_title_id" is null) <> ("node_responsibles"."person_id" is null))
);
--> statement-breakpoint
CREATE TABLE "nodes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"level_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" integer NOT NULL,
	"ref" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"field_values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"deadline_text" text,
	"deadline_date" date,
	"carried_over" boolean DEFAULT false NOT NULL,
	"previous_node_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nodes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"period_kind" text NOT NULL,
	"start_year" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"adopted_by" text,
	"adopted_on" date,
	"registry_number" text,
	"previous_plan_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "plans_state_check" CHECK ("plans"."state" in ('draft', 'adopted', 'archived')),
	CONSTRAINT "plans_kind_check" CHECK ("plans"."kind" in ('verksamhetsplan', 'utvecklingsplan', 'lokal_plan')),
	CONSTRAINT "plans_period_kind_check" CHECK ("plans"."period_kind" in ('calendar_year', 'school_year'))
);
--> statement-breakpoint
CREATE TABLE "role_titles" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_titles_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenants_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chapters" ADD CONSTRAINT "chapters_tenant_id_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_tenant_id_node_id_nodes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","node_id") REFERENCES "public"."nodes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_children" ADD CONSTRAINT "level_children_tenant_id_parent_level_id_levels_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_level_id") REFERENCES "public"."levels"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_children" ADD CONSTRAINT "level_children_tenant_id_child_level_id_levels_tenant_id_id_fk" FOREIGN KEY ("tenant_id","child_level_id") REFERENCES "public"."levels"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "levels" ADD CONSTRAINT "levels_tenant_id_framework_id_frameworks_tenant_id_id_fk" FOREIGN KEY ("tenant_id","framework_id") REFERENCES "public"."frameworks"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_boards" ADD CONSTRAINT "node_boards_tenant_id_node_id_nodes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","node_id") REFERENCES "public"."nodes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_boards" ADD CONSTRAINT "node_boards_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_links" ADD CONSTRAINT "node_links_tenant_id_node_id_nodes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","node_id") REFERENCES "public"."nodes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_links" ADD CONSTRAINT "node_links_tenant_id_parent_id_nodes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."nodes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_responsibles" ADD CONSTRAINT "node_responsibles_tenant_id_node_id_nodes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","node_id") REFERENCES "public"."nodes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_responsibles" ADD CONSTRAINT "node_responsibles_tenant_id_role_title_id_role_titles_tenant_id_id_fk" FOREIGN KEY ("tenant_id","role_title_id") REFERENCES "public"."role_titles"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_responsibles" ADD CONSTRAINT "node_responsibles_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_tenant_id_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_tenant_id_level_id_levels_tenant_id_id_fk" FOREIGN KEY ("tenant_id","level_id") REFERENCES "public"."levels"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_tenant_id_parent_id_nodes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."nodes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_tenant_id_owner_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_tenant_id_framework_id_frameworks_tenant_id_id_fk" FOREIGN KEY ("tenant_id","framework_id") REFERENCES "public"."frameworks"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_tenant_id_previous_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","previous_plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_titles" ADD CONSTRAINT "role_titles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_tenant_id_parent_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("tenant_id","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "chapters_plan_idx" ON "chapters" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "indicators_node_idx" ON "indicators" USING btree ("tenant_id","node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "levels_key_idx" ON "levels" USING btree ("tenant_id","framework_id","key");--> statement-breakpoint
CREATE INDEX "node_links_parent_idx" ON "node_links" USING btree ("tenant_id","parent_id");--> statement-breakpoint
CREATE INDEX "node_responsibles_node_idx" ON "node_responsibles" USING btree ("tenant_id","node_id");--> statement-breakpoint
CREATE INDEX "nodes_plan_idx" ON "nodes" USING btree ("tenant_id","plan_id","parent_id","position");--> statement-breakpoint
CREATE INDEX "nodes_level_idx" ON "nodes" USING btree ("tenant_id","level_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_titles_name_idx" ON "role_titles" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("tenant_id","parent_id");