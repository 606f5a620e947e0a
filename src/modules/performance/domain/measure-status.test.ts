import { describe, expect, it } from 'vitest';
import { analyseSpc, periodKey, periodStart, readLatestSpcPoint, summariseMeasureStatus } from './index.ts';
import type { MeasureDefinition, MeasurePoint, MeasureStatusInput, Period } from './index.ts';

const m = (fyStartYear: number, index: number): Period => ({ frequency: 'monthly', fyStartYear, index });

/** 30 months from April 2023 to September 2025, around 68% with a small wobble. */
const WOBBLE = [0.8, -1.1, 0.3, 1.4, -0.6, -0.9, 1.0, -0.2, 0.5, -1.3, 0.9, 0.1, -0.4];
function history(count = 30, f: (k: number) => number | null = (k) => 68 + (WOBBLE[k % 13] as number)): MeasurePoint[] {
  return Array.from({ length: count }, (_, k) => ({ period: m(2023 + Math.floor(k / 12), (k % 12) + 1), value: f(k) }));
}

const measure: MeasureDefinition = {
  frequency: 'monthly',
  polarity: 'higher-is-better',
  aggregation: 'mean',
  format: { unit: '%', decimals: 1 },
  thresholds: { kind: 'percentage', amberPercent: 5 },
  targets: { kind: 'fixed', target: { kind: 'value', value: 70 } },
};

function summarise(overrides: Partial<MeasureStatusInput> = {}) {
  return summariseMeasureStatus({ measure, points: history(), period: m(2025, 6), asOf: '2025-10-20', ...overrides });
}

describe('summariseMeasureStatus', () => {
  const s = summarise();
  // September 2025 is the 30th month: k = 29, 68 + WOBBLE[3] = 69.4; August (k = 28) 68.3;
  // September 2024 (k = 17) 68 + WOBBLE[4] = 67.4.

  it('RAG on the period value', () => {
    expect(s.periodLabel).toBe('September 2025');
    expect(s.formattedValue).toBe('69.4%');
    // A phrase (its words are tested where it is said: web/status-words.test.ts).
    expect(s.rag.reason.code).toBe('ragReason.judged');
    expect(s.rag.reason.params?.status).toEqual({ code: 'rag.amber' });
    expect(s.rag.reason.params?.detail).toMatchObject({
      code: 'ragReason.againstBand',
      params: { value: '69.4%', target: '70.0%', band: { code: 'ragBand.from', params: { lower: '66.5%' } } },
    });
  });

  it('direction against the previous period and the same period last year', () => {
    expect(s.direction.previous.direction).toBe('improving');
    expect(s.direction.previous.reason.code).toBe('direction.improving');
    expect(s.direction.samePeriodLastYear.direction).toBe('improving');
    expect(s.direction.samePeriodLastYear.reason.code).toBe('direction.improving');
  });

  it('year to date by the measure’s rule, with its own target', () => {
    const ytdValues = [0, 1, 2, 3, 4, 5].map((i) => 68 + (WOBBLE[(24 + i) % 13] as number));
    expect(s.yearToDate.value).toBeCloseTo(ytdValues.reduce((a, b) => a + b) / 6, 12);
    expect(s.yearToDate.partialYear).toBe(true);
    expect(s.yearToDate.target).toEqual({ kind: 'value', value: 70 });
    expect(s.yearToDate.rag.status).toBe('amber');
  });

  it('the SPC reading agrees with the full chart', () => {
    const points = history().map((p) => ({
      key: periodKey(p.period),
      date: periodStart(p.period),
      value: p.value as number,
    }));
    const full = analyseSpc({ points, polarity: 'higher-is-better', target: { kind: 'value', value: 70 } });
    const last = full.points[full.points.length - 1];
    expect(s.spc.latestPointKey).toBe('2025-26-M06');
    expect(s.spc.latestPointType).toBe(last?.type);
    expect(s.spc.variationIcon).toBe(full.variationIcon);
    expect(s.spc.assuranceIcon).toBe(full.assuranceIcon);
    expect(s.spc.pointsInSegment).toBe(30);
    expect(s.spc.warnings).toEqual([]);
  });

  it('reads RAG and SPC together', () => {
    // A wobble of ±1.4 around 68 is ordinary variation, and 70% lies inside the limits.
    expect(s.spc.latestPointType).toBe('common-cause');
    expect(s.spc.assuranceIcon).toBe('hit-and-miss');
    expect(s.interpretation.category).toBe('normal-variation-off-target');
  });

  it('forecasts the year end, chosen by the back-test and held to the percentage range', () => {
    expect(s.forecast?.basis).toBe('back-test');
    expect(['naive', 'damped-trend']).toContain(s.forecast?.method);
    const nearFull = history(30, (k) => Math.min(100, 99.4 + (WOBBLE[k % 13] as number)));
    const open = summarise({ points: nearFull });
    const capped = summarise({ points: nearFull, measure: { ...measure, valueRange: { lower: 0, upper: 100 } } });
    expect(open.forecast?.interval?.upper).toBeGreaterThan(100);
    expect(capped.forecast?.interval?.upper).toBeLessThanOrEqual(100);
    expect(s.forecast?.fyStartYear).toBe(2025);
    expect(s.forecast?.probabilityOfMeetingTarget).not.toBeNull();
  });
});

