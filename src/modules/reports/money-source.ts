/**
 * The money port filled from the money module's `moneyPosition` (the council's position at a
 * financial period): the revenue totals with the cost centres outside the green band as key
 * variations, the capital programme's totals and funding, general and earmarked reserves, and
 * borrowing against the prudential limits. Each part is null where money holds no figures for it,
 * so the report shows that section only where there is something to say. The figures are the whole
 * council's, so only a caller who may see budgets across the council gets them.
 */
import { financialYearLabel } from '../../kernel/measurement/periods.ts';
import { holdsOverOrganisation } from '../../platform/access/policy.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { fill, words } from '../../platform/words/index.ts';
import type { MoneyPosition } from '../money/index.ts';
import type { CapitalPosition, MoneySource, ReportMoney, ReserveLine } from './ports.ts';

/** The financial period (April is month 1) holding a date. */
export function financialPeriodOf(date: string): { startYear: number; month: number } {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return { startYear: month >= 4 ? year : year - 1, month: ((month + 8) % 12) + 1 };
}

type ReadPosition = (organisationId: string, period: { startYear: number; month: number }) => Promise<MoneyPosition>;

const reserveLine = (r: MoneyPosition['reserves']['total']): ReserveLine => ({
  openingBalance: r.openingBalance,
  contributions: r.contributions,
  plannedUse: r.plannedUse,
  forecastUse: r.forecastUse,
  forecastClosing: r.forecastClosing,
});

const anyAmount = (amounts: readonly number[]) => amounts.some((amount) => amount !== 0);

/** The report's view of a money position: pure, so each "no figures" rule is tested directly. */
export function reportMoneyOf(position: MoneyPosition): ReportMoney {
  const { period, revenue, capital, reserves, borrowing } = position;
  const capitalView: CapitalPosition = {
    budget: capital.budget,
    spendToDate: capital.spendToDate,
    forecast: capital.forecast,
    slippage: capital.slippage,
    variance: capital.variance,
    funding: {
      borrowing: capital.borrowing,
      grants: capital.grants,
      receipts: capital.receipts,
      revenueContributions: capital.revenueContributions,
    },
  };
  const total = reserveLine(reserves.total);
  return {
    periodLabel: fill(words.reports.revenue.period, {
      month: period.month,
      year: financialYearLabel(period.startYear),
    }),
    revenue: revenue.totals
      ? {
          budget: revenue.totals.revisedBudget,
          forecast: revenue.totals.latestForecast,
          variance: revenue.totals.variance,
          variations: revenue.keyVariations.map((v) => ({
            area: `${v.directorate}: ${v.costCentreName}`,
            budget: v.revisedBudget,
            forecast: v.latestForecast,
            variance: v.variance,
            explanation: v.explanation,
          })),
        }
      : null,
    // The money module sums an empty programme to zeros: no scheme figures at all is "no data".
    capital: anyAmount([capital.budget, capital.spendToDate, capital.forecast, capital.slippage]) ? capitalView : null,
    reserves: anyAmount([total.openingBalance, total.contributions, total.plannedUse, total.forecastUse])
      ? { general: reserveLine(reserves.general), earmarked: reserveLine(reserves.earmarked), total }
      : null,
    borrowing: borrowing
      ? {
          capitalFinancingRequirement: borrowing.capitalFinancingRequirement,
          externalBorrowing: borrowing.externalBorrowing,
          operationalBoundary: borrowing.operationalBoundary,
          authorisedLimit: borrowing.authorisedLimit,
          headroomToBoundary: borrowing.headroomToBoundary,
          headroomToLimit: borrowing.headroomToLimit,
          status: borrowing.status,
        }
      : null,
  };
}

export function moneySourceFrom(read: ReadPosition): MoneySource {
  return {
    async positionOn(caller: Caller, date: string): Promise<ReportMoney | null> {
      if (!holdsOverOrganisation(caller, 'view:money')) return null;
      return reportMoneyOf(await read(caller.organisationId, financialPeriodOf(date)));
    },
  };
}
