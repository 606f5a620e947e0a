CREATE TABLE "report_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"exception_margin_percent" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "report_settings" ADD CONSTRAINT "report_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_settings" ADD CONSTRAINT "report_settings_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The margin becomes the council's: each council keeps the one most of its definitions used.
INSERT INTO "report_settings" ("organisation_id", "exception_margin_percent")
SELECT DISTINCT ON ("organisation_id") "organisation_id", "exception_margin_percent"
FROM "report_definitions"
GROUP BY "organisation_id", "exception_margin_percent"
ORDER BY "organisation_id", count(*) DESC, "exception_margin_percent" DESC;--> statement-breakpoint
-- The new money sections go wherever revenue was asked for; partnerships into the built-ins that show every section.
UPDATE "report_definitions" SET "sections" = "sections" || ARRAY['capital', 'reserves', 'borrowing']::text[] WHERE 'revenue' = ANY("sections");--> statement-breakpoint
UPDATE "report_definitions" SET "sections" = "sections" || ARRAY['partnerships']::text[] WHERE "built_in" IN ('executive-quarterly', 'scrutiny-quarterly');--> statement-breakpoint
ALTER TABLE "report_definitions" DROP COLUMN "exception_margin_percent";