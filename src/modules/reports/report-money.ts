/**
 * The money sections of the report ("revenue and capital budget position with key variations,
 * borrowing and reserves", seed 003 §34), each built only when the money port has figures for it.
 * Amounts arrive in pence; every table cell carries its value in pounds for the spreadsheet.
 */
import type { Block } from '../../platform/documents/document.ts';
import { words } from '../../platform/words/index.ts';
import type { BorrowingPosition, CapitalPosition, ReserveLine, ReservesPosition, RevenuePosition } from './ports.ts';
import { money } from './report-cells.ts';

const w = words.reports;

export function revenueSection(periodLabel: string, revenue: RevenuePosition): Block[] {
  const r = w.revenue;
  const blocks: Block[] = [
    {
      kind: 'facts',
      facts: [
        { label: w.facts.period, value: periodLabel },
        { label: r.budget, value: money(revenue.budget).text },
        { label: r.forecast, value: money(revenue.forecast).text },
        { label: r.variance, value: money(revenue.variance).text },
      ],
    },
  ];
  if (revenue.variations.length > 0) {
    blocks.push({
      kind: 'table',
      caption: r.variations,
      columns: [
        { label: r.area },
        { label: r.budget, numeric: true },
        { label: r.forecast, numeric: true },
        { label: r.variance, numeric: true },
        { label: r.explanation },
      ],
      rows: revenue.variations.map((v) => [
        { text: v.area },
        money(v.budget),
        money(v.forecast),
        money(v.variance),
        { text: v.explanation },
      ]),
    });
  }
  return blocks;
}

export function capitalSection(periodLabel: string, capital: CapitalPosition): Block[] {
  const c = w.capital;
  const funding = [
    [c.borrowing, capital.funding.borrowing],
    [c.grants, capital.funding.grants],
    [c.receipts, capital.funding.receipts],
    [c.revenueContributions, capital.funding.revenueContributions],
  ] as const;
  return [
    {
      kind: 'facts',
      facts: [
        { label: w.facts.period, value: periodLabel },
        { label: c.budget, value: money(capital.budget).text },
        { label: c.spendToDate, value: money(capital.spendToDate).text },
        { label: c.forecast, value: money(capital.forecast).text },
        { label: c.slippage, value: money(capital.slippage).text },
        { label: c.variance, value: money(capital.variance).text },
      ],
    },
    {
      kind: 'table',
      caption: c.funding,
      columns: [{ label: c.source }, { label: c.amount, numeric: true }],
      rows: funding.map(([label, pence]) => [{ text: label }, money(pence)]),
    },
  ];
}

export function reservesSection(reserves: ReservesPosition): Block[] {
  const r = w.reserves;
  const row = (label: string, line: ReserveLine) => [
    { text: label },
    money(line.openingBalance),
    money(line.contributions),
    money(line.plannedUse),
    money(line.forecastUse),
    money(line.forecastClosing),
  ];
  return [
    {
      kind: 'table',
      caption: r.caption,
      columns: [
        { label: r.kind },
        { label: r.opening, numeric: true },
        { label: r.contributions, numeric: true },
        { label: r.plannedUse, numeric: true },
        { label: r.forecastUse, numeric: true },
        { label: r.forecastClosing, numeric: true },
      ],
      rows: [row(r.general, reserves.general), row(r.earmarked, reserves.earmarked), row(r.total, reserves.total)],
    },
  ];
}

export function borrowingSection(borrowing: BorrowingPosition): Block[] {
  const b = w.borrowing;
  return [
    {
      kind: 'table',
      caption: b.caption,
      columns: [{ label: b.caption }, { label: words.reports.capital.amount, numeric: true }],
      rows: [
        [{ text: b.cfr }, money(borrowing.capitalFinancingRequirement)],
        [{ text: b.external }, money(borrowing.externalBorrowing)],
        [{ text: b.boundary }, money(borrowing.operationalBoundary)],
        [{ text: b.limit }, money(borrowing.authorisedLimit)],
        [{ text: b.headroomToBoundary }, money(borrowing.headroomToBoundary)],
        [{ text: b.headroomToLimit }, money(borrowing.headroomToLimit)],
      ],
    },
    {
      kind: 'facts',
      facts: [{ label: b.status, value: b[borrowing.status] }],
    },
  ];
}
