/**
 * Bulk reads and writes for importing and exporting measures, targets and values. Writes are
 * set-based: a batch of rows travels as one JSON parameter and is expanded in the database with
 * json_to_recordset, so ten thousand rows are one statement on PostgreSQL and on PGlite alike.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db.ts';
import { rowsOf } from '../rows.ts';
import { measures, measureTargets, measureValues, organisations, people, periodLocks, units } from '../schema/index.ts';

export type MeasureRow = typeof measures.$inferSelect;

export async function allMeasures(db: Db, organisationId: string): Promise<MeasureRow[]> {
  return db.select().from(measures).where(eq(measures.organisationId, organisationId)).orderBy(asc(measures.code));
}

export async function peopleDirectory(db: Db, organisationId: string) {
  return db
    .select({ id: people.id, email: people.email, unitId: people.unitId, status: people.status })
    .from(people)
    .where(eq(people.organisationId, organisationId));
}

export async function unitDirectory(db: Db, organisationId: string) {
  return db
    .select({ id: units.id, code: units.code, parentId: units.parentId })
    .from(units)
    .where(eq(units.organisationId, organisationId));
}

export interface ExistingValue {
  id: string;
  measureId: string;
  periodKey: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  commentary: string;
  quality: string;
  evidenceUrl: string;
  status: string;
  rowVersion: number;
}

/** The whole-measure values of the organisation (an import compares against them). */
export async function existingValues(db: Db, organisationId: string): Promise<ExistingValue[]> {
  return db
    .select({
      id: measureValues.id,
      measureId: measureValues.measureId,
      periodKey: measureValues.periodKey,
      value: measureValues.value,
      numerator: measureValues.numerator,
      denominator: measureValues.denominator,
      commentary: measureValues.commentary,
      quality: measureValues.quality,
      evidenceUrl: measureValues.evidenceUrl,
      status: measureValues.status,
      rowVersion: measureValues.rowVersion,
    })
    .from(measureValues)
    .where(and(eq(measureValues.organisationId, organisationId), isNull(measureValues.breakdownId)));
}

/** Open locks as 'measureId|periodKey' ('*|periodKey' for a whole-organisation lock). */
export async function openLockKeys(db: Db, organisationId: string): Promise<Set<string>> {
  const rows = await db
    .select({ measureId: periodLocks.measureId, periodKey: periodLocks.periodKey })
    .from(periodLocks)
    .where(and(eq(periodLocks.organisationId, organisationId), isNull(periodLocks.reopenedAt)));
  return new Set(rows.map((row) => `${row.measureId ?? '*'}|${row.periodKey}`));
}

export interface NewValue {
  measureId: string;
  periodKey: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  commentary: string;
  quality: string;
  evidenceUrl: string;
  status: string;
}

const snapshotSql = (alias: string) =>
  sql.raw(
    `jsonb_build_object('value', ${alias}.value, 'numerator', ${alias}.numerator, 'denominator', ${alias}.denominator, ` +
      `'commentary', ${alias}.commentary, 'quality', ${alias}.quality, 'evidenceUrl', ${alias}.evidence_url)`,
  );

