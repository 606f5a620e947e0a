/** SQL for the capital programme, reserves, borrowing, savings, the MTFS and plan links; every query scoped to the organisation. */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { moneyFromPence, type Money } from '../../../kernel/money.ts';
import type { Db } from '../../../platform/db/db.ts';
import { units } from '../../organisation/index.ts';
import { planItems } from '../../plans/index.ts';
import { CAPITAL_AMOUNTS, type CapitalYearInput } from '../domain/capital.ts';
import { MTFS_AMOUNTS, type MtfsFigures } from '../domain/mtfs.ts';
import {
  BORROWING_AMOUNTS,
  RESERVE_AMOUNTS,
  type BorrowingFigures,
  type ReserveFigures,
  type ReserveKind,
} from '../domain/reserves.ts';
import { SAVING_AMOUNTS, type Deliverability, type SavingFigures } from '../domain/savings.ts';
import { costCentres } from './money.schema.ts';
import {
  borrowingYears,
  capitalSchemes,
  capitalSchemeYears,
  costCentrePlanLinks,
  mtfsVersions,
  mtfsYears,
  reserves,
  reserveYears,
  savings,
  savingYears,
} from './programme.schema.ts';

/** Amount columns come back as numbers of pence; these make them Money (or null from a left join). */
function amountsOf<F extends string>(fields: readonly F[], row: Record<string, unknown>): Record<F, Money> | null {
  if (row[fields[0]!] === null || row[fields[0]!] === undefined) return null;
  const figures = {} as Record<F, Money>;
  for (const field of fields) figures[field] = moneyFromPence(Number(row[field]));
  return figures;
}

function columnsOf<F extends string>(table: PgTable, fields: readonly F[]): Record<F, PgColumn> {
  const columns = table as unknown as Record<string, PgColumn>;
  return Object.fromEntries(fields.map((field) => [field, columns[field]!])) as Record<F, PgColumn>;
}

/** The SET of an upsert: every named column takes the value that was refused as a duplicate. */
function excluded(table: PgTable, fields: readonly string[]): Record<string, SQL> {
  const columns = table as unknown as Record<string, PgColumn>;
  return {
    ...Object.fromEntries(fields.map((field) => [field, sql.raw(`excluded.${columns[field]!.name}`)])),
    updatedAt: sql`now()`,
  };
}

// ---- Capital ----

export interface SchemeRow {
  id: string;
  code: string;
  name: string;
  unitId: string;
  unitName: string;
}

const schemeColumns = {
  id: capitalSchemes.id,
  code: capitalSchemes.code,
  name: capitalSchemes.name,
  unitId: capitalSchemes.unitId,
  unitName: units.name,
};

export async function listSchemes(db: Db, organisationId: string): Promise<SchemeRow[]> {
  return db
    .select(schemeColumns)
    .from(capitalSchemes)
    .innerJoin(units, eq(units.id, capitalSchemes.unitId))
    .where(eq(capitalSchemes.organisationId, organisationId))
    .orderBy(asc(capitalSchemes.code));
}

export async function findScheme(db: Db, organisationId: string, id: string): Promise<SchemeRow | undefined> {
  const [row] = await db
    .select(schemeColumns)
    .from(capitalSchemes)
    .innerJoin(units, eq(units.id, capitalSchemes.unitId))
    .where(and(eq(capitalSchemes.organisationId, organisationId), eq(capitalSchemes.id, id)));
  return row;
}

export async function insertScheme(
  tx: Db,
  organisationId: string,
  input: { code: string; name: string; unitId: string },
): Promise<string> {
  const [row] = await tx
    .insert(capitalSchemes)
    .values({ organisationId, ...input })
    .returning({ id: capitalSchemes.id });
  return row!.id;
}

export type StoredCapitalYear = CapitalYearInput & { schemeId: string };

/** Each scheme's figures for a year, keyed by scheme id. */
export async function capitalYears(
  db: Db,
  organisationId: string,
  startYear: number,
  schemeIds?: readonly string[],
): Promise<Map<string, StoredCapitalYear>> {
  if (schemeIds && schemeIds.length === 0) return new Map();
  const rows = await db
    .select({
      schemeId: capitalSchemeYears.schemeId,
      slippageReason: capitalSchemeYears.slippageReason,
      explanation: capitalSchemeYears.explanation,
      ...columnsOf(capitalSchemeYears, CAPITAL_AMOUNTS),
    })
    .from(capitalSchemeYears)
    .where(
      and(
        eq(capitalSchemeYears.organisationId, organisationId),
        eq(capitalSchemeYears.startYear, startYear),
        schemeIds ? inArray(capitalSchemeYears.schemeId, [...schemeIds]) : undefined,
      ),
    );
  return new Map(
    rows.map((row) => [
      row.schemeId,
      {
        schemeId: row.schemeId,
        slippageReason: row.slippageReason,
        explanation: row.explanation,
        ...amountsOf(CAPITAL_AMOUNTS, row)!,
      },
    ]),
  );
}

