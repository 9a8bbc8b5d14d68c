ALTER TABLE "levels" ADD COLUMN "children_position" integer;--> statement-breakpoint
ALTER TABLE "levels" ADD COLUMN "title_help_sv" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "levels" ADD COLUMN "title_help_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "levels" ADD COLUMN "name_template_sv" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "levels" ADD COLUMN "name_template_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "email_domains" text[] DEFAULT '{}'::text[] NOT NULL;