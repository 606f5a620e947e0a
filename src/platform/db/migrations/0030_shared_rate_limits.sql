CREATE TABLE "rate_limit_windows" (
	"key" text PRIMARY KEY NOT NULL,
	"window_started_ms" bigint NOT NULL,
	"count" integer NOT NULL
);
