ALTER TABLE "chapters" ADD COLUMN "placement" text DEFAULT 'before' NOT NULL;--> statement-breakpoint
ALTER TABLE "levels" ADD COLUMN "description_position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "chapters" ADD CONSTRAINT "chapters_placement_check" CHECK ("chapters"."placement" in ('before', 'after'));