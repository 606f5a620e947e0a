CREATE TABLE "committee_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"data_due_days" integer NOT NULL,
	"sign_off_days" integer NOT NULL,
	"report_issued_days" integer NOT NULL,
	"escalate_after_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "committee_settings" ADD CONSTRAINT "committee_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;