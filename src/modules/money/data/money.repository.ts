/** The money module's SQL. Every query is scoped to the organisation; amounts come back as pence. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { moneyFromPence, type Money } from '../../../kernel/money.ts';
import type { Db } from '../../../platform/db/db.ts';
import { units } from '../../organisation/index.ts';
import { AMOUNT_FIELDS, type BudgetFigures, type BudgetLineInput } from '../domain/budget-line.ts';
import type { SummaryLine } from '../domain/revenue-summary.ts';
import { DEFAULT_BANDS, type VarianceBands } from '../domain/variance.ts';
import { budgetLines, costCentres, financialYears, moneySettings } from './money.schema.ts';

export async function loadBands(db: Db, organisationId: string): Promise<VarianceBands> {
  const [row] = await db.select().from(moneySettings).where(eq(moneySettings.organisationId, organisationId));
  return row
    ? { amberOverBasisPoints: row.amberOverBasisPoints, redOverBasisPoints: row.redOverBasisPoints }
    : DEFAULT_BANDS;
}

export async function saveBands(tx: Db, organisationId: string, bands: VarianceBands): Promise<void> {
  await tx
    .insert(moneySettings)
    .values({ organisationId, ...bands })
    .onConflictDoUpdate({ target: moneySettings.organisationId, set: { ...bands, updatedAt: sql`now()` } });
}

export interface CostCentreRow {
  id: string;
  code: string;
  name: string;
  unitId: string;
  unitName: string;
  /** When retired: it keeps its lines and history but takes no new ones. */
  retiredAt: Date | null;
}

const costCentreColumns = {
  id: costCentres.id,
  code: costCentres.code,
  name: costCentres.name,
  unitId: costCentres.unitId,
  unitName: units.name,
  retiredAt: costCentres.retiredAt,
};

export async function listCostCentres(db: Db, organisationId: string): Promise<CostCentreRow[]> {
  return db
    .select(costCentreColumns)
    .from(costCentres)
    .innerJoin(units, eq(units.id, costCentres.unitId))
    .where(eq(costCentres.organisationId, organisationId))
    .orderBy(asc(costCentres.code));
}

export async function findCostCentre(db: Db, organisationId: string, id: string): Promise<CostCentreRow | undefined> {
  const [row] = await db
    .select(costCentreColumns)
    .from(costCentres)
    .innerJoin(units, eq(units.id, costCentres.unitId))
    .where(and(eq(costCentres.organisationId, organisationId), eq(costCentres.id, id)));
  return row;
}

export async function insertCostCentre(
  tx: Db,
  organisationId: string,
  input: { code: string; name: string; unitId: string },
): Promise<string> {
  const [row] = await tx
    .insert(costCentres)
    .values({ organisationId, ...input })
    .returning({ id: costCentres.id });
  return row!.id;
}

export async function listYears(db: Db, organisationId: string): Promise<number[]> {
  const rows = await db
    .select({ startYear: financialYears.startYear })
    .from(financialYears)
    .where(eq(financialYears.organisationId, organisationId))
    .orderBy(asc(financialYears.startYear));
  return rows.map((row) => row.startYear);
}

export async function findYearId(db: Db, organisationId: string, startYear: number): Promise<string | undefined> {
  const [row] = await db
    .select({ id: financialYears.id })
    .from(financialYears)
    .where(and(eq(financialYears.organisationId, organisationId), eq(financialYears.startYear, startYear)));
  return row?.id;
}

/** The year's id, adding the year on first use; the second flag says whether it was added. */
export async function ensureYear(tx: Db, organisationId: string, startYear: number): Promise<[string, boolean]> {
  const [added] = await tx
    .insert(financialYears)
    .values({ organisationId, startYear })
    .onConflictDoNothing()
    .returning({ id: financialYears.id });
  if (added) return [added.id, true];
  return [(await findYearId(tx, organisationId, startYear))!, false];
}