export async function upsertCapitalYears(
  tx: Db,
  organisationId: string,
  startYear: number,
  years: readonly (CapitalYearInput & { schemeId: string })[],
): Promise<Map<string, string>> {
  if (years.length === 0) return new Map();
  const rows = await tx
    .insert(capitalSchemeYears)
    .values(years.map((year) => ({ organisationId, startYear, ...year })))
    .onConflictDoUpdate({
      target: [capitalSchemeYears.schemeId, capitalSchemeYears.startYear, capitalSchemeYears.organisationId],
      set: excluded(capitalSchemeYears, [...CAPITAL_AMOUNTS, 'slippageReason', 'explanation']),
    })
    .returning({ id: capitalSchemeYears.id, schemeId: capitalSchemeYears.schemeId });
  return new Map(rows.map((row) => [row.schemeId, row.id]));
}

/** The years that have any capital, reserve, borrowing or savings figures, for the year filter. */
export async function yearsWith(db: Db, organisationId: string): Promise<number[]> {
  const years = new Set<number>();
  for (const table of [capitalSchemeYears, reserveYears, borrowingYears, savingYears]) {
    const rows = await db
      .selectDistinct({ startYear: table.startYear })
      .from(table)
      .where(eq(table.organisationId, organisationId));
    for (const row of rows) years.add(row.startYear);
  }
  return [...years].sort((a, b) => a - b);
}

// ---- Reserves and borrowing ----

export interface ReserveRow {
  id: string;
  name: string;
  kind: ReserveKind;
  purpose: string;
  figures: ReserveFigures | null;
}

export async function listReserves(db: Db, organisationId: string, startYear: number): Promise<ReserveRow[]> {
  const rows = await db
    .select({
      id: reserves.id,
      name: reserves.name,
      kind: reserves.kind,
      purpose: reserves.purpose,
      ...columnsOf(reserveYears, RESERVE_AMOUNTS),
    })
    .from(reserves)
    .leftJoin(reserveYears, and(eq(reserveYears.reserveId, reserves.id), eq(reserveYears.startYear, startYear)))
    .where(eq(reserves.organisationId, organisationId))
    .orderBy(asc(reserves.kind), asc(reserves.name));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind as ReserveKind,
    purpose: row.purpose,
    figures: amountsOf(RESERVE_AMOUNTS, row),
  }));
}

export async function insertReserve(
  tx: Db,
  organisationId: string,
  input: { name: string; kind: ReserveKind; purpose: string },
): Promise<string> {
  const [row] = await tx
    .insert(reserves)
    .values({ organisationId, ...input })
    .returning({ id: reserves.id });
  return row!.id;
}

export async function upsertReserveYear(
  tx: Db,
  organisationId: string,
  reserveId: string,
  startYear: number,
  figures: ReserveFigures,
): Promise<string> {
  const [row] = await tx
    .insert(reserveYears)
    .values({ organisationId, reserveId, startYear, ...figures })
    .onConflictDoUpdate({
      target: [reserveYears.reserveId, reserveYears.startYear, reserveYears.organisationId],
      set: excluded(reserveYears, RESERVE_AMOUNTS),
    })
    .returning({ id: reserveYears.id });
  return row!.id;
}

export async function findBorrowing(
  db: Db,
  organisationId: string,
  startYear: number,
): Promise<BorrowingFigures | null> {
  const [row] = await db
    .select(columnsOf(borrowingYears, BORROWING_AMOUNTS))
    .from(borrowingYears)
    .where(and(eq(borrowingYears.organisationId, organisationId), eq(borrowingYears.startYear, startYear)));
  return row ? amountsOf(BORROWING_AMOUNTS, row) : null;
}

export async function upsertBorrowing(
  tx: Db,
  organisationId: string,
  startYear: number,
  figures: BorrowingFigures,
): Promise<string> {
  const [row] = await tx
    .insert(borrowingYears)
    .values({ organisationId, startYear, ...figures })
    .onConflictDoUpdate({
      target: [borrowingYears.organisationId, borrowingYears.startYear],
      set: excluded(borrowingYears, BORROWING_AMOUNTS),
    })
    .returning({ id: borrowingYears.id });
  return row!.id;
}

