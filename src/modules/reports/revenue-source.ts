/**
 * The revenue port filled from the money module's revenue summary (read as the caller, so its
 * access rules hold): the council's totals at the financial period holding the report's period
 * end, and the cost centres outside the green band, largest variance first, as key variations.
 * The money service is typed here by the shape this module reads, so the port carries no import.
 */
import type { Result } from '../../kernel/result.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { fill, words } from '../../platform/words/index.ts';
import type { RevenuePosition, RevenueSource } from './ports.ts';

interface Figures {
  revisedBudget: number;
  latestForecast: number;
  variance: number;
  band: string;
}

/** The part of the money module's revenue summary the report reads. */
export interface RevenueSummaryReader {
  summary(
    caller: Caller,
    wanted?: { startYear: number; month: number },
  ): Promise<
    Result<{
      summary: {
        directorates: {
          directorate: { name: string };
          units: { costCentres: { line: { costCentreName: string; explanation: string }; totals: Figures }[] }[];
        }[];
        totals: Figures;
      };
    }>
  >;
}

/** The financial period (April is month 1) holding a date. */
export function financialPeriodOf(date: string): { startYear: number; month: number } {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return { startYear: month >= 4 ? year : year - 1, month: ((month + 8) % 12) + 1 };
}

const KEY_VARIATIONS = 10;

export function revenueSourceFrom(revenue: RevenueSummaryReader): RevenueSource {
  return {
    async positionOn(caller, date): Promise<RevenuePosition | null> {
      const period = financialPeriodOf(date);
      const result = await revenue.summary(caller, period);
      if (!result.ok || result.value.summary.directorates.length === 0) return null;
      const { totals, directorates } = result.value.summary;
      const variations = directorates
        .flatMap((d) =>
          d.units.flatMap((u) =>
            u.costCentres
              .filter((c) => c.totals.band !== 'green')
              .map((c) => ({
                area: `${d.directorate.name}: ${c.line.costCentreName}`,
                budget: c.totals.revisedBudget,
                forecast: c.totals.latestForecast,
                variance: c.totals.variance,
                explanation: c.line.explanation,
              })),
          ),
        )
        .sort((a, b) => Math.abs(b.variance) - Math.abs(a.variance))
        .slice(0, KEY_VARIATIONS);
      return {
        periodLabel: fill(words.reports.revenue.period, {
          month: period.month,
          year: `${period.startYear}/${String((period.startYear + 1) % 100).padStart(2, '0')}`,
        }),
        budget: totals.revisedBudget,
        forecast: totals.latestForecast,
        variance: totals.variance,
        variations,
      };
    },
  };
}