type StoredLine = BudgetLineInput & { id: string };

const amountColumns = Object.fromEntries(AMOUNT_FIELDS.map((field) => [field, budgetLines[field]])) as {
  [K in (typeof AMOUNT_FIELDS)[number]]: (typeof budgetLines)[K];
};

function figuresOf(row: Record<string, unknown>): BudgetFigures {
  const figures: Record<string, Money | null> = {};
  for (const field of AMOUNT_FIELDS) {
    const value = row[field] as number | null;
    figures[field] = value === null ? null : moneyFromPence(Number(value));
  }
  return figures as BudgetFigures;
}

/** The stored lines of cost centres in one period, keyed by cost centre id. */
export async function linesInPeriod(
  db: Db,
  organisationId: string,
  yearId: string,
  month: number,
  costCentreIds: readonly string[],
): Promise<Map<string, StoredLine>> {
  if (costCentreIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: budgetLines.id,
      costCentreId: budgetLines.costCentreId,
      explanation: budgetLines.explanation,
      ...amountColumns,
    })
    .from(budgetLines)
    .where(
      and(
        eq(budgetLines.organisationId, organisationId),
        eq(budgetLines.financialYearId, yearId),
        eq(budgetLines.month, month),
        inArray(budgetLines.costCentreId, [...costCentreIds]),
      ),
    );
  return new Map(
    rows.map((row) => [row.costCentreId, { id: row.id, explanation: row.explanation, ...figuresOf(row) }]),
  );
}

/** Writes lines for one period, adding new ones and replacing the figures of existing ones. */
export async function upsertLines(
  tx: Db,
  organisationId: string,
  yearId: string,
  month: number,
  lines: readonly (BudgetLineInput & { costCentreId: string })[],
): Promise<Map<string, string>> {
  if (lines.length === 0) return new Map();
  const rows = await tx
    .insert(budgetLines)
    .values(lines.map((line) => ({ organisationId, financialYearId: yearId, month, ...line })))
    .onConflictDoUpdate({
      target: [budgetLines.costCentreId, budgetLines.financialYearId, budgetLines.month, budgetLines.organisationId],
      set: {
        ...Object.fromEntries(AMOUNT_FIELDS.map((field) => [field, sql.raw(`excluded.${budgetLines[field].name}`)])),
        explanation: sql`excluded.explanation`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ id: budgetLines.id, costCentreId: budgetLines.costCentreId });
  return new Map(rows.map((row) => [row.costCentreId, row.id]));
}

/** Every line of the organisation in one period, with its cost centre: the summary's input. */
export async function summaryLines(
  db: Db,
  organisationId: string,
  yearId: string,
  month: number,
): Promise<SummaryLine[]> {
  const rows = await db
    .select({
      costCentreId: costCentres.id,
      costCentreCode: costCentres.code,
      costCentreName: costCentres.name,
      unitId: costCentres.unitId,
      explanation: budgetLines.explanation,
      ...amountColumns,
    })
    .from(budgetLines)
    .innerJoin(costCentres, eq(costCentres.id, budgetLines.costCentreId))
    .where(
      and(
        eq(budgetLines.organisationId, organisationId),
        eq(budgetLines.financialYearId, yearId),
        eq(budgetLines.month, month),
      ),
    );
  return rows.map((row) => ({
    costCentreId: row.costCentreId,
    costCentreCode: row.costCentreCode,
    costCentreName: row.costCentreName,
    unitId: row.unitId,
    explanation: row.explanation,
    ...figuresOf(row),
  }));
}

/** The periods of a year that have any lines, for the period filter. */
export async function monthsWithLines(db: Db, organisationId: string, yearId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ month: budgetLines.month })
    .from(budgetLines)
    .where(and(eq(budgetLines.organisationId, organisationId), eq(budgetLines.financialYearId, yearId)))
    .orderBy(asc(budgetLines.month));
  return rows.map((row) => row.month);
}
