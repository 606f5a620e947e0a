CREATE TABLE "improvement_plan_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"meeting_date" date NOT NULL,
	"minute_reference" text NOT NULL,
	"comments" text DEFAULT '' NOT NULL,
	"body_id" uuid,
	"recorded_by_person_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_plan_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"person_id" uuid,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_plan_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"owner_person_id" uuid,
	"episode_start_period" text NOT NULL,
	"latest_period" text NOT NULL,
	"reasons" text[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"plan_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "improvement_plan_requests_episode_key" UNIQUE("organisation_id","measure_id","episode_start_period")
);
--> statement-breakpoint
CREATE TABLE "improvement_plan_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"panel_body_id" uuid,
	"consecutive_periods" integer DEFAULT 2 NOT NULL,
	"triggers" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"request_id" uuid,
	"owner_person_id" uuid,
	"problem" text DEFAULT '' NOT NULL,
	"root_cause" text DEFAULT '' NOT NULL,
	"expected_value" double precision,
	"expected_period" text,
	"due_date" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"agreed_on" date,
	"submitted_on" date,
	"closing_summary" text DEFAULT '' NOT NULL,
	"open_actions_reason" text DEFAULT '' NOT NULL,
	"withdrawn_reason" text DEFAULT '' NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "improvement_plan_decisions" ADD CONSTRAINT "improvement_plan_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_decisions" ADD CONSTRAINT "improvement_plan_decisions_plan_id_improvement_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."improvement_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_decisions" ADD CONSTRAINT "improvement_plan_decisions_body_id_governance_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_decisions" ADD CONSTRAINT "improvement_plan_decisions_recorded_by_person_id_people_id_fk" FOREIGN KEY ("recorded_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_events" ADD CONSTRAINT "improvement_plan_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_events" ADD CONSTRAINT "improvement_plan_events_plan_id_improvement_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."improvement_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_events" ADD CONSTRAINT "improvement_plan_events_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_requests" ADD CONSTRAINT "improvement_plan_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_requests" ADD CONSTRAINT "improvement_plan_requests_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_requests" ADD CONSTRAINT "improvement_plan_requests_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_settings" ADD CONSTRAINT "improvement_plan_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_settings" ADD CONSTRAINT "improvement_plan_settings_panel_body_id_governance_bodies_id_fk" FOREIGN KEY ("panel_body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_request_id_improvement_plan_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."improvement_plan_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "improvement_plan_decisions_plan_idx" ON "improvement_plan_decisions" USING btree ("organisation_id","plan_id");--> statement-breakpoint
CREATE INDEX "improvement_plan_events_plan_idx" ON "improvement_plan_events" USING btree ("organisation_id","plan_id");--> statement-breakpoint
CREATE INDEX "improvement_plan_requests_owner_idx" ON "improvement_plan_requests" USING btree ("organisation_id","owner_person_id","status");--> statement-breakpoint
CREATE INDEX "improvement_plans_org_measure_idx" ON "improvement_plans" USING btree ("organisation_id","measure_id");--> statement-breakpoint
CREATE INDEX "improvement_plans_org_status_idx" ON "improvement_plans" USING btree ("organisation_id","status");