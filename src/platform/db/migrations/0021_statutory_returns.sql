CREATE TABLE "statutory_returns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"recipient" text NOT NULL,
	"due_on" date NOT NULL,
	"owner_person_id" uuid NOT NULL,
	"status" text DEFAULT 'not-started' NOT NULL,
	"submitted_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "statutory_returns" ADD CONSTRAINT "statutory_returns_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statutory_returns" ADD CONSTRAINT "statutory_returns_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statutory_returns_org_due_idx" ON "statutory_returns" USING btree ("organisation_id","due_on");