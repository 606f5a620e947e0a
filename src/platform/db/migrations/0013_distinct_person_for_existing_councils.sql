-- Plan approval steps that need a different person (0011) were on by default only for councils
-- created after it; the column's default left every existing council's steps off. Here existing
-- steps take the default a new council gets (every step but the owner's own sign-off) unless the
-- council chose otherwise: a plan type saved since 0011 has an audit snapshot naming each step's
-- distinctPerson (framework.service.ts), and a council that saved it chose what it holds now, so
-- its steps are left alone. Each plan type changed here gets an audit row of its own.
INSERT INTO "audit_events" ("organisation_id", "actor_label", "entity_type", "entity_id", "action", "new_value", "reason")
SELECT s."organisation_id", 'System (migration 0013)', 'plan_type', s."plan_type_id"::text, 'update',
       jsonb_build_object('approvalStepsNeedingDifferentPerson', jsonb_agg(s."name" ORDER BY s."position")),
       'Approval steps need a different person for each step by default, as for a new council'
FROM "approval_steps" s
WHERE s."kind" <> 'owner' AND s."distinct_person" = false
  AND NOT EXISTS (
    SELECT 1 FROM "audit_events" a
    WHERE a."organisation_id" = s."organisation_id" AND a."entity_type" = 'plan_type'
      AND a."entity_id" = s."plan_type_id"::text
      AND jsonb_typeof(a."new_value" -> 'approvalSteps') = 'array'
      AND EXISTS (SELECT 1 FROM jsonb_array_elements(a."new_value" -> 'approvalSteps') e WHERE e ? 'distinctPerson')
  )
GROUP BY s."organisation_id", s."plan_type_id";
--> statement-breakpoint
UPDATE "approval_steps" s SET "distinct_person" = true
WHERE s."kind" <> 'owner' AND s."distinct_person" = false
  AND NOT EXISTS (
    SELECT 1 FROM "audit_events" a
    WHERE a."organisation_id" = s."organisation_id" AND a."entity_type" = 'plan_type'
      AND a."entity_id" = s."plan_type_id"::text
      AND jsonb_typeof(a."new_value" -> 'approvalSteps') = 'array'
      AND EXISTS (SELECT 1 FROM jsonb_array_elements(a."new_value" -> 'approvalSteps') e WHERE e ? 'distinctPerson')
  );
