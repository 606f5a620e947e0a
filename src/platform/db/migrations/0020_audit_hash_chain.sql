-- The audit trail is tamper-evident: each row carries the SHA-256 of its canonical form, which holds
-- the previous row's hash of the same organisation (docs/decisions/0014-audit-hash-chain.md).
ALTER TABLE "audit_events" ADD COLUMN "chain_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "prev_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The canonical form, version 1: a JSON array, written by PostgreSQL's jsonb output (keys sorted,
-- fixed spacing) so that it is the same text on every server; the time in UTC to the microsecond.
CREATE OR REPLACE FUNCTION audit_event_canonical(e audit_events) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(
    'golden-thread-audit-v1',
    e.id,
    e.organisation_id,
    e.chain_seq,
    to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    e.actor_person_id,
    e.actor_label,
    e.entity_type,
    e.entity_id,
    e.action,
    e.old_value,
    e.new_value,
    e.reason,
    e.prev_hash
  )::text
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_event_hash(e audit_events) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(audit_event_canonical(e), 'UTF8')), 'hex')
$$;--> statement-breakpoint
-- Chains each new row after the last one of its organisation. The transaction-level advisory lock
-- (one per organisation) makes concurrent writers take turns, and each statement in this function
-- takes a fresh snapshot under READ COMMITTED, so the second writer sees the first one's row once
-- it may go on. The unique index on (organisation_id, chain_seq) turns any slip into an error.
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('golden-thread:audit-chain'), hashtext(NEW.organisation_id::text));
  SELECT chain_seq, hash INTO last_seq, last_hash
    FROM audit_events WHERE organisation_id = NEW.organisation_id
    ORDER BY chain_seq DESC LIMIT 1;
  NEW.chain_seq := COALESCE(last_seq, 0) + 1;
  NEW.prev_hash := COALESCE(last_hash, repeat('0', 64));
  NEW.hash := audit_event_hash(NEW);
  RETURN NEW;
END;
$$;--> statement-breakpoint
-- Rows written before this migration are chained in the order they were written (their ids).
ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;--> statement-breakpoint
DO $$
DECLARE
  r record;
  current_org uuid;
  last_seq bigint;
  last_hash text;
BEGIN
  FOR r IN SELECT id, organisation_id FROM audit_events ORDER BY organisation_id, id LOOP
    IF current_org IS DISTINCT FROM r.organisation_id THEN
      current_org := r.organisation_id;
      last_seq := 0;
      last_hash := repeat('0', 64);
    END IF;
    last_seq := last_seq + 1;
    UPDATE audit_events SET chain_seq = last_seq, prev_hash = last_hash WHERE id = r.id;
    UPDATE audit_events e SET hash = audit_event_hash(e) WHERE id = r.id RETURNING hash INTO last_hash;
  END LOOP;
END;
$$;--> statement-breakpoint
ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_chain_idx" ON "audit_events" USING btree ("organisation_id","chain_seq");--> statement-breakpoint
CREATE TRIGGER audit_events_hash_chain
  BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
