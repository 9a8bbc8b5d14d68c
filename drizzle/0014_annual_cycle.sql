CREATE TABLE "cycle_event_plans" (
	"tenant_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	CONSTRAINT "cycle_event_plans_tenant_id_event_id_plan_id_pk" PRIMARY KEY("tenant_id","event_id","plan_id")
);
--> statement-breakpoint
CREATE TABLE "cycle_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"responsible_person_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycle_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "cycle_events_kind_check" CHECK ("cycle_events"."kind" in ('follow_up', 'deadline', 'board_meeting', 'analysis', 'adoption', 'other')),
	CONSTRAINT "cycle_events_span_check" CHECK ("cycle_events"."ends_on" is null or "cycle_events"."ends_on" >= "cycle_events"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "cycles" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"period_kind" text NOT NULL,
	"start_year" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycles_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "cycles_period_kind_check" CHECK ("cycles"."period_kind" in ('calendar_year', 'school_year'))
);
--> statement-breakpoint
ALTER TABLE "periods" ADD COLUMN "cycle_event_id" uuid;--> statement-breakpoint
ALTER TABLE "cycle_event_plans" ADD CONSTRAINT "cycle_event_plans_tenant_id_event_id_cycle_events_tenant_id_id_fk" FOREIGN KEY ("tenant_id","event_id") REFERENCES "public"."cycle_events"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_event_plans" ADD CONSTRAINT "cycle_event_plans_tenant_id_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_events" ADD CONSTRAINT "cycle_events_tenant_id_cycle_id_cycles_tenant_id_id_fk" FOREIGN KEY ("tenant_id","cycle_id") REFERENCES "public"."cycles"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_events" ADD CONSTRAINT "cycle_events_tenant_id_responsible_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","responsible_person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cycle_event_plans_plan_idx" ON "cycle_event_plans" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "cycle_events_cycle_idx" ON "cycle_events" USING btree ("tenant_id","cycle_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "cycles_year_idx" ON "cycles" USING btree ("tenant_id","period_kind","start_year");--> statement-breakpoint
ALTER TABLE "periods" ADD CONSTRAINT "periods_tenant_id_cycle_event_id_cycle_events_tenant_id_id_fk" FOREIGN KEY ("tenant_id","cycle_event_id") REFERENCES "public"."cycle_events"("tenant_id","id") ON DELETE SET NULL ("cycle_event_id") ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "periods_cycle_event_idx" ON "periods" USING btree ("tenant_id","plan_id","cycle_event_id");