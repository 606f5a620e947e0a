/**
 * The sections read through the ports (money, framework health) and partnerships: each built only
 * where there are figures, with the figures of the port in every cell.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Document } from '../../platform/documents/document.ts';
import type { MoneyPosition } from '../money/index.ts';
import type { ReportMeasure } from './domain/report-data.ts';
import { healthOfScope, judged } from './health-source.ts';
import { financialPeriodOf, reportMoneyOf } from './money-source.ts';
import type { ReportHealth, ReportMoney } from './ports.ts';
import type { ReportData } from './report-data.ts';
import { reportDocument } from './report-document.ts';
import { reportData, reportInput, reportMeasure } from './test/report-fixtures.ts';

const zeroReserve = {
  openingBalance: 0,
  contributions: 0,
  plannedUse: 0,
  forecastUse: 0,
  plannedClosing: 0,
  forecastClosing: 0,
};

/** An empty money position, as the money module gives one for a council with no figures. */
function emptyPosition(): MoneyPosition {
  return {
    period: { startYear: 2025, month: 6 },
    revenue: { totals: null, directorates: [], keyVariations: [] },
    capital: {
      budget: 0,
      spendToDate: 0,
      forecast: 0,
      slippage: 0,
      borrowing: 0,
      grants: 0,
      receipts: 0,
      revenueContributions: 0,
      funding: 0,
      variance: 0,
      variancePercent: null,
      band: 'green',
      explanationRequired: false,
    },
    reserves: { general: { ...zeroReserve }, earmarked: { ...zeroReserve }, total: { ...zeroReserve } },
    borrowing: null,
    savings: { count: 0 },
  } as unknown as MoneyPosition;
}

/** A plain measure of the type, on target or not as its status says. */
const measure = (id: string, measureType: string, rag: string): ReportMeasure =>
  reportMeasure({
    id,
    code: id.toUpperCase(),
    title: `Measure ${id}`,
    unit: 'percentage',
    polarity: 'higher-is-better',
    isKey: false,
    measureType,
    ownerName: null,
    priority: null,
    commentary: '',
    remedialActions: [],
    now: {
      rag: rag as 'green',
      value: 80,
      targetValue: 75,
      directionPrevious: 'improving',
      directionLastYear: null,
      spcLatestType: null,
      spcVariationIcon: null,
      forecastProbability: null,
    },
  });

function documentWith(over: {
  money?: ReportMoney | null;
  health?: ReportHealth | null;
  measures?: ReportMeasure[];
  partnershipItems?: ReportData['partnershipItems'];
}): Document {
  return reportDocument(
    reportInput({
      data: reportData({ measures: over.measures ?? [], partnershipItems: over.partnershipItems ?? [] }),
      money: over.money ?? null,
      health: over.health ?? null,
    }),
  );
}

const ids = (doc: Document) => doc.sections.map((s) => s.id);
const section = (doc: Document, id: string) => doc.sections.find((s) => s.id === id)!;
const rowsOf = (block: Block | undefined) =>
  block?.kind === 'table' ? block.rows.map((row) => row.map((cell) => cell.text)) : undefined;

describe('the money position through the port', () => {
  it('reads the financial period of a date (April is period 1)', () => {
    expect(financialPeriodOf('2025-09-30')).toEqual({ startYear: 2025, month: 6 });
    expect(financialPeriodOf('2026-03-31')).toEqual({ startYear: 2025, month: 12 });
    expect(financialPeriodOf('2025-04-01')).toEqual({ startYear: 2025, month: 1 });
  });

  it('has no part where money holds no figures, so no money section appears', () => {
    const money = reportMoneyOf(emptyPosition());
    expect(money).toMatchObject({ revenue: null, capital: null, reserves: null, borrowing: null });
    expect(money.periodLabel).toBe('Period 6, 2025/26');
    expect(ids(documentWith({ money }))).toEqual(['key']);
  });

  it('shows capital, reserves and borrowing each only where money has them, with the figures in the cells', () => {
    const position = emptyPosition();
    position.capital = {
      ...position.capital,
      budget: 1_000_000_00,
      spendToDate: 400_000_00,
      forecast: 900_000_00,
      slippage: 50_000_00,
      variance: -50_000_00,
      grants: 600_000_00,
      borrowing: 300_000_00,
    } as MoneyPosition['capital'];
    const onlyCapital = reportMoneyOf(position);
    expect(ids(documentWith({ money: onlyCapital }))).toEqual(['capital', 'key']);
    const capital = section(documentWith({ money: onlyCapital }), 'capital');
    expect(JSON.stringify(capital.blocks[0])).toContain('£1,000,000.00');
    expect(rowsOf(capital.blocks[1])).toEqual([
      ['Borrowing', '£300,000.00'],
      ['Grants', '£600,000.00'],
      ['Capital receipts', '£0.00'],
      ['Revenue contributions', '£0.00'],
    ]);

    const general = {
      ...zeroReserve,
      openingBalance: 12_000_000_00,
      forecastUse: 2_000_000_00,
      forecastClosing: 10_000_000_00,
    };
    position.reserves = { general, earmarked: { ...zeroReserve }, total: general } as MoneyPosition['reserves'];
    position.borrowing = {
      capitalFinancingRequirement: 300_000_000_00,
      externalBorrowing: 260_000_000_00,
      operationalBoundary: 250_000_000_00,
      authorisedLimit: 280_000_000_00,
      headroomToBoundary: -10_000_000_00,
      headroomToLimit: 20_000_000_00,
      internalBorrowing: 40_000_000_00,
      status: 'over_boundary',
    } as MoneyPosition['borrowing'];
    const doc = documentWith({ money: reportMoneyOf(position) });
    expect(ids(doc)).toEqual(['capital', 'reserves', 'borrowing', 'key']);
    expect(rowsOf(section(doc, 'reserves').blocks[0])![0]).toEqual([
      'General reserves',
      '£12,000,000.00',
      '£0.00',
      '£0.00',
      '£2,000,000.00',
      '£10,000,000.00',
    ]);
    const borrowing = JSON.stringify(section(doc, 'borrowing'));
    expect(borrowing).toContain('-£10,000,000.00');
    expect(borrowing).toContain('Above the operational boundary');
  });
});

