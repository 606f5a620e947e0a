import { describe, expect, it } from 'vitest';
import type { MeasureDefinition } from './domain/index.ts';
import type { FigureRow } from './data/figure-notes.repository.ts';
import { chartFigures } from './chart-figures.ts';
import { FIGURE_PERIODS, figureMarking, periodFigures } from './period-figures.ts';

const definition: MeasureDefinition = {
  frequency: 'quarterly',
  polarity: 'higher-is-better',
  aggregation: 'mean',
  format: { unit: '%', decimals: 1 },
  thresholds: { kind: 'absolute', amberAmount: 5 },
  targets: { kind: 'fixed', target: { kind: 'value', value: 70 } },
};
const figure = (periodKey: string, value: number | null, more: Partial<FigureRow> = {}): FigureRow => ({
  periodKey,
  value,
  status: 'approved',
  quality: 'final',
  commentary: '',
  ...more,
});

describe('a measure’s figures period by period', () => {
  const rows = periodFigures(
    definition,
    [
      figure('2025-26-Q1', 72, { commentary: 'Steady' }),
      figure('2025-26-Q2', 60, { status: 'submitted', quality: 'provisional', commentary: 'Winter pressures' }),
      figure('2024-25-Q4', 67, { quality: 'estimated' }),
      figure('2025-05', 99), // another frequency: not this measure's own period
    ],
    'verified',
  );

  it('lists every figure of the measure’s frequency, newest first, official or not', () => {
    expect(rows.map((r) => r.periodKey)).toEqual(['2025-26-Q2', '2025-26-Q1', '2024-25-Q4']);
  });

  it('gives each its target, RAG, direction against the previous period, quality, sign-off and commentary', () => {
    expect(rows[0]).toMatchObject({
      value: '60.0%',
      target: '70.0%',
      rag: 'red',
      direction: 'worsening',
      quality: 'provisional',
      qualityText: 'Provisional',
      official: false,
      marked: true,
      commentary: 'Winter pressures',
    });
    expect(rows[0]!.signOff.text).toBe('Submitted');
    expect(rows[1]).toMatchObject({ rag: 'green', direction: 'improving', official: true, marked: false });
    expect(rows[2]).toMatchObject({ rag: 'amber', quality: 'estimated', official: true, marked: true });
    expect(rows[2]!.direction).toBe('not-comparable');
  });

  it('shows at most the latest FIGURE_PERIODS figures', () => {
    const many = Array.from({ length: FIGURE_PERIODS + 5 }, (_, i) =>
      figure(
        `${2010 + Math.floor(i / 4)}-${String((2011 + Math.floor(i / 4)) % 100).padStart(2, '0')}-Q${(i % 4) + 1}`,
        i,
      ),
    );
    const shown = periodFigures(definition, many, 'verified');
    expect(shown).toHaveLength(FIGURE_PERIODS);
    expect(shown[0]!.value).toBe(`${FIGURE_PERIODS + 4}.0%`);
  });
});

describe('how a figure is marked on the chart', () => {
  it('is hollow when not yet official or not final, solid otherwise', () => {
    expect(figureMarking({ status: 'submitted', quality: 'final' }, 'verified')).toEqual({
      hollow: true,
      text: 'Hollow point: not yet official (Submitted), drawn only, not used for the limits',
    });
    expect(figureMarking({ status: 'submitted', quality: 'final' }, 'submitted').hollow).toBe(false);
    expect(figureMarking({ status: 'approved', quality: 'estimated' }, 'verified')).toEqual({
      hollow: true,
      text: 'Hollow point: estimated figure',
    });
    expect(figureMarking({ status: 'approved', quality: 'final' }, 'verified').hollow).toBe(false);
  });

  it('puts figures not yet official in period order, carrying the limits of the last official point', () => {
    const official = (periodKey: string, value: number, mean: number) => ({
      periodKey,
      label: periodKey,
      value,
      mean,
      lowerLimit: mean - 10,
      upperLimit: mean + 10,
      type: 'common-cause' as const,
      row: {
        periodKey,
        periodLabel: periodKey,
        value: String(value),
        target: null,
        mean: String(mean),
        lowerLimit: String(mean - 10),
        upperLimit: String(mean + 10),
        type: 'common-cause',
        pointType: 'Common cause',
        rules: [],
        rulesText: 'None',
      },
    });
    const provisional = {
      periodKey: '2025-26-Q2',
      label: 'Q2',
      value: 99,
      shown: '99',
      target: null,
      status: 'draft',
      quality: 'final',
    };
    const drawn = chartFigures(
      [official('2025-26-Q1', 50, 51), official('2024-25-Q4', 52, 51)],
      [provisional],
      [
        figure('2024-25-Q4', 52, { quality: 'estimated' }),
        figure('2025-26-Q1', 50),
        figure('2025-26-Q2', 99, { status: 'draft' }),
      ],
      'verified',
    );
    expect(drawn.labels).toEqual(['2024-25-Q4', '2025-26-Q1', 'Q2']);
    expect(drawn.points.map((p) => p.hollow)).toEqual([true, false, true]);
    expect(drawn.points[2]).toEqual({ value: 99, mean: 51, lowerLimit: 41, upperLimit: 61, type: null, hollow: true });
    expect(drawn.table.map((r) => r.marking)).toEqual([
      'Hollow point: estimated figure',
      'Solid point: official, final figure',
      'Hollow point: not yet official (Draft), drawn only, not used for the limits',
    ]);
    expect(drawn.table[2]).toMatchObject({ type: 'not-official', pointType: 'Not yet official', mean: '' });
    // A quarter with no figure between two that have one is an empty place on the chart, not in the table.
    const gapped = chartFigures([official('2024-25-Q2', 50, 51), official('2025-26-Q1', 52, 51)], [], [], 'verified');
    expect(gapped.labels).toEqual(['2024-25-Q2', '2024/25 Q3', '2024/25 Q4', '2025-26-Q1']);
    expect(gapped.points.map((p) => p.value)).toEqual([50, null, null, 52]);
    expect(gapped.table).toHaveLength(2);
  });
});

describe('gaps in time on the SPC chart', () => {
  it('keeps the periods with no figure as empty places, so a long gap is drawn as a gap', async () => {
    const { periodsBetweenKeys } = await import('./chart-figures.ts');
    expect(periodsBetweenKeys('2024-25-Q4', '2025-26-Q1')).toEqual([]);
    expect(periodsBetweenKeys('2024-25-Q2', '2025-26-Q1')).toEqual(['2024/25 Q3', '2024/25 Q4']);
    // 30 months missing between April 2021 and November 2023.
    expect(periodsBetweenKeys('2021-22-M01', '2023-24-M08')).toHaveLength(30);
    expect(periodsBetweenKeys(null, '2025-26-Q1')).toEqual([]);
    expect(periodsBetweenKeys('2024-25-Q2', '2025-26-M01')).toEqual([]);
  });
});
