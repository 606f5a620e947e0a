import { formatMoney, type Money } from '../../../kernel/money.ts';
import { writeCsv } from '../../../platform/files/csv.ts';
import { fill, say, words } from '../../../platform/words/index.ts';
import { phrase } from '../../../kernel/phrase.ts';
import { financialYearLabel } from '../../../kernel/measurement/periods.ts';
import { MONTH_NAMES, periodLabel } from '../domain/financial-period.ts';
import type { Totals } from '../domain/revenue-summary.ts';
import type { SummaryView } from '../revenue.service.ts';
import { paths } from '../../../kernel/paths.ts';
import { varianceChartSvg } from './revenue-chart.ts';

const money = (amount: Money | null) => (amount === null ? '–' : formatMoney(amount));
const percent = (value: number | null) => (value === null ? words.moneyPage.noBudget : `${value.toFixed(2)}%`);

export interface SummaryRow {
  level: 'directorate' | 'unit' | 'cost-centre' | 'council';
  name: string;
  href?: string;
  revisedBudget: string;
  budgetToDate: string;
  actualToDate: string;
  previousForecast: string;
  forecastBeforeAction: string;
  latestForecast: string;
  variance: string;
  variancePercent: string;
  band: Totals['band'];
  explanation: string;
}

function row(level: SummaryRow['level'], name: string, totals: Totals, extra: Partial<SummaryRow> = {}): SummaryRow {
  return {
    level,
    name,
    revisedBudget: money(totals.revisedBudget),
    budgetToDate: money(totals.budgetToDate),
    actualToDate: money(totals.actualToDate),
    previousForecast: money(totals.previousForecast),
    forecastBeforeAction: money(totals.forecastBeforeAction),
    latestForecast: money(totals.latestForecast),
    variance: money(totals.variance),
    variancePercent: percent(totals.variancePercent),
    band: totals.band,
    explanation: '',
    ...extra,
  };
}

/** The summary's rows in reading order: each directorate, its units and their cost centres, then the council. */
export function summaryRows(view: SummaryView): SummaryRow[] {
  const query = `?year=${view.period.startYear}&period=${view.period.month}`;
  const rows: SummaryRow[] = [];
  for (const directorate of view.summary.directorates) {
    rows.push(row('directorate', directorate.directorate.name, directorate.totals));
    for (const unit of directorate.units) {
      rows.push(row('unit', unit.unit.name, unit.totals));
      for (const centre of unit.costCentres) {
        rows.push(
          row('cost-centre', `${centre.line.costCentreCode} ${centre.line.costCentreName}`, centre.totals, {
            href: paths.costCentreBudget(centre.line.costCentreId) + query,
            explanation: centre.line.explanation,
          }),
        );
      }
    }
  }
  rows.push(row('council', words.moneyPage.councilTotal, view.summary.totals));
  return rows;
}

export function presentSummary(view: SummaryView, filtersValues: { year: string; period: string }) {
  const { amberOverBasisPoints, redOverBasisPoints } = view.bands;
  const explained = view.summary.directorates.flatMap((d) =>
    d.units.flatMap((u) => u.costCentres.filter((c) => c.line.explanation !== '' || c.totals.band !== 'green')),
  );
  const years = view.years.includes(view.period.startYear) ? view.years : [...view.years, view.period.startYear];
  return {
    title: words.money.summaryTitle,
    periodLabel: say(periodLabel(view.period.startYear, view.period.month)),
    basis: words.money.basis,
    bandsRule: fill(words.money.bandsRule, { amber: amberOverBasisPoints / 100, red: redOverBasisPoints / 100 }),
    rows: summaryRows(view),
    empty: view.summary.directorates.length === 0,
    variances: explained.map((c) => ({
      name: `${c.line.costCentreCode} ${c.line.costCentreName}`,
      variance: money(c.totals.variance),
      band: c.totals.band,
      explanation: c.line.explanation || words.moneyPage.notExplained,
    })),
    chartSvg: varianceChartSvg(
      view.summary.directorates.map((d) => ({
        name: d.directorate.name,
        variance: d.totals.variance,
        band: d.totals.band,
      })),
    ),
    chartTitle: words.money.chartTitle,
    yearItems: years.map((year) => ({
      value: String(year),
      text: financialYearLabel(year),
      selected: year === view.period.startYear,
    })),
    periodItems: MONTH_NAMES.map((_english, index) => ({
      value: String(index + 1),
      text: fill(view.months.includes(index + 1) ? words.moneyPage.periodItem : words.moneyPage.periodItemEmpty, {
        number: index + 1,
        month: say(phrase(`moneyPage.months.${index + 1}`)),
      }),
      selected: index + 1 === view.period.month,
    })),
    values: filtersValues,
    exportHref: `${paths.moneyRevenueCsv()}?year=${view.period.startYear}&period=${view.period.month}`,
  };
}

const CSV_HEADERS = [
  'level',
  'name',
  'revised_budget',
  'budget_to_date',
  'actual_to_date',
  'previous_forecast',
  'forecast_before_action',
  'latest_forecast',
  'variance',
  'variance_percent',
  'band',
  'explanation',
];

/** The summary as a spreadsheet: amounts in pounds and pence without symbols, so they add up there too. */
export function summaryCsv(view: SummaryView): Buffer {
  const plain = (text: string) => text.replace(/[£,]/g, '');
  return writeCsv(
    CSV_HEADERS,
    summaryRows(view).map((r) => [
      r.level,
      r.name,
      plain(r.revisedBudget),
      plain(r.budgetToDate),
      plain(r.actualToDate),
      plain(r.previousForecast),
      plain(r.forecastBeforeAction),
      plain(r.latestForecast),
      plain(r.variance),
      r.variancePercent.replace('%', ''),
      r.band,
      r.explanation,
    ]),
  );
}
