import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../platform/db/db.ts';
import type { MeasureStatus, MeasureType, TargetKind } from '../../../kernel/measurement/vocabulary.ts';
import {
  measureAssignees,
  measureBreakdowns,
  measureItemLinks,
  measures,
  measureTargets,
  measureValues,
} from './measures.schema.ts';
import { people, units } from '../../organisation/index.ts';
import { planItemPartners, planItems, plans } from '../../plans/index.ts';

export type MeasureRow = typeof measures.$inferSelect;
export type MeasureInsert = typeof measures.$inferInsert;
export type TargetRow = typeof measureTargets.$inferSelect;
export type BreakdownRow = typeof measureBreakdowns.$inferSelect;

export interface MeasureFilters {
  /** Measures owned by these units (the service expands a unit to its descendants). */
  unitIds?: string[];
  ownerPersonId?: string;
  keyOnly?: boolean;
  status?: MeasureStatus;
  tag?: string;
  measureType?: MeasureType;
  /** Code or title contains this (case-insensitive). */
  search?: string;
  /** A partner sees only measures linked to items shared with its partnership. */
  partnerId?: string | null;
}

export interface MeasureListRow {
  id: string;
  code: string;
  title: string;
  unit: string;
  frequency: string;
  polarity: string;
  measureType: string;
  status: string;
  isKey: boolean;
  tags: string[];
  ownerPersonId: string | null;
  ownerName: string | null;
  ownerUnitId: string | null;
  ownerUnitName: string | null;
}

function partnerFilter(partnerId: string): SQL {
  return sql`exists (select 1 from ${measureItemLinks} l join ${planItemPartners} p on p.item_id = l.item_id
    where l.measure_id = ${measures.id} and p.partner_id = ${partnerId})`;
}

export async function listMeasures(
  db: Db,
  organisationId: string,
  filters: MeasureFilters = {},
): Promise<MeasureListRow[]> {
  const conditions: SQL[] = [eq(measures.organisationId, organisationId)];
  if (filters.unitIds) {
    if (filters.unitIds.length === 0) return [];
    conditions.push(inArray(measures.ownerUnitId, filters.unitIds));
  }
  if (filters.ownerPersonId) conditions.push(eq(measures.ownerPersonId, filters.ownerPersonId));
  if (filters.keyOnly) conditions.push(eq(measures.isKey, true));
  if (filters.status) conditions.push(eq(measures.status, filters.status));
  if (filters.measureType) conditions.push(eq(measures.measureType, filters.measureType));
  if (filters.tag) {
    conditions.push(sql`exists (select 1 from unnest(${measures.tags}) t where lower(t) = lower(${filters.tag}))`);
  }
  if (filters.search) {
    const pattern = `%${filters.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(${measures.code} ilike ${pattern} or ${measures.title} ilike ${pattern})`);
  }
  if (filters.partnerId) conditions.push(partnerFilter(filters.partnerId));
  return db
    .select({
      id: measures.id,
      code: measures.code,
      title: measures.title,
      unit: measures.unit,
      frequency: measures.frequency,
      polarity: measures.polarity,
      measureType: measures.measureType,
      status: measures.status,
      isKey: measures.isKey,
      tags: measures.tags,
      ownerPersonId: measures.ownerPersonId,
      ownerName: people.name,
      ownerUnitId: measures.ownerUnitId,
      ownerUnitName: units.name,
    })
    .from(measures)
    .leftJoin(people, eq(people.id, measures.ownerPersonId))
    .leftJoin(units, eq(units.id, measures.ownerUnitId))
    .where(and(...conditions))
    .orderBy(asc(measures.code));
}

/** Every distinct tag in use, for the filter. */
export async function listTags(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ tag: sql<string>`distinct unnest(${measures.tags})` })
    .from(measures)
    .where(eq(measures.organisationId, organisationId));
  return rows.map((row) => row.tag).sort((a, b) => a.localeCompare(b));
}

export async function findMeasure(
  db: Db,
  organisationId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<MeasureRow | undefined> {
  const query = db
    .select()
    .from(measures)
    .where(and(eq(measures.organisationId, organisationId), eq(measures.id, id)));
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0];
}

export async function isVisibleToPartner(
  db: Db,
  organisationId: string,
  id: string,
  partnerId: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: measures.id })
    .from(measures)
    .where(and(eq(measures.organisationId, organisationId), eq(measures.id, id), partnerFilter(partnerId)));
  return rows.length > 0;
}

export async function findMeasureByCode(db: Db, organisationId: string, code: string): Promise<MeasureRow | undefined> {
  const rows = await db
    .select()
    .from(measures)
    .where(and(eq(measures.organisationId, organisationId), sql`lower(${measures.code}) = lower(${code})`));
  return rows[0];
}

export async function insertMeasure(db: Db, values: MeasureInsert): Promise<MeasureRow> {
  const [row] = await db.insert(measures).values(values).returning();
  if (!row) throw new Error('insert into measures returned no row');
  return row;
}