describe('framework health against the risk appetite', () => {
  const unit = (unitId: string | null, met: number, total: number) => ({
    unitId,
    indicators: [{ id: 'objectives-on-target', met, total, appetite: 0.9 }],
  });

  it('judges a count exactly as performance does: 9 of 10 is within a 90% appetite, 8 of 10 outside', () => {
    expect(judged('x', 9, 10, 0.9).position).toBe('within');
    expect(judged('x', 8, 10, 0.9).position).toBe('outside');
    expect(judged('x', 0, 0, 0.9)).toMatchObject({ value: null, position: 'no-data' });
    expect(judged('x', 3, 4, null).position).toBe('no-appetite');
  });

  it('reads the whole council’s row for the council, and sums the units inside a directorate or portfolio', () => {
    const units = [unit(null, 14, 20), unit('a', 9, 10), unit('b', 5, 10)];
    expect(healthOfScope(units, null)).toEqual([judged('objectives-on-target', 14, 20, 0.9)]);
    expect(healthOfScope(units, ['a', 'a-child'])).toEqual([judged('objectives-on-target', 9, 10, 0.9)]);
    expect(healthOfScope(units, ['a', 'b'])).toEqual([judged('objectives-on-target', 14, 20, 0.9)]);
    expect(healthOfScope(units, ['elsewhere'])).toBeNull();
  });

  it('shows each check with its count, share, appetite and position in words, and how many are outside', () => {
    const doc = documentWith({
      health: {
        asOf: '2025-11-20',
        indicators: [judged('objectives-on-target', 8, 10, 0.9), judged('plans-available', 3, 3, null)],
      },
    });
    expect(ids(doc)).toEqual(['health', 'key']);
    const health = section(doc, 'health');
    expect(rowsOf(health.blocks[1])).toEqual([
      ['Plan objectives on target', '8 of 10', '80%', '90%', 'Outside the appetite'],
      ['Plans available on time', '3 of 3', '100%', 'None set', 'No appetite set'],
    ]);
    expect(JSON.stringify(health.blocks[0])).toContain('20 November 2025');
    expect(health.blocks[2]).toEqual({ kind: 'paragraph', text: '1 of 2 checks are outside the risk appetite.' });
  });
});

describe('partnerships', () => {
  it('is left out when the scope has no partnership measures and no priority delivered through partnership', () => {
    expect(ids(documentWith({ measures: [measure('m1', 'local', 'green')] }))).not.toContain('partnerships');
  });

  it('lists the partnership measures, and each partnership priority with its partners and its measures’ statuses', () => {
    const doc = documentWith({
      measures: [measure('p1', 'partnership', 'green'), measure('m1', 'local', 'red')],
      partnershipItems: [
        {
          id: 'i1',
          code: '1.2',
          title: 'Safer streets',
          partners: ['Police', 'Fire service'],
          measureIds: ['p1', 'm1', 'out-of-scope'],
        },
        { id: 'i2', code: '1.3', title: 'Healthy lives', partners: [], measureIds: [] },
      ],
    });
    const partnerships = section(doc, 'partnerships');
    const measuresTable = partnerships.blocks[1]!;
    expect(rowsOf(measuresTable)!.map((row) => row[0])).toEqual(['P1']);
    expect(rowsOf(partnerships.blocks[2])).toEqual([
      ['1.2 Safer streets', 'Police, Fire service', '1 green, 0 amber, 1 red, 0 without a status'],
      ['1.3 Healthy lives', 'No partner named', 'None linked'],
    ]);
    expect(partnerships.blocks[2]!.kind === 'table' && partnerships.blocks[2]!.rows[0]![0]!.href).toBe('/items/i1');
  });
});