// ---- Savings ----

export interface SavingRow {
  id: string;
  reference: string;
  title: string;
  owner: string;
  unitId: string;
  unitName: string;
  rag: Deliverability;
  planItemId: string | null;
  planItemTitle: string | null;
  actionId: string | null;
  figures: SavingFigures | null;
}

export interface SavingInput {
  reference: string;
  title: string;
  owner: string;
  unitId: string;
  rag: Deliverability;
  planItemId: string | null;
  actionId: string | null;
}

export async function listSavings(
  db: Db,
  organisationId: string,
  startYear: number,
  id?: string,
): Promise<SavingRow[]> {
  const rows = await db
    .select({
      id: savings.id,
      reference: savings.reference,
      title: savings.title,
      owner: savings.owner,
      unitId: savings.unitId,
      unitName: units.name,
      rag: savings.rag,
      planItemId: savings.planItemId,
      planItemTitle: planItems.title,
      actionId: savings.actionId,
      ...columnsOf(savingYears, SAVING_AMOUNTS),
    })
    .from(savings)
    .innerJoin(units, eq(units.id, savings.unitId))
    .leftJoin(planItems, eq(planItems.id, savings.planItemId))
    .leftJoin(savingYears, and(eq(savingYears.savingId, savings.id), eq(savingYears.startYear, startYear)))
    .where(and(eq(savings.organisationId, organisationId), id ? eq(savings.id, id) : undefined))
    .orderBy(asc(savings.reference));
  return rows.map(({ target: _t, delivered: _d, forecast: _f, ...row }) => ({
    ...row,
    rag: row.rag as Deliverability,
    figures: amountsOf(SAVING_AMOUNTS, { target: _t, delivered: _d, forecast: _f }),
  }));
}

export async function insertSaving(tx: Db, organisationId: string, input: SavingInput): Promise<string> {
  const [row] = await tx
    .insert(savings)
    .values({ organisationId, ...input })
    .returning({ id: savings.id });
  return row!.id;
}

export async function updateSaving(tx: Db, organisationId: string, id: string, input: SavingInput): Promise<void> {
  await tx
    .update(savings)
    .set(input)
    .where(and(eq(savings.organisationId, organisationId), eq(savings.id, id)));
}

export async function upsertSavingYear(
  tx: Db,
  organisationId: string,
  savingId: string,
  startYear: number,
  figures: SavingFigures,
): Promise<string> {
  const [row] = await tx
    .insert(savingYears)
    .values({ organisationId, savingId, startYear, ...figures })
    .onConflictDoUpdate({
      target: [savingYears.savingId, savingYears.startYear, savingYears.organisationId],
      set: excluded(savingYears, SAVING_AMOUNTS),
    })
    .returning({ id: savingYears.id });
  return row!.id;
}

/** The savings tracker's target and forecast totals for each of the years, for the MTFS. */
export async function savingsByYear(
  db: Db,
  organisationId: string,
  years: readonly number[],
): Promise<Map<number, { target: Money; forecast: Money }>> {
  if (years.length === 0) return new Map();
  const rows = await db
    .select({
      startYear: savingYears.startYear,
      target: sql<string>`coalesce(sum(${savingYears.target}), 0)`,
      forecast: sql<string>`coalesce(sum(${savingYears.forecast}), 0)`,
    })
    .from(savingYears)
    .where(and(eq(savingYears.organisationId, organisationId), inArray(savingYears.startYear, [...years])))
    .groupBy(savingYears.startYear);
  return new Map(
    rows.map((row) => [
      row.startYear,
      { target: moneyFromPence(Number(row.target)), forecast: moneyFromPence(Number(row.forecast)) },
    ]),
  );
}

// ---- MTFS ----

export interface MtfsVersionRow {
  id: string;
  name: string;
  firstYear: number;
}

export async function listMtfsVersions(db: Db, organisationId: string): Promise<MtfsVersionRow[]> {
  return db
    .select({ id: mtfsVersions.id, name: mtfsVersions.name, firstYear: mtfsVersions.firstYear })
    .from(mtfsVersions)
    .where(eq(mtfsVersions.organisationId, organisationId))
    .orderBy(asc(mtfsVersions.firstYear), asc(mtfsVersions.createdAt));
}