describe('missing data', () => {
  const withoutLatest = history(29);

  it('no data yet, then overdue after the due date', () => {
    const notYet = summarise({ points: withoutLatest, dueDate: '2025-10-20' });
    expect(notYet.rag.status).toBe('no-data');
    expect(notYet.rag.reason).toEqual({
      code: 'ragReason.noDataForDue',
      params: { period: 'September 2025', due: '20 October 2025' },
    });
    const late = summarise({ points: withoutLatest, dueDate: '2025-10-15' });
    expect(late.rag.reason).toEqual({
      code: 'ragReason.overdueFor',
      params: { period: 'September 2025', due: '15 October 2025' },
    });
    expect(late.direction.previous.direction).toBe('not-comparable');
    // The chart's latest point is August; it does not describe September.
    expect(late.spc.latestPointKey).toBe('2025-26-M05');
    expect(late.interpretation.category).toBe('not-assessed');
  });

  it('gaps are left out of the chart and counted', () => {
    const gappy = history(30, (k) => (k === 10 || k === 20 ? null : 68 + (WOBBLE[k % 13] as number)));
    const s = summarise({ points: gappy });
    expect(s.spc.pointsInSegment).toBe(28);
    expect(s.spc.periodsLeftOut).toBe(2);
    expect(s.spc.warnings).toEqual(['2 periods without data left out of the chart']);
  });

  it('the first period ever: trial limits, nothing to compare', () => {
    const s = summarise({ points: [{ period: m(2025, 6), value: 70 }] });
    expect(s.rag.status).toBe('green');
    expect(s.spc.latestPointType).toBeNull();
    expect(s.spc.warnings).toEqual(['No process limits: at least 2 points are needed']);
    expect(s.direction.previous.direction).toBe('not-comparable');
    // One value: carried forward, with no interval (there is no change yet to size one from).
    expect(s.forecast).toMatchObject({ method: 'naive', basis: 'short-history', outturn: 70, interval: null });
  });
});

describe('settings', () => {
  it('a rebase: the reading uses the points since the change', () => {
    const s = summarise({
      measure: { ...measure, spc: { rebases: [{ date: '2025-01-01', reason: 'New contract' }] } },
    });
    expect(s.spc.pointsInSegment).toBe(9); // January to September 2025
    expect(s.spc.trialLimits).toBe(true);
    expect(s.spc.warnings).toEqual([
      'Trial limits: based on 9 points; 12 or more are needed for firm limits',
      'Limits recalculated from 1 January 2025: New contract',
    ]);
    const values = history()
      .slice(21)
      .map((p) => p.value as number);
    const direct = readLatestSpcPoint({ values, polarity: 'higher-is-better', target: { kind: 'value', value: 70 } });
    expect(s.spc.latestPointType).toBe(direct.type);
  });

  it('a rebase after the latest value changes nothing yet', () => {
    const s = summarise({
      points: history(29),
      measure: { ...measure, spc: { rebases: [{ date: '2025-09-01', reason: 'New contract' }] } },
    });
    expect(s.spc.pointsInSegment).toBe(29);
    expect(s.spc.latestPointKey).toBe('2025-26-M05');
  });

  it('year-to-date targets make the headline RAG year to date', () => {
    const s = summarise({
      measure: {
        ...measure,
        aggregation: 'sum',
        targets: {
          kind: 'per-period',
          basis: 'year-to-date',
          targets: { '2025-26-M06': { kind: 'value', value: 400 } },
        },
      },
    });
    expect(s.ragBasis).toBe('year-to-date');
    expect(s.target).toEqual({ kind: 'value', value: 400 });
    expect(s.rag).toBe(s.yearToDate.rag);
    // April to September 2025: 6 × 68 + (0.1 − 0.4 + 0.8 − 1.1 + 0.3 + 1.4) = 409.1
    expect(s.rag.reason).toEqual({
      code: 'ragReason.judged',
      params: {
        status: { code: 'rag.green' },
        detail: { code: 'ragReason.against', params: { value: '409.1%', target: '400.0%' } },
      },
    });
  });

  it('no target: monitor only', () => {
    const s = summarise({ measure: { ...measure, polarity: 'none', targets: null } });
    expect(s.rag.reason).toEqual({ code: 'ragReason.monitorOnly', params: { value: '69.4%' } });
    expect(s.spc.assuranceIcon).toBe('not-applicable');
    expect(s.forecast?.probabilityOfMeetingTarget).toBeNull();
  });

  it('forecasting can be switched off', () => {
    expect(summarise({ measure: { ...measure, forecast: { enabled: false } } }).forecast).toBeNull();
  });

  it('rejects a period of another frequency', () => {
    expect(() => summarise({ period: { frequency: 'quarterly', fyStartYear: 2025, index: 2 } })).toThrow(
      /not a monthly period/,
    );
  });
});
