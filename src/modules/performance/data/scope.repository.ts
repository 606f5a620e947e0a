/**
 * What the views for every level read besides the stored statuses: the portfolios and governance
 * bodies a view can be scoped to, the measures in a body's remit or a person's own, and what the
 * overdue returns page needs. Every query filters by organisation, so another council's id is
 * simply not found.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/db.ts';
import { rowsOf, textArray } from '../../../platform/db/rows.ts';

export interface ScopeOption {
  id: string;
  name: string;
}

// Schemas are built once, here: zod compiles each schema on its first parse, so one built inside a
// function (worse, inside a row's callback) pays that compilation on every call or every row.
const optionRow = z.object({ id: z.string(), name: z.string() });
const idRow = z.object({ id: z.string() });
const portfolioScopeRow = z.object({
  id: z.string(),
  name: z.string(),
  holderName: z.string().nullable(),
  unitIds: z.array(z.string()),
});
const bodyScopeRow = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  frameworkRoles: z.array(z.string()),
});
const enteredReturnRow = z.object({ measureId: z.string(), periodKey: z.string() });
const daysRow = z.object({ days: z.number() });

export async function listPortfolioOptions(db: Db, organisationId: string): Promise<ScopeOption[]> {
  const rows = rowsOf(
    await db.execute(sql`SELECT id, name FROM portfolios WHERE organisation_id = ${organisationId} ORDER BY name`),
  );
  return rows.map((row) => optionRow.parse(row));
}

export async function listBodyOptions(db: Db, organisationId: string): Promise<ScopeOption[]> {
  const rows = rowsOf(
    await db.execute(
      sql`SELECT id, name FROM governance_bodies WHERE organisation_id = ${organisationId} ORDER BY name`,
    ),
  );
  return rows.map((row) => optionRow.parse(row));
}

export interface PortfolioScope {
  id: string;
  name: string;
  holderName: string | null;
  unitIds: string[];
}

/** A portfolio of this organisation with its units, or null (another council's id included). */
export async function findPortfolioScope(db: Db, organisationId: string, id: string): Promise<PortfolioScope | null> {
  const rows = rowsOf(
    await db.execute(sql`
      SELECT p.id, p.name, h.name AS "holderName",
             COALESCE((SELECT array_agg(pu.unit_id::text) FROM portfolio_units pu WHERE pu.portfolio_id = p.id), '{}') AS "unitIds"
      FROM portfolios p LEFT JOIN people h ON h.id = p.holder_person_id
      WHERE p.organisation_id = ${organisationId} AND p.id = ${id}`),
  );
  const row = rows[0];
  if (!row) return null;
  return portfolioScopeRow.parse(row);
}

export interface BodyScope {
  id: string;
  name: string;
  kind: string;
  frameworkRoles: string[];
}

/** A governance body of this organisation, or null. */
export async function findBodyScope(db: Db, organisationId: string, id: string): Promise<BodyScope | null> {
  const rows = rowsOf(
    await db.execute(sql`
      SELECT id, name, kind, framework_roles AS "frameworkRoles"
      FROM governance_bodies WHERE organisation_id = ${organisationId} AND id = ${id}`),
  );
  const row = rows[0];
  if (!row) return null;
  return bodyScopeRow.parse(row);
}

/**
 * A governance body's remit (docs/decisions/0015-governance-body-remit.md): the measures linked to
 * the items of the approved plans whose plan type has an approval step taken by the body, and
 * every measure when the council's sign-off of figures names the body as verifier or approver.
 */