export async function insertMtfsVersion(
  tx: Db,
  organisationId: string,
  input: { name: string; firstYear: number },
): Promise<string> {
  const [row] = await tx
    .insert(mtfsVersions)
    .values({ organisationId, ...input })
    .returning({ id: mtfsVersions.id });
  return row!.id;
}

export type StoredMtfsYear = MtfsFigures & { startYear: number; assumptions: string };

export async function mtfsYearsOf(db: Db, organisationId: string, versionId: string): Promise<StoredMtfsYear[]> {
  const rows = await db
    .select({
      startYear: mtfsYears.startYear,
      assumptions: mtfsYears.assumptions,
      ...columnsOf(mtfsYears, MTFS_AMOUNTS),
    })
    .from(mtfsYears)
    .where(and(eq(mtfsYears.organisationId, organisationId), eq(mtfsYears.versionId, versionId)))
    .orderBy(asc(mtfsYears.startYear));
  return rows.map((row) => ({
    startYear: row.startYear,
    assumptions: row.assumptions,
    ...amountsOf(MTFS_AMOUNTS, row)!,
  }));
}

export async function upsertMtfsYear(
  tx: Db,
  organisationId: string,
  versionId: string,
  year: StoredMtfsYear,
): Promise<string> {
  const [row] = await tx
    .insert(mtfsYears)
    .values({ organisationId, versionId, ...year })
    .onConflictDoUpdate({
      target: [mtfsYears.versionId, mtfsYears.startYear, mtfsYears.organisationId],
      set: excluded(mtfsYears, [...MTFS_AMOUNTS, 'assumptions']),
    })
    .returning({ id: mtfsYears.id });
  return row!.id;
}

// ---- Cost centres: rename, retire, plan links ----

export async function renameCostCentre(tx: Db, organisationId: string, id: string, name: string): Promise<void> {
  await tx
    .update(costCentres)
    .set({ name })
    .where(and(eq(costCentres.organisationId, organisationId), eq(costCentres.id, id)));
}

export async function retireCostCentre(tx: Db, organisationId: string, id: string): Promise<boolean> {
  const rows = await tx
    .update(costCentres)
    .set({ retiredAt: sql`now()` })
    .where(and(eq(costCentres.organisationId, organisationId), eq(costCentres.id, id), isNull(costCentres.retiredAt)))
    .returning({ id: costCentres.id });
  return rows.length > 0;
}

export interface PlanLinkRow {
  costCentreId: string;
  costCentreCode: string;
  costCentreName: string;
  planItemId: string;
  planItemTitle: string;
  planId: string;
}

const linkColumns = {
  costCentreId: costCentres.id,
  costCentreCode: costCentres.code,
  costCentreName: costCentres.name,
  planItemId: planItems.id,
  planItemTitle: planItems.title,
  planId: planItems.planId,
};

export async function planLinks(
  db: Db,
  organisationId: string,
  by: { costCentreId: string } | { planItemId: string },
): Promise<PlanLinkRow[]> {
  return db
    .select(linkColumns)
    .from(costCentrePlanLinks)
    .innerJoin(costCentres, eq(costCentres.id, costCentrePlanLinks.costCentreId))
    .innerJoin(planItems, eq(planItems.id, costCentrePlanLinks.planItemId))
    .where(
      and(
        eq(costCentrePlanLinks.organisationId, organisationId),
        'costCentreId' in by
          ? eq(costCentrePlanLinks.costCentreId, by.costCentreId)
          : eq(costCentrePlanLinks.planItemId, by.planItemId),
      ),
    )
    .orderBy(asc(costCentres.code), asc(planItems.title));
}

export async function addPlanLink(
  tx: Db,
  organisationId: string,
  costCentreId: string,
  planItemId: string,
): Promise<boolean> {
  const rows = await tx
    .insert(costCentrePlanLinks)
    .values({ organisationId, costCentreId, planItemId })
    .onConflictDoNothing()
    .returning({ id: costCentrePlanLinks.id });
  return rows.length > 0;
}

export async function removePlanLink(
  tx: Db,
  organisationId: string,
  costCentreId: string,
  planItemId: string,
): Promise<boolean> {
  const rows = await tx
    .delete(costCentrePlanLinks)
    .where(
      and(
        eq(costCentrePlanLinks.organisationId, organisationId),
        eq(costCentrePlanLinks.costCentreId, costCentreId),
        eq(costCentrePlanLinks.planItemId, planItemId),
      ),
    )
    .returning({ id: costCentrePlanLinks.id });
  return rows.length > 0;
}
