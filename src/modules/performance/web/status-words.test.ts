/**
 * A measure's status in words: the phrases summariseMeasureStatus gives, said by the catalogue as the
 * measure page and API show them, and as the stored status row (JSON) is said on lists and dashboards.
 */
import { describe, expect, it } from 'vitest';
import { summariseMeasureStatus } from '../domain/index.ts';
import type { MeasureDefinition, MeasurePoint, MeasureStatusInput, Period } from '../domain/index.ts';
import { storePhrase } from '../../../kernel/phrase.ts';
import { say, sayStored } from '../../../platform/words/index.ts';

const m = (fyStartYear: number, index: number): Period => ({ frequency: 'monthly', fyStartYear, index });

/** 30 months from April 2023 to September 2025, around 68% with a small wobble (as measure-status.test.ts). */
const WOBBLE = [0.8, -1.1, 0.3, 1.4, -0.6, -0.9, 1.0, -0.2, 0.5, -1.3, 0.9, 0.1, -0.4];
function history(count = 30): MeasurePoint[] {
  return Array.from({ length: count }, (_, k) => ({
    period: m(2023 + Math.floor(k / 12), (k % 12) + 1),
    value: 68 + (WOBBLE[k % 13] as number),
  }));
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

describe('a measure’s status in words', () => {
  const s = summarise();

  it('says the RAG reason, and the same words from the stored row', () => {
    const words = 'Amber: 69.4% against a target of 70.0%; amber from 66.5%';
    expect(say(s.rag.reason)).toBe(words);
    expect(sayStored(storePhrase(s.rag.reason))).toBe(words);
  });

  it('says the direction of travel against the previous period and the same period last year', () => {
    expect(say(s.direction.previous.reason)).toBe(
      'Improving: 69.4% compared with 68.3% in August 2025 (up 1.1 percentage points)',
    );
    expect(say(s.direction.samePeriodLastYear.reason)).toBe(
      'Improving: 69.4% compared with 67.4% in September 2024 (up 2.0 percentage points)',
    );
  });

  it('says no data yet, then overdue after the due date', () => {
    const notYet = summarise({ points: history(29), dueDate: '2025-10-20' });
    expect(sayStored(storePhrase(notYet.rag.reason))).toBe('No data yet for September 2025; due by 20 October 2025');
    const late = summarise({ points: history(29), dueDate: '2025-10-15' });
    expect(sayStored(storePhrase(late.rag.reason))).toBe(
      'Overdue: no data for September 2025, which was due by 15 October 2025',
    );
    expect(say(late.direction.previous.reason)).toBe('Not comparable: no data for this period');
  });

  it('says the year-to-date reason and a monitor-only reason', () => {
    const ytd = summarise({
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
    expect(say(ytd.rag.reason)).toBe('Green: 409.1% against a target of 400.0%');
    const monitor = summarise({ measure: { ...measure, polarity: 'none', targets: null } });
    expect(say(monitor.rag.reason)).toBe('No target (monitor only): 69.4%');
  });
});
