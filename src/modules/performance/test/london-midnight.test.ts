/**
 * One "today" for every judgement. At 00:30 on 1 August in London (23:30 on 31 July UTC) a figure
 * due on 31 July is overdue, and July is the latest month that has ended: collection and the
 * status engine must both say so, reading the London date from the one Clock.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../platform/clock.ts';
import { collectionState, dueDate, DEFAULT_COLLECTION_RULE } from '../../collection/domain/index.ts';
import { computeStatuses } from '../performance-status.service.ts';
import { parsePeriodKey } from '../domain/index.ts';
import type { StatusHistory, StatusMeasureRow } from '../data/status-history.repository.ts';
import { sayStored } from '../../../platform/words/index.ts';

const clock = fixedClock('2025-07-31T23:30:00Z');
/** 23 working days after 30 June 2025 (no bank holiday in July) is Thursday 31 July. */
const rule = { ...DEFAULT_COLLECTION_RULE, workingDaysAfterPeriodEnd: 23 };

const measure: StatusMeasureRow = {
  minValue: null,
  maxValue: null,
  id: 'measure-1',
  frequency: 'monthly',
  polarity: 'higher-is-better',
  aggregation: 'mean',
  unit: '%',
  decimalPlaces: 0,
  ragThresholds: { kind: 'percentage', amberPercent: 5 },
  spcSettings: { screenMovingRanges: true, baselinePoints: null },
  dueWorkingDays: rule.workingDaysAfterPeriodEnd,
};
// Figures up to May 2025; June's has not come in.
const history: StatusHistory = {
  measures: [measure],
  values: new Map([
    [
      measure.id,
      ['2025-26-M01', '2025-26-M02'].map((periodKey) => ({ periodKey, value: 70, numerator: null, denominator: null })),
    ],
  ]),
  targets: new Map(),
  rebases: new Map(),
};

function period(key: string) {
  const parsed = parsePeriodKey(key);
  if (!parsed.ok) throw new Error(key);
  return parsed.value;
}

describe('London midnight in summer', () => {
  it('the clock reads 1 August although the UTC date is still 31 July', () => {
    expect(clock().toISOString().slice(0, 10)).toBe('2025-07-31');
    expect(clock.today()).toBe('2025-08-01');
    expect(dueDate(period('2025-26-M03'), rule)).toBe('2025-07-31');
  });

  it('collection and the status engine both judge June overdue and rate July', () => {
    expect(collectionState(period('2025-26-M03'), clock.today(), false, rule)).toBe('overdue');
    expect(collectionState(period('2025-26-M04'), clock.today(), false, rule)).toBe('due');

    const rows = computeStatuses('org-1', history, clock(), DEFAULT_COLLECTION_RULE.workingDaysAfterPeriodEnd, {
      fromPeriodKey: '2025-26-M03',
    });
    expect(rows.map((row) => row.periodKey)).toEqual(['2025-26-M03', '2025-26-M04']);
    const june = rows[0]!;
    expect(june.rag).toBe('overdue');
    expect(sayStored(june.ragReason!)).toMatch(/^Overdue: no data for June 2025, which was due by 31 July 2025/);
    expect(rows[1]!.rag).toBe('no-data');
  });
});
