-- The council's data version (0038) no longer moves for the audit rows of data entry: a figure
-- saved, submitted or returned for correction. Kept pages (every dashboard level, the measure list,
-- the navigation's sign-off answer) read the STORED statuses, computed from official figures only,
-- and the commentary of a red or amber status's own (official) figure; data entry never edits an
-- official figure (it writes only over none, a draft or a returned one), and the status
-- recalculation each of these writes runs in its transaction moves the version itself whenever a
-- stored status changes (a figure that becomes official on submission, or stops being official
-- when returned). Under issue 21's load these writes came some 30 times a second and left no kept
-- page standing.
--
-- A short list of what is known to change no kept page, rather than a list of what does: an audit
-- row of any other kind, including any added later, still moves the version, so forgetting one
-- here costs only a rebuilt page, never a stale one (decision 0019).
CREATE OR REPLACE FUNCTION organisation_data_version_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.entity_type = 'measure-value' AND NEW.action IN ('create', 'edit', 'submit', 'return') THEN
    RETURN NEW;
  END IF;
  INSERT INTO organisation_data_versions (organisation_id, version) VALUES (NEW.organisation_id, 1)
  ON CONFLICT (organisation_id) DO UPDATE SET version = organisation_data_versions.version + 1;
  RETURN NEW;
END;
$$;