/** Updates only if the row is still at the expected version; undefined means it changed (or vanished). */
export async function updateMeasure(
  db: Db,
  organisationId: string,
  id: string,
  expectedRowVersion: number,
  values: Partial<MeasureInsert>,
  now: Date,
): Promise<MeasureRow | undefined> {
  const [row] = await db
    .update(measures)
    .set({ ...values, rowVersion: sql`${measures.rowVersion} + 1`, updatedAt: now })
    .where(
      and(
        eq(measures.organisationId, organisationId),
        eq(measures.id, id),
        eq(measures.rowVersion, expectedRowVersion),
      ),
    )
    .returning();
  return row;
}

export async function findPerson(db: Db, organisationId: string, id: string) {
  const rows = await db
    .select({ id: people.id, name: people.name, unitId: people.unitId, status: people.status })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, id)));
  return rows[0];
}

export async function peopleByIds(db: Db, organisationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: people.id, name: people.name, email: people.email, jobTitle: people.jobTitle })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), inArray(people.id, ids)));
}

export async function findUnitName(db: Db, organisationId: string, id: string) {
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), eq(units.id, id)));
  return rows[0];
}

// --- plan item links ---------------------------------------------------------------------------

export interface LinkedItem {
  itemId: string;
  code: string;
  title: string;
  planId: string;
  planTitle: string;
  planStatus: string;
}

const linkedItemColumns = {
  itemId: planItems.id,
  code: planItems.code,
  title: planItems.title,
  planId: plans.id,
  planTitle: plans.title,
  planStatus: plans.status,
};

export async function listLinkedItems(db: Db, organisationId: string, measureId: string): Promise<LinkedItem[]> {
  return db
    .select(linkedItemColumns)
    .from(measureItemLinks)
    .innerJoin(planItems, eq(planItems.id, measureItemLinks.itemId))
    .innerJoin(plans, eq(plans.id, planItems.planId))
    .where(and(eq(measureItemLinks.organisationId, organisationId), eq(measureItemLinks.measureId, measureId)))
    .orderBy(asc(plans.title), asc(planItems.code));
}

export async function findItem(db: Db, organisationId: string, itemId: string): Promise<LinkedItem | undefined> {
  const rows = await db
    .select(linkedItemColumns)
    .from(planItems)
    .innerJoin(plans, eq(plans.id, planItems.planId))
    .where(and(eq(planItems.organisationId, organisationId), eq(planItems.id, itemId)));
  return rows[0];
}

/** Items a measure may be linked to: those of plans that are not superseded or archived. */
export async function listLinkableItems(db: Db, organisationId: string): Promise<LinkedItem[]> {
  return db
    .select(linkedItemColumns)
    .from(planItems)
    .innerJoin(plans, eq(plans.id, planItems.planId))
    .where(and(eq(planItems.organisationId, organisationId), sql`${plans.status} not in ('superseded', 'archived')`))
    .orderBy(asc(plans.title), asc(planItems.code));
}

