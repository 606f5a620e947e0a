/**
 * RAG statuses at each boundary, with their reasons in the words pages and the API show: the
 * kernel's phrases (assessRag) said by the catalogue.
 */
import { describe, expect, it } from 'vitest';
import {
  assessRag,
  type Polarity,
  type RagInput,
  type RagThresholds,
  type Target,
} from '../../kernel/measurement/index.ts';
import { say } from './index.ts';

const pct = { unit: '%', decimals: 1 } as const;
const days = { unit: 'days', decimals: 0 } as const;
const value = (v: number): Target => ({ kind: 'value', value: v });
const range = (lower: number, upper: number): Target => ({ kind: 'range', lower, upper });
const fivePercent: RagThresholds = { kind: 'percentage', amberPercent: 5 };

/** The assessment with its reason said. */
function said(input: RagInput) {
  const assessed = assessRag(input);
  return { ...assessed, reason: say(assessed.reason) };
}

function rag(
  v: number | null,
  polarity: Polarity,
  target: Target | null,
  thresholds: RagThresholds = fivePercent,
  format: RagInput['format'] = pct,
) {
  return said({ value: v, polarity, target, thresholds, format });
}

describe('higher is better, amber within 5% of a 70% target (amber from 66.5%)', () => {
  it.each([
    [62.1, 'red', 'Red: 62.1% against a target of 70.0%; amber from 66.5%'],
    [66.4, 'red', 'Red: 66.4% against a target of 70.0%; amber from 66.5%'],
    [66.5, 'amber', 'Amber: 66.5% against a target of 70.0%; amber from 66.5%'], // exactly on the amber boundary
    [69.9, 'amber', 'Amber: 69.9% against a target of 70.0%; amber from 66.5%'],
    [70, 'green', 'Green: 70.0% against a target of 70.0%'], // exactly on target
    [69.96, 'green', 'Green: 70.0% against a target of 70.0%'], // compared as shown
    [66.449, 'red', 'Red: 66.4% against a target of 70.0%; amber from 66.5%'],
    [66.45, 'amber', 'Amber: 66.5% against a target of 70.0%; amber from 66.5%'],
    [95, 'green', 'Green: 95.0% against a target of 70.0%'],
  ])('%d → %s', (v, status, reason) => {
    const r = rag(v, 'higher-is-better', value(70));
    expect(r.status).toBe(status);
    expect(r.reason).toBe(reason);
  });

  it('keeps an inexactly represented boundary on the amber side', () => {
    // 70.3 × 0.95 = 66.785 in decimals, but not in binary floating point.
    const r = said({
      value: 66.785,
      polarity: 'higher-is-better',
      target: value(70.3),
      thresholds: fivePercent,
      format: { unit: '%', decimals: 3 },
    });
    expect(r.status).toBe('amber');
  });
});

describe('lower is better, absolute tolerance of 2 days on a 10-day target', () => {
  const t: RagThresholds = { kind: 'absolute', amberAmount: 2 };
  it.each([
    [8, 'green', 'Green: 8 days against a target of 10 days'],
    [10, 'green', 'Green: 10 days against a target of 10 days'],
    [11, 'amber', 'Amber: 11 days against a target of 10 days; amber up to 12 days'],
    [12, 'amber', 'Amber: 12 days against a target of 10 days; amber up to 12 days'],
    [13, 'red', 'Red: 13 days against a target of 10 days; amber up to 12 days'],
  ])('%d days → %s', (v, status, reason) => {
    const r = rag(v, 'lower-is-better', value(10), t, days);
    expect([r.status, r.reason]).toEqual([status, reason]);
  });
});

describe('within range 4.0% to 6.0%', () => {
  it.each([
    [5, 'green', 'Green: 5.0% is within the target range of 4.0% to 6.0%'],
    [4, 'green', 'Green: 4.0% is within the target range of 4.0% to 6.0%'],
    [6, 'green', 'Green: 6.0% is within the target range of 4.0% to 6.0%'],
    [3.8, 'amber', 'Amber: 3.8% is below the target range of 4.0% to 6.0%; amber from 3.8% up to 6.3%'],
    [6.3, 'amber', 'Amber: 6.3% is above the target range of 4.0% to 6.0%; amber from 3.8% up to 6.3%'],
    [3.7, 'red', 'Red: 3.7% is below the target range of 4.0% to 6.0%; amber from 3.8% up to 6.3%'],
    [7, 'red', 'Red: 7.0% is above the target range of 4.0% to 6.0%; amber from 3.8% up to 6.3%'],
  ])('%d → %s', (v, status, reason) => {
    const r = rag(v, 'within-range', range(4, 6));
    expect([r.status, r.reason]).toEqual([status, reason]);
  });

  it('uses explicit bands', () => {
    const bands: RagThresholds = { kind: 'bands', amberLower: 3, amberUpper: 7 };
    expect(rag(3, 'within-range', range(4, 6), bands).status).toBe('amber');
    expect(rag(2.9, 'within-range', range(4, 6), bands).status).toBe('red');
    expect(rag(7, 'within-range', range(4, 6), bands).status).toBe('amber');
  });
});

describe('explicit bands and no band', () => {
  it('amber from an explicit value', () => {
    const bands: RagThresholds = { kind: 'bands', amberLower: 60 };
    expect(rag(60, 'higher-is-better', value(70), bands).reason).toBe(
      'Amber: 60.0% against a target of 70.0%; amber from 60.0%',
    );
    expect(rag(59.9, 'higher-is-better', value(70), bands).status).toBe('red');
  });
  it('no amber band: green or red', () => {
    expect(rag(69.9, 'higher-is-better', value(70), { kind: 'none' }).reason).toBe(
      'Red: 69.9% against a target of 70.0%; no amber band',
    );
  });
  it('a percentage tolerance of a zero target gives no band', () => {
    expect(rag(0.1, 'lower-is-better', value(0)).status).toBe('red');
    expect(rag(0, 'lower-is-better', value(0)).status).toBe('green');
  });
  it('a negative target takes the percentage of its size', () => {
    // target −10, 10% → amber from −11
    const r = rag(
      -11,
      'higher-is-better',
      value(-10),
      { kind: 'percentage', amberPercent: 10 },
      { unit: 'number', decimals: 0 },
    );
    expect(r.status).toBe('amber');
    expect(r.amberLower).toBe(-11);
  });
});

describe('statuses without a rating', () => {
  it.each([
    [{ value: null }, 'no-data', 'No data yet for June 2025'],
    [
      { value: null, dueDate: '2025-07-15', asOf: '2025-07-15' },
      'no-data',
      'No data yet for June 2025; due by 15 July 2025',
    ],
    [
      { value: null, dueDate: '2025-07-15', asOf: '2025-07-16' },
      'overdue',
      'Overdue: no data for June 2025, which was due by 15 July 2025',
    ],
    [{ value: 62.1, polarity: 'none' as Polarity }, 'no-target', 'No target (monitor only): 62.1%'],
    [{ value: 62.1, target: null }, 'no-target', 'No target set: 62.1%'],
    [
      { value: 62.1, target: range(1, 2) },
      'no-target',
      'No usable target: this measure needs a single target value; 62.1%',
    ],
  ])('%o → %s', (overrides, status, reason) => {
    const r = said({
      polarity: 'higher-is-better',
      target: value(70),
      thresholds: fivePercent,
      format: pct,
      periodLabel: 'June 2025',
      ...overrides,
    });
    expect([r.status, r.reason]).toEqual([status, reason]);
  });
});
