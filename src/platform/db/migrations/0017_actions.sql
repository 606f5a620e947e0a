CREATE TABLE "action_assignees" (
	"organisation_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "action_assignees_action_id_person_id_pk" PRIMARY KEY("action_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "action_escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"escalation_owner_person_id" uuid NOT NULL,
	"trigger" jsonb NOT NULL,
	"raised_on" date NOT NULL,
	"notified_at" timestamp with time zone,
	"decision" text,
	"decision_reason" text DEFAULT '' NOT NULL,
	"new_due_date" date,
	"decided_by_person_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"by_person_id" uuid,
	"by_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_item_links" (
	"organisation_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	CONSTRAINT "action_item_links_action_id_item_id_pk" PRIMARY KEY("action_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "action_measure_links" (
	"organisation_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	CONSTRAINT "action_measure_links_action_id_measure_id_pk" PRIMARY KEY("action_id","measure_id")
);
--> statement-breakpoint
CREATE TABLE "action_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"completed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"percent_complete" integer NOT NULL,
	"status" text NOT NULL,
	"derived_status" text NOT NULL,
	"judged_status" text,
	"status_reason" text DEFAULT '' NOT NULL,
	"commentary" text NOT NULL,
	"by_person_id" uuid,
	"by_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_person_id" uuid NOT NULL,
	"escalation_owner_person_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"original_due_date" date NOT NULL,
	"revised_due_date" date,
	"revision_reason" text DEFAULT '' NOT NULL,
	"pending_due_date" date,
	"pending_reason" text DEFAULT '' NOT NULL,
	"percent_complete" integer DEFAULT 0 NOT NULL,
	"judged_status" text,
	"judgement_reason" text DEFAULT '' NOT NULL,
	"closed_status" text,
	"closed_reason" text DEFAULT '' NOT NULL,
	"is_key" boolean DEFAULT false NOT NULL,
	"answers_kind" text,
	"answers_id" uuid,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "action_assignees" ADD CONSTRAINT "action_assignees_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_assignees" ADD CONSTRAINT "action_assignees_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_assignees" ADD CONSTRAINT "action_assignees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_escalations" ADD CONSTRAINT "action_escalations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_escalations" ADD CONSTRAINT "action_escalations_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_escalations" ADD CONSTRAINT "action_escalations_escalation_owner_person_id_people_id_fk" FOREIGN KEY ("escalation_owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_escalations" ADD CONSTRAINT "action_escalations_decided_by_person_id_people_id_fk" FOREIGN KEY ("decided_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_events" ADD CONSTRAINT "action_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_events" ADD CONSTRAINT "action_events_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_events" ADD CONSTRAINT "action_events_by_person_id_people_id_fk" FOREIGN KEY ("by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_links" ADD CONSTRAINT "action_item_links_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_links" ADD CONSTRAINT "action_item_links_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_links" ADD CONSTRAINT "action_item_links_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_measure_links" ADD CONSTRAINT "action_measure_links_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_measure_links" ADD CONSTRAINT "action_measure_links_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_measure_links" ADD CONSTRAINT "action_measure_links_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_milestones" ADD CONSTRAINT "action_milestones_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_milestones" ADD CONSTRAINT "action_milestones_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_by_person_id_people_id_fk" FOREIGN KEY ("by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_escalation_owner_person_id_people_id_fk" FOREIGN KEY ("escalation_owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_settings" ADD CONSTRAINT "delivery_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_settings" ADD CONSTRAINT "delivery_settings_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_assignees_person_idx" ON "action_assignees" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "action_escalations_open_key" ON "action_escalations" USING btree ("action_id") WHERE "action_escalations"."decision" is null;--> statement-breakpoint
CREATE INDEX "action_escalations_owner_idx" ON "action_escalations" USING btree ("organisation_id","escalation_owner_person_id");--> statement-breakpoint
CREATE INDEX "action_events_action_idx" ON "action_events" USING btree ("action_id","at");--> statement-breakpoint
CREATE INDEX "action_item_links_item_idx" ON "action_item_links" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "action_measure_links_measure_idx" ON "action_measure_links" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "action_milestones_action_idx" ON "action_milestones" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "action_updates_action_idx" ON "action_updates" USING btree ("action_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "actions_org_code_key" ON "actions" USING btree ("organisation_id",lower("code"));--> statement-breakpoint
CREATE INDEX "actions_org_plan_idx" ON "actions" USING btree ("organisation_id","plan_id");--> statement-breakpoint
CREATE INDEX "actions_org_owner_idx" ON "actions" USING btree ("organisation_id","owner_person_id");--> statement-breakpoint
CREATE INDEX "actions_org_escalation_owner_idx" ON "actions" USING btree ("organisation_id","escalation_owner_person_id");--> statement-breakpoint
CREATE INDEX "actions_answers_idx" ON "actions" USING btree ("organisation_id","answers_kind","answers_id");