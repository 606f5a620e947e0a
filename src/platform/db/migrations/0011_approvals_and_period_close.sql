CREATE TABLE "period_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"frequency" text NOT NULL,
	"period_key" text NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	"reopened_at" timestamp with time zone,
	"reopened_by" uuid,
	"reopen_reason" text
);
--> statement-breakpoint
ALTER TABLE "approval_steps" ADD COLUMN "distinct_person" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_events" ADD COLUMN "decision_date" date;--> statement-breakpoint
ALTER TABLE "plan_events" ADD COLUMN "minute_reference" text;--> statement-breakpoint
ALTER TABLE "period_closures" ADD CONSTRAINT "period_closures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_closures" ADD CONSTRAINT "period_closures_closed_by_people_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_closures" ADD CONSTRAINT "period_closures_reopened_by_people_id_fk" FOREIGN KEY ("reopened_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "period_closures_open_key" ON "period_closures" USING btree ("organisation_id","period_key") WHERE "period_closures"."reopened_at" is null;--> statement-breakpoint
CREATE INDEX "period_closures_org_idx" ON "period_closures" USING btree ("organisation_id","frequency");