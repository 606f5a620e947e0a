CREATE TABLE "collection_rules" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"working_days_after_period_end" integer DEFAULT 15 NOT NULL,
	"reminder_working_days_before" integer DEFAULT 5 NOT NULL,
	"escalate_to_owner_after_days" integer DEFAULT 5 NOT NULL,
	"escalate_to_manager_after_days" integer DEFAULT 10 NOT NULL,
	"holiday_region" text DEFAULT 'england-and-wales' NOT NULL,
	"updated_by" uuid,
	"row_version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_assignees" (
	"organisation_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_assignees_measure_id_person_id_pk" PRIMARY KEY("measure_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "measure_breakdowns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_item_links" (
	"organisation_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_item_links_measure_id_item_id_pk" PRIMARY KEY("measure_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "measure_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"breakdown_id" uuid,
	"value" double precision,
	"target_value" double precision,
	"target_lower" double precision,
	"target_upper" double precision,
	"rag" text NOT NULL,
	"rag_reason" text DEFAULT '' NOT NULL,
	"direction_previous" text,
	"direction_last_year" text,
	"ytd_value" double precision,
	"ytd_rag" text,
	"spc_latest_type" text,
	"spc_variation_icon" text,
	"spc_assurance" text,
	"forecast_outturn" double precision,
	"forecast_low" double precision,
	"forecast_high" double precision,
	"forecast_probability" double precision,
	"forecast_method" text,
	"forecast_mape" double precision,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_statuses_key" UNIQUE NULLS NOT DISTINCT("measure_id","period_key","breakdown_id")
);
--> statement-breakpoint
CREATE TABLE "measure_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"breakdown_id" uuid,
	"kind" text NOT NULL,
	"financial_year" text NOT NULL,
	"period_key" text,
	"plan_period_start" text,
	"plan_period_end" text,
	"value" double precision,
	"lower" double precision,
	"upper" double precision,
	"effective_from" date NOT NULL,
	"superseded_at" timestamp with time zone,
	"superseded_by" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_value_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"value_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"breakdown_id" uuid,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb,
	"actor_person_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"breakdown_id" uuid,
	"value" double precision,
	"numerator" double precision,
	"denominator" double precision,
	"commentary" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"quality" text DEFAULT 'final' NOT NULL,
	"evidence_url" text DEFAULT '' NOT NULL,
	"entered_by" uuid,
	"updated_by" uuid,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_values_key" UNIQUE NULLS NOT DISTINCT("measure_id","period_key","breakdown_id")
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"calculation" text DEFAULT '' NOT NULL,
	"numerator_label" text DEFAULT '' NOT NULL,
	"denominator_label" text DEFAULT '' NOT NULL,
	"unit" text NOT NULL,
	"decimal_places" integer DEFAULT 0 NOT NULL,
	"polarity" text NOT NULL,
	"frequency" text NOT NULL,
	"aggregation" text NOT NULL,
	"data_source" text DEFAULT '' NOT NULL,
	"collection_method" text DEFAULT '' NOT NULL,
	"measure_type" text DEFAULT 'local' NOT NULL,
	"baseline_value" double precision,
	"baseline_period" text,
	"owner_person_id" uuid,
	"owner_unit_id" uuid,
	"verifier_person_id" uuid,
	"data_quality_notes" text DEFAULT '' NOT NULL,
	"is_key" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"retired_at" timestamp with time zone,
	"retired_reason" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"min_value" double precision,
	"max_value" double precision,
	"rag_thresholds" jsonb DEFAULT '{"kind":"percentage","amberPercent":5}'::jsonb NOT NULL,
	"spc_settings" jsonb DEFAULT '{"screenMovingRanges":true,"baselinePoints":null}'::jsonb NOT NULL,
	"due_working_days" integer,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "non_working_days" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"name" text NOT NULL,
	"source" text DEFAULT 'local' NOT NULL,
	CONSTRAINT "non_working_days_organisation_id_day_pk" PRIMARY KEY("organisation_id","day")
);
--> statement-breakpoint
CREATE TABLE "period_locks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"measure_id" uuid,
	"period_key" text NOT NULL,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" uuid,
	"reopened_at" timestamp with time zone,
	"reopened_by" uuid,
	"reopen_reason" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminders_sent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"message_id" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spc_rebases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collection_rules" ADD CONSTRAINT "collection_rules_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_rules" ADD CONSTRAINT "collection_rules_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_assignees" ADD CONSTRAINT "measure_assignees_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_assignees" ADD CONSTRAINT "measure_assignees_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_assignees" ADD CONSTRAINT "measure_assignees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_assignees" ADD CONSTRAINT "measure_assignees_added_by_people_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_breakdowns" ADD CONSTRAINT "measure_breakdowns_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_breakdowns" ADD CONSTRAINT "measure_breakdowns_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_item_links" ADD CONSTRAINT "measure_item_links_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_item_links" ADD CONSTRAINT "measure_item_links_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_item_links" ADD CONSTRAINT "measure_item_links_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_item_links" ADD CONSTRAINT "measure_item_links_added_by_people_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_statuses" ADD CONSTRAINT "measure_statuses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_statuses" ADD CONSTRAINT "measure_statuses_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_statuses" ADD CONSTRAINT "measure_statuses_breakdown_id_measure_breakdowns_id_fk" FOREIGN KEY ("breakdown_id") REFERENCES "public"."measure_breakdowns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_targets" ADD CONSTRAINT "measure_targets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_targets" ADD CONSTRAINT "measure_targets_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_targets" ADD CONSTRAINT "measure_targets_breakdown_id_measure_breakdowns_id_fk" FOREIGN KEY ("breakdown_id") REFERENCES "public"."measure_breakdowns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_targets" ADD CONSTRAINT "measure_targets_set_by_people_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_targets" ADD CONSTRAINT "measure_targets_superseded_by_measure_targets_id_fk" FOREIGN KEY ("superseded_by") REFERENCES "public"."measure_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_value_events" ADD CONSTRAINT "measure_value_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_value_events" ADD CONSTRAINT "measure_value_events_value_id_measure_values_id_fk" FOREIGN KEY ("value_id") REFERENCES "public"."measure_values"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_value_events" ADD CONSTRAINT "measure_value_events_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_value_events" ADD CONSTRAINT "measure_value_events_actor_person_id_people_id_fk" FOREIGN KEY ("actor_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_values" ADD CONSTRAINT "measure_values_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_values" ADD CONSTRAINT "measure_values_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_values" ADD CONSTRAINT "measure_values_breakdown_id_measure_breakdowns_id_fk" FOREIGN KEY ("breakdown_id") REFERENCES "public"."measure_breakdowns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_values" ADD CONSTRAINT "measure_values_entered_by_people_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_values" ADD CONSTRAINT "measure_values_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_verifier_person_id_people_id_fk" FOREIGN KEY ("verifier_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "non_working_days" ADD CONSTRAINT "non_working_days_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_locked_by_people_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_reopened_by_people_id_fk" FOREIGN KEY ("reopened_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spc_rebases" ADD CONSTRAINT "spc_rebases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spc_rebases" ADD CONSTRAINT "spc_rebases_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spc_rebases" ADD CONSTRAINT "spc_rebases_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_assignees_person_idx" ON "measure_assignees" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_breakdowns_key" ON "measure_breakdowns" USING btree ("measure_id",lower("dimension"),lower("code"));--> statement-breakpoint
CREATE INDEX "measure_breakdowns_org_idx" ON "measure_breakdowns" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "measure_item_links_item_idx" ON "measure_item_links" USING btree ("organisation_id","item_id");--> statement-breakpoint
CREATE INDEX "measure_statuses_org_period_idx" ON "measure_statuses" USING btree ("organisation_id","period_key");--> statement-breakpoint
CREATE INDEX "measure_targets_measure_idx" ON "measure_targets" USING btree ("measure_id","financial_year");--> statement-breakpoint
CREATE INDEX "measure_targets_org_idx" ON "measure_targets" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_targets_current_key" ON "measure_targets" USING btree ("measure_id",coalesce("breakdown_id", '00000000-0000-0000-0000-000000000000'::uuid),"kind","financial_year",coalesce("period_key", '')) WHERE "measure_targets"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "measure_value_events_value_idx" ON "measure_value_events" USING btree ("value_id","at");--> statement-breakpoint
CREATE INDEX "measure_value_events_measure_idx" ON "measure_value_events" USING btree ("organisation_id","measure_id","at");--> statement-breakpoint
CREATE INDEX "measure_values_org_period_idx" ON "measure_values" USING btree ("organisation_id","period_key","status");--> statement-breakpoint
CREATE UNIQUE INDEX "measures_org_code_key" ON "measures" USING btree ("organisation_id",lower("code"));--> statement-breakpoint
CREATE INDEX "measures_org_status_idx" ON "measures" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "measures_owner_unit_idx" ON "measures" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE INDEX "measures_owner_person_idx" ON "measures" USING btree ("owner_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "period_locks_current_key" ON "period_locks" USING btree ("organisation_id",coalesce("measure_id", '00000000-0000-0000-0000-000000000000'::uuid),"period_key") WHERE "period_locks"."reopened_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_sent_key" ON "reminders_sent" USING btree ("measure_id","period_key","person_id","kind");--> statement-breakpoint
CREATE INDEX "reminders_sent_org_idx" ON "reminders_sent" USING btree ("organisation_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "spc_rebases_key" ON "spc_rebases" USING btree ("measure_id","period_key");--> statement-breakpoint
-- The value history is append-only: no UPDATE or DELETE, whoever asks.
CREATE OR REPLACE FUNCTION measure_value_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'measure_value_events is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER measure_value_events_append_only
  BEFORE UPDATE OR DELETE ON measure_value_events
  FOR EACH ROW EXECUTE FUNCTION measure_value_events_refuse_change();
--> statement-breakpoint
-- A target version is never edited or deleted: a revision inserts a new row, and the only change
-- allowed to an existing row is marking it superseded (superseded_at, then superseded_by once the
-- new version exists: the partial unique index allows one current version per slot).
CREATE OR REPLACE FUNCTION measure_targets_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'measure_targets keeps every version: DELETE refused';
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id
    OR NEW.organisation_id IS DISTINCT FROM OLD.organisation_id
    OR NEW.measure_id IS DISTINCT FROM OLD.measure_id
    OR NEW.breakdown_id IS DISTINCT FROM OLD.breakdown_id
    OR NEW.kind IS DISTINCT FROM OLD.kind
    OR NEW.financial_year IS DISTINCT FROM OLD.financial_year
    OR NEW.period_key IS DISTINCT FROM OLD.period_key
    OR NEW.plan_period_start IS DISTINCT FROM OLD.plan_period_start
    OR NEW.plan_period_end IS DISTINCT FROM OLD.plan_period_end
    OR NEW.value IS DISTINCT FROM OLD.value
    OR NEW.lower IS DISTINCT FROM OLD.lower
    OR NEW.upper IS DISTINCT FROM OLD.upper
    OR NEW.effective_from IS DISTINCT FROM OLD.effective_from
    OR NEW.reason IS DISTINCT FROM OLD.reason
    OR NEW.set_by IS DISTINCT FROM OLD.set_by
    OR NEW.set_at IS DISTINCT FROM OLD.set_at
    OR NEW.superseded_at IS NULL
    OR (OLD.superseded_at IS NOT NULL AND NEW.superseded_at IS DISTINCT FROM OLD.superseded_at)
    OR OLD.superseded_by IS NOT NULL THEN
    RAISE EXCEPTION 'measure_targets keeps every version: only marking a current target superseded is allowed';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER measure_targets_versioned
  BEFORE UPDATE OR DELETE ON measure_targets
  FOR EACH ROW EXECUTE FUNCTION measure_targets_refuse_change();
