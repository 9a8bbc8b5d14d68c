CREATE TABLE "follow_up_revisions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"follow_up_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status_id" uuid,
	"assessment_id" uuid,
	"comment" text NOT NULL,
	"analysis" text NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_up_revisions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"status_id" uuid,
	"assessment_id" uuid,
	"comment" text DEFAULT '' NOT NULL,
	"analysis" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_ups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "measurements" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"value" numeric NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measurements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "periods" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"name" text NOT NULL,
	"as_of" date NOT NULL,
	"due_on" date NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "periods_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "scale_values" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"label_sv" text NOT NULL,
	"label_en" text NOT NULL,
	"colour" text NOT NULL,
	"meaning" text NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	CONSTRAINT "scale_values_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "scale_values_kind_check" CHECK ("scale_values"."kind" in ('status', 'assessment'))
);
--> statement-breakpoint
ALTER TABLE "follow_up_revisions" ADD CONSTRAINT "follow_up_revisions_tenant_id_follow_up_id_follow_ups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","follow_up_id") REFERENCES "public"."follow_ups"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_tenant_id_node_id_nodes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","node_id") REFERENCES "public"."nodes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_tenant_id_period_id_periods_tenant_id_id_fk" FOREIGN KEY ("tenant_id","period_id") REFERENCES "public"."periods"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_tenant_id_status_id_scale_values_tenant_id_id_fk" FOREIGN KEY ("tenant_id","status_id") REFERENCES "public"."scale_values"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_tenant_id_assessment_id_scale_values_tenant_id_id_fk" FOREIGN KEY ("tenant_id","assessment_id") REFERENCES "public"."scale_values"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_tenant_id_indicator_id_indicators_tenant_id_id_fk" FOREIGN KEY ("tenant_id","indicator_id") REFERENCES "public"."indicators"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_tenant_id_period_id_periods_tenant_id_id_fk" FOREIGN KEY ("tenant_id","period_id") REFERENCES "public"."periods"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periods" ADD CONSTRAINT "periods_tenant_id_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scale_values" ADD CONSTRAINT "scale_values_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_revisions_idx" ON "follow_up_revisions" USING btree ("tenant_id","follow_up_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_ups_node_period_idx" ON "follow_ups" USING btree ("tenant_id","node_id","period_id");--> statement-breakpoint
CREATE INDEX "follow_ups_plan_period_idx" ON "follow_ups" USING btree ("tenant_id","plan_id","period_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measurements_indicator_period_idx" ON "measurements" USING btree ("tenant_id","indicator_id","period_id");--> statement-breakpoint
CREATE INDEX "periods_plan_idx" ON "periods" USING btree ("tenant_id","plan_id");