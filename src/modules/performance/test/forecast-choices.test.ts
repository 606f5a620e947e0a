/**
 * The recompute with remembered forecast choices: the stored statuses are the same figures as
 * choosing afresh; a second run with unchanged figures chooses nothing new; a new official value
 * makes that measure (and only that one) choose again; and the measure's own range bounds the
 * forecast.
 */
import { describe, expect, it } from 'vitest';
import { computeStatuses } from '../performance-status.service.ts';
import { emptyChoiceStore } from '../forecast-choices.ts';
import type { StatusHistory, StatusMeasureRow, ValueRow } from '../data/status-history.repository.ts';

const NOW = new Date('2025-12-10T12:00:00Z');

const measure = (id: string, extra: Partial<StatusMeasureRow> = {}): StatusMeasureRow => ({
  id,
  frequency: 'monthly',
  polarity: 'higher-is-better',
  aggregation: 'mean',
  unit: 'number',
  decimalPlaces: 1,
  ragThresholds: { kind: 'percentage', amberPercent: 5 },
  spcSettings: { screenMovingRanges: true, baselinePoints: null },
  dueWorkingDays: 10,
  minValue: null,
  maxValue: null,
  ...extra,
});

/** Monthly figures from April 2022 to October 2025 (the month before the current one). */
function figures(f: (k: number) => number, count = 43): ValueRow[] {
  return Array.from({ length: count }, (_, k) => {
    const year = 2022 + Math.floor(k / 12);
    const index = (k % 12) + 1;
    return {
      periodKey: `${year}-${String(year + 1).slice(2)}-M${String(index).padStart(2, '0')}`,
      value: f(k),
      numerator: null,
      denominator: null,
    };
  });
}

const history = (measures: StatusMeasureRow[], values: Map<string, ValueRow[]>): StatusHistory => ({
  measures,
  values,
  targets: new Map(),
  rebases: new Map(),
});

const trend = figures((k) => 30 + 0.9 * k + ((k * 7) % 5));
const seasonal = figures((k) => 60 + [5, 7, 9, 12, 15, 14, 11, 9, 7, 6, 4, 3][k % 12]! * 2 + ((k * 3) % 4));

describe('remembered forecast choices in the recompute', () => {
  it('store the same figures as choosing afresh, and choose nothing new while the figures stand', () => {
    const h = history(
      [measure('a'), measure('b')],
      new Map([
        ['a', trend],
        ['b', seasonal],
      ]),
    );
    const afresh = computeStatuses('org', h, NOW, 10);
    const store = emptyChoiceStore();
    const first = computeStatuses('org', h, NOW, 10, {}, undefined, store);
    expect(first).toEqual(afresh);
    expect([...store.fresh.keys()].sort()).toEqual(['a', 'b']);

    const again = emptyChoiceStore(store.fresh);
    expect(computeStatuses('org', h, NOW, 10, {}, undefined, again)).toEqual(afresh);
    expect(again.fresh.size).toBe(0);
    expect(afresh.every((row) => row.forecastOutturn !== null)).toBe(true);
  });

  it('choose again for a measure whose official figures changed, and only for it', () => {
    const store = emptyChoiceStore();
    computeStatuses(
      'org',
      history(
        [measure('a'), measure('b')],
        new Map([
          ['a', trend],
          ['b', seasonal],
        ]),
      ),
      NOW,
      10,
      {},
      undefined,
      store,
    );
    const withNovember = [...trend, { periodKey: '2025-26-M08', value: 80, numerator: null, denominator: null }];
    const changed = history(
      [measure('a'), measure('b')],
      new Map([
        ['a', withNovember],
        ['b', seasonal],
      ]),
    );
    const next = emptyChoiceStore(store.fresh);
    expect(computeStatuses('org', changed, NOW, 10, {}, undefined, next)).toEqual(
      computeStatuses('org', changed, NOW, 10),
    );
    expect([...next.fresh.keys()]).toEqual(['a']);
  });

  it('keep the forecast and its interval inside the measure’s own maximum', () => {
    // The year-end figure is March's; every figure so far is below 75, and the trend goes on up.
    const latest = { aggregation: 'latest' as const };
    const capped = history([measure('a', { ...latest, maxValue: 75 })], new Map([['a', trend]]));
    const free = history([measure('a', latest)], new Map([['a', trend]]));
    const [row] = computeStatuses('org', capped, NOW, 10);
    const [open] = computeStatuses('org', free, NOW, 10);
    expect(open!.forecastHigh!).toBeGreaterThan(75);
    expect(row!.forecastOutturn!).toBeLessThanOrEqual(75);
    expect(row!.forecastHigh!).toBeLessThanOrEqual(75);
  });
});
