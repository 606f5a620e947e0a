ALTER TABLE "performance_settings" ADD COLUMN "official_from" text DEFAULT 'verified' NOT NULL;--> statement-breakpoint
ALTER TABLE "measure_series" ADD COLUMN "statuses" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The series now carries each value's sign-off status, so that statuses can be worked out from
-- official figures only (the council's choice in performance_settings.official_from).
CREATE OR REPLACE FUNCTION measure_series_refresh(ids uuid[]) RETURNS void AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM measure_series s
   WHERE s.measure_id = ANY(ids)
     AND NOT EXISTS (SELECT 1 FROM measure_values v WHERE v.measure_id = s.measure_id AND v.breakdown_id IS NULL);
  INSERT INTO measure_series (measure_id, organisation_id, period_keys, vals, nums, dens, statuses)
  SELECT v.measure_id, (array_agg(v.organisation_id))[1],
         string_agg(v.period_key, ','),
         string_agg(coalesce(v.value::text, ''), ','),
         string_agg(coalesce(v.numerator::text, ''), ','),
         string_agg(coalesce(v.denominator::text, ''), ','),
         string_agg(v.status, ',')
    FROM measure_values v
   WHERE v.measure_id = ANY(ids) AND v.breakdown_id IS NULL
   GROUP BY v.measure_id
  ON CONFLICT (measure_id) DO UPDATE
    SET period_keys = excluded.period_keys, vals = excluded.vals, nums = excluded.nums, dens = excluded.dens,
        statuses = excluded.statuses;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT measure_series_refresh(ARRAY(SELECT measure_id FROM measure_series));
