CREATE TABLE "measure_series" (
	"measure_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"period_keys" text NOT NULL,
	"vals" text NOT NULL,
	"nums" text NOT NULL,
	"dens" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "measure_series" ADD CONSTRAINT "measure_series_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_series" ADD CONSTRAINT "measure_series_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_series_org_idx" ON "measure_series" USING btree ("organisation_id");--> statement-breakpoint
-- Rebuilds the packed series of the given measures from their whole-measure values. A bulk
-- writer may SET LOCAL golden_thread.defer_series = 'on' to skip the per-statement refresh and
-- call this once for every measure it touched before it commits.
CREATE OR REPLACE FUNCTION measure_series_refresh(ids uuid[]) RETURNS void AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM measure_series s
   WHERE s.measure_id = ANY(ids)
     AND NOT EXISTS (SELECT 1 FROM measure_values v WHERE v.measure_id = s.measure_id AND v.breakdown_id IS NULL);
  INSERT INTO measure_series (measure_id, organisation_id, period_keys, vals, nums, dens)
  SELECT v.measure_id, (array_agg(v.organisation_id))[1],
         string_agg(v.period_key, ','),
         string_agg(coalesce(v.value::text, ''), ','),
         string_agg(coalesce(v.numerator::text, ''), ','),
         string_agg(coalesce(v.denominator::text, ''), ',')
    FROM measure_values v
   WHERE v.measure_id = ANY(ids) AND v.breakdown_id IS NULL
   GROUP BY v.measure_id
  ON CONFLICT (measure_id) DO UPDATE
    SET period_keys = excluded.period_keys, vals = excluded.vals, nums = excluded.nums, dens = excluded.dens;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION measure_values_series_after_insert() RETURNS trigger AS $$
BEGIN
  IF current_setting('golden_thread.defer_series', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM measure_series_refresh(ARRAY(SELECT DISTINCT measure_id FROM new_rows WHERE breakdown_id IS NULL));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION measure_values_series_after_update() RETURNS trigger AS $$
BEGIN
  IF current_setting('golden_thread.defer_series', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM measure_series_refresh(ARRAY(
    SELECT measure_id FROM new_rows WHERE breakdown_id IS NULL
    UNION SELECT measure_id FROM old_rows WHERE breakdown_id IS NULL));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION measure_values_series_after_delete() RETURNS trigger AS $$
BEGIN
  IF current_setting('golden_thread.defer_series', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM measure_series_refresh(ARRAY(SELECT DISTINCT measure_id FROM old_rows WHERE breakdown_id IS NULL));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER measure_values_series_insert AFTER INSERT ON measure_values
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION measure_values_series_after_insert();
--> statement-breakpoint
CREATE TRIGGER measure_values_series_update AFTER UPDATE ON measure_values
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION measure_values_series_after_update();
--> statement-breakpoint
CREATE TRIGGER measure_values_series_delete AFTER DELETE ON measure_values
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION measure_values_series_after_delete();
--> statement-breakpoint
SELECT measure_series_refresh(ARRAY(SELECT DISTINCT measure_id FROM measure_values WHERE breakdown_id IS NULL));