/** Inserts new values and their 'import' events in one statement; returns how many were inserted. */
export async function insertValues(
  db: Db,
  organisationId: string,
  actorId: string,
  reason: string,
  rows: NewValue[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const json = JSON.stringify(
    rows.map((row) => ({
      m: row.measureId,
      p: row.periodKey,
      v: row.value,
      n: row.numerator,
      d: row.denominator,
      c: row.commentary,
      q: row.quality,
      e: row.evidenceUrl,
      s: row.status,
    })),
  );
  const result = await db.execute(sql`
    WITH src AS (
      SELECT * FROM json_to_recordset(${json}::json)
        AS x(m uuid, p text, v double precision, n double precision, d double precision, c text, q text, e text, s text)
    ), ins AS (
      INSERT INTO measure_values (organisation_id, measure_id, period_key, value, numerator, denominator, commentary,
                                  quality, evidence_url, status, entered_by, updated_by)
      SELECT ${organisationId}::uuid, m, p, v, n, d, c, q, e, s, ${actorId}::uuid, ${actorId}::uuid FROM src
      RETURNING id, measure_id, period_key, value, numerator, denominator, commentary, quality, evidence_url, status
    ), ev AS (
      INSERT INTO measure_value_events (organisation_id, value_id, measure_id, period_key, action, from_status, to_status,
                                        old_value, new_value, actor_person_id, reason)
      SELECT ${organisationId}::uuid, ins.id, ins.measure_id, ins.period_key, 'import', NULL, ins.status, NULL,
             ${snapshotSql('ins')}, ${actorId}::uuid, ${reason}
      FROM ins
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM ev`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

export interface ChangedValue extends NewValue {
  id: string;
  rowVersion: number;
}

/** Updates stored values at the version read during checking, with 'import' events; returns the count updated. */
export async function updateValues(
  db: Db,
  organisationId: string,
  actorId: string,
  reason: string,
  rows: ChangedValue[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const json = JSON.stringify(
    rows.map((row) => ({
      id: row.id,
      r: row.rowVersion,
      v: row.value,
      n: row.numerator,
      d: row.denominator,
      c: row.commentary,
      q: row.quality,
      e: row.evidenceUrl,
      s: row.status,
    })),
  );
  const result = await db.execute(sql`
    WITH src AS (
      SELECT * FROM json_to_recordset(${json}::json)
        AS x(id uuid, r int, v double precision, n double precision, d double precision, c text, q text, e text, s text)
    ), old AS (
      SELECT mv.* FROM measure_values mv JOIN src ON src.id = mv.id AND mv.row_version = src.r
      WHERE mv.organisation_id = ${organisationId}::uuid
    ), upd AS (
      UPDATE measure_values mv
      SET value = src.v, numerator = src.n, denominator = src.d, commentary = src.c, quality = src.q,
          evidence_url = src.e, status = src.s, updated_by = ${actorId}::uuid, row_version = mv.row_version + 1,
          updated_at = now()
      FROM src
      WHERE mv.id = src.id AND mv.row_version = src.r AND mv.organisation_id = ${organisationId}::uuid
      RETURNING mv.id, mv.measure_id, mv.period_key, mv.value, mv.numerator, mv.denominator, mv.commentary,
                mv.quality, mv.evidence_url, mv.status
    ), ev AS (
      INSERT INTO measure_value_events (organisation_id, value_id, measure_id, period_key, action, from_status, to_status,
                                        old_value, new_value, actor_person_id, reason)
      SELECT ${organisationId}::uuid, upd.id, upd.measure_id, upd.period_key, 'import', old.status, upd.status,
             ${snapshotSql('old')}, ${snapshotSql('upd')}, ${actorId}::uuid, ${reason}
      FROM upd JOIN old ON old.id = upd.id
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM ev`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

// --- targets --------------------------------------------------------------------------------------

export type TargetRow = typeof measureTargets.$inferSelect;

export async function currentTargets(db: Db, organisationId: string): Promise<TargetRow[]> {
  return db
    .select()
    .from(measureTargets)
    .where(and(eq(measureTargets.organisationId, organisationId), isNull(measureTargets.supersededAt)));
}

export async function insertTargets(db: Db, rows: (typeof measureTargets.$inferInsert)[]): Promise<TargetRow[]> {
  const inserted: TargetRow[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    inserted.push(
      ...(await db
        .insert(measureTargets)
        .values(rows.slice(i, i + 1000))
        .returning()),
    );
  }
  return inserted;
}

// --- export ---------------------------------------------------------------------------------------

/** Active measures with their owner's and verifier's e-mail and their unit's code. */
export async function measuresForExport(db: Db, organisationId: string) {
  const owner = alias(people, 'owner');
  const verifier = alias(people, 'verifier');
  return db
    .select({ measure: measures, ownerEmail: owner.email, verifierEmail: verifier.email, ownerUnitCode: units.code })
    .from(measures)
    .leftJoin(owner, eq(owner.id, measures.ownerPersonId))
    .leftJoin(verifier, eq(verifier.id, measures.verifierPersonId))
    .leftJoin(units, eq(units.id, measures.ownerUnitId))
    .where(and(eq(measures.organisationId, organisationId), eq(measures.status, 'active')))
    .orderBy(asc(measures.code));
}

export async function targetsForExport(db: Db, organisationId: string) {
  return db
    .select({ target: measureTargets, code: measures.code })
    .from(measureTargets)
    .innerJoin(measures, eq(measures.id, measureTargets.measureId))
    .where(
      and(
        eq(measureTargets.organisationId, organisationId),
        eq(measures.status, 'active'),
        isNull(measureTargets.supersededAt),
        isNull(measureTargets.breakdownId),
      ),
    )
    .orderBy(
      asc(measures.code),
      asc(measureTargets.kind),
      asc(measureTargets.financialYear),
      asc(measureTargets.periodKey),
    );
}

export async function valuesForExport(db: Db, organisationId: string) {
  return db
    .select({
      code: measures.code,
      periodKey: measureValues.periodKey,
      value: measureValues.value,
      numerator: measureValues.numerator,
      denominator: measureValues.denominator,
      commentary: measureValues.commentary,
      quality: measureValues.quality,
      evidenceUrl: measureValues.evidenceUrl,
      status: measureValues.status,
    })
    .from(measureValues)
    .innerJoin(measures, eq(measures.id, measureValues.measureId))
    .where(
      and(
        eq(measureValues.organisationId, organisationId),
        eq(measures.status, 'active'),
        isNull(measureValues.breakdownId),
      ),
    )
    .orderBy(asc(measures.code), asc(measureValues.periodKey));
}

/** Active people with this e-mail address (any organisation): the command line acts as one of them. */
export async function activePeopleByEmail(db: Db, email: string) {
  return db
    .select({ id: people.id, organisationId: people.organisationId, slug: organisations.slug })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(sql`lower(${people.email}) = lower(${email})`, eq(people.status, 'active')));
}
