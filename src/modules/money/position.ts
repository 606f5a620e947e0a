/**
 * The money position of a period for the quarterly report to Executive and Scrutiny (seed 003
 * §34: "revenue and capital budget position with key variations, borrowing and reserves"). The
 * report is the whole council's, so this reads without a caller: the report module decides who
 * may see the report.
 */
import type { Db } from '../../platform/db/db.ts';
import { listUnits } from '../organisation/index.ts';
import * as money from './data/money.repository.ts';
import * as repo from './data/programme.repository.ts';
import { capitalTotals, type CapitalTotals } from './domain/capital.ts';
import { borrowingPosition, reserveTotals, type BorrowingPosition, type ReservePosition } from './domain/reserves.ts';
import { summarise, type Totals } from './domain/revenue-summary.ts';
import { savingsTotals, type SavingsTotals } from './domain/savings.ts';
import type { Band } from './domain/variance.ts';

export interface KeyVariation {
  costCentreCode: string;
  costCentreName: string;
  directorate: string;
  band: Band;
  revisedBudget: Totals['revisedBudget'];
  latestForecast: Totals['latestForecast'];
  variance: Totals['variance'];
  variancePercent: number | null;
  explanation: string;
}

export interface MoneyPosition {
  period: { startYear: number; month: number };
  revenue: {
    /** Council totals of the period's budget lines (null when no lines are in for the period). */
    totals: Totals | null;
    directorates: { name: string; totals: Totals }[];
    /** Cost centres past the amber threshold, largest variance first. */
    keyVariations: KeyVariation[];
  };
  capital: CapitalTotals;
  reserves: { general: ReservePosition; earmarked: ReservePosition; total: ReservePosition };
  borrowing: BorrowingPosition | null;
  savings: SavingsTotals;
}

/** The money position of the council for a period (financial year starting in startYear, month 1 = April). */
export async function moneyPosition(
  db: Db,
  organisationId: string,
  period: { startYear: number; month: number },
  options: { keyVariations?: number } = {},
): Promise<MoneyPosition> {
  const bands = await money.loadBands(db, organisationId);
  const units = (await listUnits(db, organisationId)).map(({ id, parentId, kind, name }) => ({
    id,
    parentId,
    kind,
    name,
  }));
  const yearId = await money.findYearId(db, organisationId, period.startYear);
  const lines = yearId ? await money.summaryLines(db, organisationId, yearId, period.month) : [];
  const summary = summarise(bands, units, lines);
  const keyVariations = summary.directorates
    .flatMap((directorate) =>
      directorate.units.flatMap((unit) =>
        unit.costCentres
          .filter((row) => row.totals.band !== 'green')
          .map((row) => ({
            costCentreCode: row.line.costCentreCode,
            costCentreName: row.line.costCentreName,
            directorate: directorate.directorate.name,
            band: row.totals.band,
            revisedBudget: row.totals.revisedBudget,
            latestForecast: row.totals.latestForecast,
            variance: row.totals.variance,
            variancePercent: row.totals.variancePercent,
            explanation: row.line.explanation,
          })),
      ),
    )
    .sort((a, b) => Math.abs(b.variance) - Math.abs(a.variance) || a.costCentreCode.localeCompare(b.costCentreCode))
    .slice(0, options.keyVariations ?? 10);

  const capital = [...(await repo.capitalYears(db, organisationId, period.startYear)).values()];
  const reserves = await repo.listReserves(db, organisationId, period.startYear);
  const figuresOf = (kind?: string) =>
    reserves.filter((row) => !kind || row.kind === kind).flatMap((row) => (row.figures ? [row.figures] : []));
  const borrowing = await repo.findBorrowing(db, organisationId, period.startYear);
  const savings = await repo.listSavings(db, organisationId, period.startYear);
  return {
    period,
    revenue: {
      totals: lines.length > 0 ? summary.totals : null,
      directorates: summary.directorates.map((group) => ({ name: group.directorate.name, totals: group.totals })),
      keyVariations,
    },
    capital: capitalTotals(bands, capital),
    reserves: {
      general: reserveTotals(figuresOf('general')),
      earmarked: reserveTotals(figuresOf('earmarked')),
      total: reserveTotals(figuresOf()),
    },
    borrowing: borrowing ? borrowingPosition(borrowing) : null,
    savings: savingsTotals(savings.flatMap((row) => (row.figures ? [{ ...row.figures, rag: row.rag }] : []))),
  };
}
