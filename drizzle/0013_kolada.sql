CREATE TABLE "kolada_kpis" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"operating_area" text DEFAULT '' NOT NULL,
	"has_ou_data" boolean DEFAULT false NOT NULL,
	"divided_by_gender" boolean DEFAULT false NOT NULL,
	"municipality_type" text DEFAULT '' NOT NULL,
	"publication_date" text,
	"prel_publication_date" text,
	"ou_publication_date" text,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kolada_places" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"members" text[] DEFAULT '{}'::text[] NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kolada_syncs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"actor" text NOT NULL,
	"trigger" text NOT NULL,
	"scheduled_for" date,
	"filled" integer DEFAULT 0 NOT NULL,
	"kept" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"details" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "kolada_syncs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "kolada_values" (
	"kpi" text NOT NULL,
	"place_id" text NOT NULL,
	"year" integer NOT NULL,
	"gender" text NOT NULL,
	"value" numeric,
	"status" text DEFAULT '' NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kolada_values_kpi_place_id_year_gender_pk" PRIMARY KEY("kpi","place_id","year","gender")
);
--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "source" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "source_status" text;--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "fetched_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "municipality_code" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "comparison_group_id" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "kolada_ou_id" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "kolada_ou_confirmed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "kolada_syncs" ADD CONSTRAINT "kolada_syncs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kolada_kpis_search_idx" ON "kolada_kpis" USING gin (to_tsvector('swedish', "title" || ' ' || "description"));--> statement-breakpoint
CREATE INDEX "kolada_syncs_at_idx" ON "kolada_syncs" USING btree ("tenant_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "kolada_syncs_scheduled_idx" ON "kolada_syncs" USING btree ("tenant_id","scheduled_for");--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_source_check" CHECK ("measurements"."source" in ('manual', 'kolada'));