export async function bodyRemitMeasureIds(db: Db, organisationId: string, bodyId: string): Promise<Set<string>> {
  const rows = rowsOf(
    await db.execute(sql`
      SELECT DISTINCT l.measure_id AS id
      FROM approval_steps s
      JOIN plans p ON p.plan_type_id = s.plan_type_id AND p.organisation_id = s.organisation_id
      JOIN plan_items i ON i.plan_id = p.id AND i.organisation_id = p.organisation_id
      JOIN measure_item_links l ON l.item_id = i.id AND l.organisation_id = i.organisation_id
      WHERE s.organisation_id = ${organisationId} AND s.kind = 'body' AND s.body_id = ${bodyId}
        AND p.status = 'approved'
      UNION
      SELECT m.id
      FROM measures m JOIN collection_rules r ON r.organisation_id = m.organisation_id
      WHERE m.organisation_id = ${organisationId}
        AND ((r.verify_who = 'body' AND r.verify_body_id = ${bodyId})
          OR (r.approve_who = 'body' AND r.approve_body_id = ${bodyId}))`),
  );
  return new Set(rows.map((row) => idRow.parse(row).id));
}

/** The measures a person owns, enters data for or verifies. */
export async function myMeasureIds(db: Db, organisationId: string, personId: string): Promise<Set<string>> {
  const rows = rowsOf(
    await db.execute(sql`
      SELECT id FROM measures
      WHERE organisation_id = ${organisationId} AND (owner_person_id = ${personId} OR verifier_person_id = ${personId})
      UNION
      SELECT measure_id AS id FROM measure_assignees
      WHERE organisation_id = ${organisationId} AND person_id = ${personId}`),
  );
  return new Set(rows.map((row) => idRow.parse(row).id));
}

export interface ReturnMeasureRow {
  id: string;
  code: string;
  title: string;
  frequency: string;
  dueWorkingDays: number | null;
  ownerUnitId: string | null;
  unitName: string | null;
  ownerName: string | null;
}

const returnMeasureRow = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  frequency: z.string(),
  dueWorkingDays: z.number().nullable(),
  ownerUnitId: z.string().nullable(),
  unitName: z.string().nullable(),
  ownerName: z.string().nullable(),
});

/** Every active measure with the names of its unit and owner (the overdue returns page). */
export async function measuresForReturns(db: Db, organisationId: string): Promise<ReturnMeasureRow[]> {
  const rows = rowsOf(
    await db.execute(sql`
      SELECT m.id, m.code, m.title, m.frequency, m.due_working_days AS "dueWorkingDays",
             m.owner_unit_id AS "ownerUnitId", u.name AS "unitName", o.name AS "ownerName"
      FROM measures m
      LEFT JOIN units u ON u.id = m.owner_unit_id
      LEFT JOIN people o ON o.id = m.owner_person_id
      WHERE m.organisation_id = ${organisationId} AND m.status = 'active'`),
  );
  return rows.map((row) => returnMeasureRow.parse(row));
}

/**
 * The measure and period pairs (`measureId|periodKey`) that have a figure entered: submitted or
 * further on (a draft or a returned figure is not yet entered, as on "my data").
 */
export async function enteredReturns(
  db: Db,
  organisationId: string,
  measureIds: readonly string[],
  periodKeys: readonly string[],
): Promise<Set<string>> {
  if (measureIds.length === 0 || periodKeys.length === 0) return new Set();
  const rows = rowsOf(
    await db.execute(sql`
      SELECT measure_id AS "measureId", period_key AS "periodKey" FROM measure_values
      WHERE organisation_id = ${organisationId} AND breakdown_id IS NULL
        AND status NOT IN ('draft', 'returned')
        AND measure_id = ANY(${textArray(measureIds)}::uuid[])
        AND period_key = ANY(${textArray(periodKeys)}::text[])`),
  );
  return new Set(
    rows.map((row) => {
      const parsed = enteredReturnRow.parse(row);
      return `${parsed.measureId}|${parsed.periodKey}`;
    }),
  );
}

/** The council's working days from a period's end to its due date (the default when it set none). */
export async function workingDaysToDue(db: Db, organisationId: string): Promise<number | null> {
  const rows = rowsOf(
    await db.execute(sql`
      SELECT working_days_after_period_end AS days FROM collection_rules WHERE organisation_id = ${organisationId}`),
  );
  const row = rows[0];
  return row ? daysRow.parse(row).days : null;
}
