/**
 * Bulk reads for importing and exporting measures, breakdown categories, targets and values, and
 * the writes of breakdown categories and targets. Values are written by import-writes.repository
 * (COPY, for files of a million rows).
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../platform/db/db.ts';
import {
  measureAssignees,
  measureBreakdowns,
  measures,
  measureTargets,
  measureValues,
  periodLocks,
} from '../../measures/index.ts';
import { organisations } from '../../../platform/tenancy/organisations.schema.ts';
import { people, units } from '../../organisation/index.ts';

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
  breakdownId: string | null;
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

/** The stored values (whole measure and breakdowns) of these measures: an import compares against them. */
export async function existingValues(db: Db, organisationId: string, measureIds: string[]): Promise<ExistingValue[]> {
  let found: ExistingValue[] = [];
  for (let i = 0; i < measureIds.length; i += 5_000) {
    const rows = await db
      .select({
        id: measureValues.id,
        measureId: measureValues.measureId,
        breakdownId: measureValues.breakdownId,
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
      .where(
        and(
          eq(measureValues.organisationId, organisationId),
          inArray(measureValues.measureId, measureIds.slice(i, i + 5_000)),
        ),
      );
    // concat, not push(...rows): a million rows would overflow the call stack.
    found = found.length === 0 ? rows : found.concat(rows);
  }
  return found;
}

/** Open locks as 'measureId|periodKey' ('*|periodKey' for a whole-organisation lock). */
export async function openLockKeys(db: Db, organisationId: string): Promise<Set<string>> {
  const rows = await db
    .select({ measureId: periodLocks.measureId, periodKey: periodLocks.periodKey })
    .from(periodLocks)
    .where(and(eq(periodLocks.organisationId, organisationId), isNull(periodLocks.reopenedAt)));
  return new Set(rows.map((row) => `${row.measureId ?? '*'}|${row.periodKey}`));
}

// --- breakdown categories -------------------------------------------------------------------------

export type BreakdownRow = typeof measureBreakdowns.$inferSelect;

export async function allBreakdowns(db: Db, organisationId: string): Promise<BreakdownRow[]> {
  return db
    .select()
    .from(measureBreakdowns)
    .where(eq(measureBreakdowns.organisationId, organisationId))
    .orderBy(
      asc(measureBreakdowns.measureId),
      asc(measureBreakdowns.dimension),
      asc(measureBreakdowns.position),
      asc(measureBreakdowns.code),
    );
}

export async function insertBreakdowns(db: Db, rows: (typeof measureBreakdowns.$inferInsert)[]): Promise<number> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(measureBreakdowns).values(rows.slice(i, i + 1000));
  return rows.length;
}

/** A category's name and place in the list (its measure, breakdown and code identify it and do not change). */
export async function updateBreakdown(
  db: Db,
  organisationId: string,
  id: string,
  values: { label: string; position: number },
): Promise<boolean> {
  const rows = await db
    .update(measureBreakdowns)
    .set(values)
    .where(and(eq(measureBreakdowns.organisationId, organisationId), eq(measureBreakdowns.id, id)))
    .returning({ id: measureBreakdowns.id });
  return rows.length === 1;
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

/** The active measures with what decides who may export them (their unit, owner and verifier). */
export async function activeMeasuresForScope(db: Db, organisationId: string) {
  return db
    .select({
      id: measures.id,
      ownerUnitId: measures.ownerUnitId,
      ownerPersonId: measures.ownerPersonId,
      verifierPersonId: measures.verifierPersonId,
    })
    .from(measures)
    .where(and(eq(measures.organisationId, organisationId), eq(measures.status, 'active')));
}

/** The measures a person is assigned to enter data for. */
export async function assignedMeasureIds(db: Db, organisationId: string, personId: string): Promise<Set<string>> {
  const rows = await db
    .select({ measureId: measureAssignees.measureId })
    .from(measureAssignees)
    .where(and(eq(measureAssignees.organisationId, organisationId), eq(measureAssignees.personId, personId)));
  return new Set(rows.map((row) => row.measureId));
}

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

/** Breakdown categories of the active measures, in the order the measure page lists them. */
export async function breakdownsForExport(db: Db, organisationId: string) {
  return db
    .select({ breakdown: measureBreakdowns, code: measures.code })
    .from(measureBreakdowns)
    .innerJoin(measures, eq(measures.id, measureBreakdowns.measureId))
    .where(and(eq(measureBreakdowns.organisationId, organisationId), eq(measures.status, 'active')))
    .orderBy(
      asc(measures.code),
      asc(measureBreakdowns.dimension),
      asc(measureBreakdowns.position),
      asc(measureBreakdowns.code),
    );
}

/** Current targets of the active measures, the whole measure's before its breakdown categories'. */
export async function targetsForExport(db: Db, organisationId: string) {
  return db
    .select({
      target: measureTargets,
      code: measures.code,
      breakdown: measureBreakdowns.dimension,
      breakdownCode: measureBreakdowns.code,
    })
    .from(measureTargets)
    .innerJoin(measures, eq(measures.id, measureTargets.measureId))
    .leftJoin(measureBreakdowns, eq(measureBreakdowns.id, measureTargets.breakdownId))
    .where(
      and(
        eq(measureTargets.organisationId, organisationId),
        eq(measures.status, 'active'),
        isNull(measureTargets.supersededAt),
      ),
    )
    .orderBy(
      asc(measures.code),
      sql`${measureBreakdowns.dimension} NULLS FIRST`,
      sql`${measureBreakdowns.code} NULLS FIRST`,
      asc(measureTargets.kind),
      asc(measureTargets.financialYear),
      asc(measureTargets.periodKey),
    );
}

/** Values of the active measures, the whole measure's before its breakdown categories'. */
export async function valuesForExport(db: Db, organisationId: string) {
  return db
    .select({
      measureId: measureValues.measureId,
      code: measures.code,
      breakdown: measureBreakdowns.dimension,
      breakdownCode: measureBreakdowns.code,
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
    .leftJoin(measureBreakdowns, eq(measureBreakdowns.id, measureValues.breakdownId))
    .where(and(eq(measureValues.organisationId, organisationId), eq(measures.status, 'active')))
    .orderBy(
      asc(measures.code),
      sql`${measureBreakdowns.dimension} NULLS FIRST`,
      sql`${measureBreakdowns.code} NULLS FIRST`,
      asc(measureValues.periodKey),
    );
}

/** Active people with this e-mail address (any organisation): the command line acts as one of them. */
export async function activePeopleByEmail(db: Db, email: string) {
  return db
    .select({ id: people.id, organisationId: people.organisationId, slug: organisations.slug })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(sql`lower(${people.email}) = lower(${email})`, eq(people.status, 'active')));
}
