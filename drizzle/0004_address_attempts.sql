CREATE TABLE "address_attempts" (
	"address_hash" text PRIMARY KEY NOT NULL,
	"window_index" integer NOT NULL,
	"attempts" integer NOT NULL,
	"previous_attempts" integer DEFAULT 0 NOT NULL
);
