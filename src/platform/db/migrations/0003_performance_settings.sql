CREATE TABLE "performance_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"rollup_rule" text DEFAULT 'worst-of' NOT NULL,
	"weighted_green_from" double precision,
	"weighted_amber_from" double precision,
	"key_measures_dominate" boolean DEFAULT true NOT NULL,
	"overdue_as" text DEFAULT 'not-rated' NOT NULL,
	"objectives_appetite" double precision DEFAULT 0.9 NOT NULL,
	"targets_appetite" double precision DEFAULT 0.75 NOT NULL,
	"direction_tolerance_kind" text DEFAULT 'none' NOT NULL,
	"direction_tolerance_value" double precision,
	"row_version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "performance_settings" ADD CONSTRAINT "performance_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_settings" ADD CONSTRAINT "performance_settings_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;