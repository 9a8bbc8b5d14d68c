ALTER TABLE "units" ADD COLUMN "school_unit_code" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "school_forms" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "municipality_code" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "closed_on" date;--> statement-breakpoint
CREATE UNIQUE INDEX "units_school_unit_code_idx" ON "units" USING btree ("tenant_id","school_unit_code");