export async function insertItemLink(db: Db, values: typeof measureItemLinks.$inferInsert): Promise<boolean> {
  const rows = await db.insert(measureItemLinks).values(values).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function deleteItemLink(
  db: Db,
  organisationId: string,
  measureId: string,
  itemId: string,
): Promise<boolean> {
  const rows = await db
    .delete(measureItemLinks)
    .where(
      and(
        eq(measureItemLinks.organisationId, organisationId),
        eq(measureItemLinks.measureId, measureId),
        eq(measureItemLinks.itemId, itemId),
      ),
    )
    .returning();
  return rows.length > 0;
}

/** The measures reported under a plan item. */
export async function listMeasuresForItem(db: Db, organisationId: string, itemId: string) {
  return db
    .select({
      id: measures.id,
      code: measures.code,
      title: measures.title,
      unit: measures.unit,
      frequency: measures.frequency,
      status: measures.status,
      isKey: measures.isKey,
    })
    .from(measureItemLinks)
    .innerJoin(measures, eq(measures.id, measureItemLinks.measureId))
    .where(and(eq(measureItemLinks.organisationId, organisationId), eq(measureItemLinks.itemId, itemId)))
    .orderBy(asc(measures.code));
}

// --- assignees -----------------------------------------------------------------------------------

export async function listAssignees(db: Db, organisationId: string, measureId: string) {
  return db
    .select({ personId: people.id, name: people.name, email: people.email })
    .from(measureAssignees)
    .innerJoin(people, eq(people.id, measureAssignees.personId))
    .where(and(eq(measureAssignees.organisationId, organisationId), eq(measureAssignees.measureId, measureId)))
    .orderBy(asc(people.name));
}

export async function insertAssignee(db: Db, values: typeof measureAssignees.$inferInsert): Promise<boolean> {
  const rows = await db.insert(measureAssignees).values(values).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function deleteAssignee(
  db: Db,
  organisationId: string,
  measureId: string,
  personId: string,
): Promise<boolean> {
  const rows = await db
    .delete(measureAssignees)
    .where(
      and(
        eq(measureAssignees.organisationId, organisationId),
        eq(measureAssignees.measureId, measureId),
        eq(measureAssignees.personId, personId),
      ),
    )
    .returning();
  return rows.length > 0;
}

// --- breakdowns ----------------------------------------------------------------------------------

export async function listBreakdowns(db: Db, organisationId: string, measureId: string): Promise<BreakdownRow[]> {
  return db
    .select()
    .from(measureBreakdowns)
    .where(and(eq(measureBreakdowns.organisationId, organisationId), eq(measureBreakdowns.measureId, measureId)))
    .orderBy(asc(measureBreakdowns.dimension), asc(measureBreakdowns.position), asc(measureBreakdowns.label));
}

export async function insertBreakdown(db: Db, values: typeof measureBreakdowns.$inferInsert): Promise<BreakdownRow> {
  const [row] = await db.insert(measureBreakdowns).values(values).returning();
  if (!row) throw new Error('insert into measure_breakdowns returned no row');
  return row;
}

// --- targets ------------------------------------------------------------------------------------

export type TargetWithSetter = TargetRow & { setByName: string | null };

export async function listTargets(db: Db, organisationId: string, measureId: string): Promise<TargetWithSetter[]> {
  const setter = alias(people, 'setter');
  const rows = await db
    .select({ target: measureTargets, setByName: setter.name })
    .from(measureTargets)
    .leftJoin(setter, eq(setter.id, measureTargets.setBy))
    .where(and(eq(measureTargets.organisationId, organisationId), eq(measureTargets.measureId, measureId)))
    .orderBy(
      desc(measureTargets.financialYear),
      asc(measureTargets.kind),
      asc(measureTargets.periodKey),
      asc(measureTargets.setAt),
    );
  return rows.map((row) => ({ ...row.target, setByName: row.setByName }));
}

export async function findTarget(
  db: Db,
  organisationId: string,
  measureId: string,
  id: string,
): Promise<TargetRow | undefined> {
  const rows = await db
    .select()
    .from(measureTargets)
    .where(
      and(
        eq(measureTargets.organisationId, organisationId),
        eq(measureTargets.measureId, measureId),
        eq(measureTargets.id, id),
      ),
    )
    .for('update');
  return rows[0];
}

export async function findCurrentTargetInSlot(
  db: Db,
  organisationId: string,
  slot: {
    measureId: string;
    breakdownId: string | null;
    kind: TargetKind;
    financialYear: string;
    periodKey: string | null;
  },
): Promise<TargetRow | undefined> {
  const rows = await db
    .select()
    .from(measureTargets)
    .where(
      and(
        eq(measureTargets.organisationId, organisationId),
        eq(measureTargets.measureId, slot.measureId),
        slot.breakdownId === null
          ? isNull(measureTargets.breakdownId)
          : eq(measureTargets.breakdownId, slot.breakdownId),
        eq(measureTargets.kind, slot.kind),
        eq(measureTargets.financialYear, slot.financialYear),
        slot.periodKey === null ? isNull(measureTargets.periodKey) : eq(measureTargets.periodKey, slot.periodKey),
        isNull(measureTargets.supersededAt),
      ),
    );
  return rows[0];
}

export async function insertTarget(db: Db, values: typeof measureTargets.$inferInsert): Promise<TargetRow> {
  const [row] = await db.insert(measureTargets).values(values).returning();
  if (!row) throw new Error('insert into measure_targets returned no row');
  return row;
}

/** Marks a current version superseded (step 1 of a revision: frees the slot for the new version). */
export async function supersedeTarget(db: Db, organisationId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(measureTargets)
    .set({ supersededAt: at })
    .where(
      and(
        eq(measureTargets.organisationId, organisationId),
        eq(measureTargets.id, id),
        isNull(measureTargets.supersededAt),
      ),
    )
    .returning();
  return rows.length > 0;
}

/** Step 3 of a revision: the old version points to the one that replaced it. */
export async function pointSupersededTo(db: Db, organisationId: string, id: string, by: string): Promise<void> {
  await db
    .update(measureTargets)
    .set({ supersededBy: by })
    .where(
      and(
        eq(measureTargets.organisationId, organisationId),
        eq(measureTargets.id, id),
        isNull(measureTargets.supersededBy),
      ),
    );
}

// --- values (read-only here; collection owns writing) ------------------------------------------

export async function recentValues(db: Db, organisationId: string, measureId: string, limit = 12) {
  const breakdown = alias(measureBreakdowns, 'breakdown');
  return db
    .select({
      id: measureValues.id,
      periodKey: measureValues.periodKey,
      breakdownId: measureValues.breakdownId,
      breakdownLabel: breakdown.label,
      value: measureValues.value,
      numerator: measureValues.numerator,
      denominator: measureValues.denominator,
      status: measureValues.status,
      quality: measureValues.quality,
      commentary: measureValues.commentary,
      updatedAt: measureValues.updatedAt,
    })
    .from(measureValues)
    .leftJoin(breakdown, eq(breakdown.id, measureValues.breakdownId))
    .where(and(eq(measureValues.organisationId, organisationId), eq(measureValues.measureId, measureId)))
    .orderBy(desc(measureValues.periodKey), asc(breakdown.label))
    .limit(limit);
}
