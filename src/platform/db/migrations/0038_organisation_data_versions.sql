CREATE TABLE "organisation_data_versions" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_data_versions" ADD CONSTRAINT "organisation_data_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Every audited write bumps its council's data version in its own transaction: the audit row is the
-- one thing every write makes, so no write can forget. The row lock is held to commit, as the audit
-- chain's per-council advisory lock already is, so writers wait no longer than they did.
CREATE OR REPLACE FUNCTION organisation_data_version_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO organisation_data_versions (organisation_id, version) VALUES (NEW.organisation_id, 1)
  ON CONFLICT (organisation_id) DO UPDATE SET version = organisation_data_versions.version + 1;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER audit_events_data_version
  AFTER INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION organisation_data_version_bump();
