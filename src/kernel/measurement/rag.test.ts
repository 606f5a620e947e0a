import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
/**
 * RAG rules: validation, properties and the reason as a phrase. The statuses at each boundary with
 * the words they are said in are tested in src/platform/words/rag-words.test.ts (the kernel knows no words).
 */
import { assessRag, RAG_RANK, validateRagThresholds } from './index.ts';
import { phrase, storePhrase } from '../phrase.ts';
import { type Polarity, type RagInput, type RagThresholds, type Target } from './index.ts';

const pct = { unit: '%', decimals: 1 } as const;
const value = (v: number): Target => ({ kind: 'value', value: v });
const range = (lower: number, upper: number): Target => ({ kind: 'range', lower, upper });
const fivePercent: RagThresholds = { kind: 'percentage', amberPercent: 5 };

function rag(
  v: number | null,
  polarity: Polarity,
  target: Target | null,
  thresholds: RagThresholds = fivePercent,
  format: RagInput['format'] = pct,
) {
  return assessRag({ value: v, polarity, target, thresholds, format });
}

describe('validateRagThresholds', () => {
  // The words are checked in src/platform/words/validation-words.test.ts.
  it.each([
    [
      { kind: 'percentage', amberPercent: -1 },
      'higher-is-better',
      value(70),
      phrase('thresholdChecks.percentNegative'),
    ],
    [{ kind: 'absolute', amberAmount: -1 }, 'higher-is-better', value(70), phrase('thresholdChecks.amountNegative')],
    [
      { kind: 'bands', amberLower: 71 },
      'higher-is-better',
      value(70),
      phrase('thresholdChecks.amberStartAbove', { target: 70, amber: 71 }),
    ],
    [
      { kind: 'bands', amberUpper: 9 },
      'lower-is-better',
      value(10),
      phrase('thresholdChecks.amberEndBelow', { target: 10, amber: 9 }),
    ],
    [{ kind: 'bands' }, 'higher-is-better', value(70), phrase('thresholdChecks.giveAmberStart')],
  ] as const)('%o is rejected', (thresholds, polarity, target, message) => {
    const r = validateRagThresholds(thresholds, polarity, target);
    expect(r).toEqual({ ok: false, error: { code: 'invalid', message: storePhrase(message), field: 'thresholds' } });
  });
  it('accepts sensible thresholds', () => {
    expect(validateRagThresholds(fivePercent, 'higher-is-better', value(70)).ok).toBe(true);
  });
});

describe('properties', () => {
  const rank = (status: string) => RAG_RANK[status as 'red'] ?? Number.NaN;
  const arbThresholds: fc.Arbitrary<RagThresholds> = fc.oneof(
    fc.record({ kind: fc.constant('percentage' as const), amberPercent: fc.integer({ min: 0, max: 50 }) }),
    fc.record({ kind: fc.constant('absolute' as const), amberAmount: fc.integer({ min: 0, max: 50 }) }),
    fc.constant({ kind: 'none' as const }),
  );
  const num = fc.integer({ min: -10_000, max: 10_000 }).map((n) => n / 10);

  it('RAG is monotone in the value (higher is better: never worse for a larger value)', () => {
    fc.assert(
      fc.property(num, num, num, arbThresholds, (a, b, t, thresholds) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const low = rag(lo, 'higher-is-better', value(t), thresholds);
        const high = rag(hi, 'higher-is-better', value(t), thresholds);
        expect(rank(low.status)).toBeLessThanOrEqual(rank(high.status));
        const lowL = rag(lo, 'lower-is-better', value(t), thresholds);
        const highL = rag(hi, 'lower-is-better', value(t), thresholds);
        expect(rank(lowL.status)).toBeGreaterThanOrEqual(rank(highL.status));
      }),
    );
  });

  it('lower is better mirrors higher is better (negate value and target)', () => {
    fc.assert(
      fc.property(num, num, arbThresholds, (v, t, thresholds) => {
        expect(rag(v, 'higher-is-better', value(t), thresholds).status).toBe(
          rag(-v, 'lower-is-better', value(-t), thresholds).status,
        );
      }),
    );
  });

  it('within range is symmetric about the middle of the range', () => {
    fc.assert(
      fc.property(num, num, fc.integer({ min: 0, max: 100 }), (mid, offset, halfWidth) => {
        const t = range(mid - halfWidth / 10, mid + halfWidth / 10);
        const abs = { kind: 'absolute', amberAmount: 1 } as const;
        const fmt = { unit: 'number', decimals: 2 };
        const above = assessRag({
          value: mid + offset,
          polarity: 'within-range',
          target: t,
          thresholds: abs,
          format: fmt,
        });
        const below = assessRag({
          value: mid - offset,
          polarity: 'within-range',
          target: t,
          thresholds: abs,
          format: fmt,
        });
        expect(above.status).toBe(below.status);
      }),
    );
  });

  it('a value on target is always green; just past the amber edge is always red', () => {
    fc.assert(
      fc.property(num, fc.integer({ min: 1, max: 50 }), (t, amount) => {
        const th = { kind: 'absolute', amberAmount: amount } as const;
        expect(rag(t, 'higher-is-better', value(t), th).status).toBe('green');
        expect(rag(t - amount, 'higher-is-better', value(t), th).status).toBe('amber');
        expect(rag(t - amount - 0.1, 'higher-is-better', value(t), th).status).toBe('red');
      }),
    );
  });
});

describe('the reason is a phrase: a code and parameters, no words', () => {
  const assess = (v: number | null, polarity: Polarity, target: Target | null, extra: Partial<RagInput> = {}) =>
    assessRag({ value: v, polarity, target, thresholds: fivePercent, format: pct, ...extra });

  it('names the status and the comparison, with the figures as shown', () => {
    expect(assess(62.1, 'higher-is-better', value(70)).reason).toEqual({
      code: 'ragReason.judged',
      params: {
        status: { code: 'rag.red' },
        detail: {
          code: 'ragReason.againstBand',
          params: { value: '62.1%', target: '70.0%', band: { code: 'ragBand.from', params: { lower: '66.5%' } } },
        },
      },
    });
    expect(assess(70, 'higher-is-better', value(70)).reason).toEqual({
      code: 'ragReason.judged',
      params: {
        status: { code: 'rag.green' },
        detail: { code: 'ragReason.against', params: { value: '70.0%', target: '70.0%' } },
      },
    });
  });

  it('says which side of a range, and the band either side', () => {
    const r = assess(50, 'within-range', range(60, 80));
    expect(r.status).toBe('red');
    expect(r.reason.params?.detail).toEqual({
      code: 'ragReason.belowRange',
      params: {
        value: '50.0%',
        lower: '60.0%',
        upper: '80.0%',
        band: { code: 'ragBand.fromUpTo', params: { lower: '57.0%', upper: '84.0%' } },
      },
    });
    const none = assessRag({
      value: 90,
      polarity: 'within-range',
      target: range(60, 80),
      thresholds: { kind: 'none' },
      format: pct,
    });
    expect(none.reason.params?.detail).toMatchObject({
      code: 'ragReason.aboveRange',
      params: { band: { code: 'ragBand.none' } },
    });
  });

  it('gives missing data its own codes, with the period and due date as parameters', () => {
    expect(assess(null, 'higher-is-better', value(70)).reason).toEqual({ code: 'ragReason.noData' });
    expect(
      assess(null, 'higher-is-better', value(70), { periodLabel: 'June 2025', dueDate: '2025-07-15' }).reason,
    ).toEqual({
      code: 'ragReason.noDataForDue',
      params: { period: 'June 2025', due: '15 July 2025' },
    });
    expect(
      assess(null, 'higher-is-better', value(70), {
        periodLabel: 'June 2025',
        dueDate: '2025-07-15',
        asOf: '2025-07-16',
      }),
    ).toMatchObject({
      status: 'overdue',
      reason: { code: 'ragReason.overdueFor', params: { period: 'June 2025', due: '15 July 2025' } },
    });
  });

  it('gives each kind of missing target its own code', () => {
    expect(assess(5, 'none', null).reason).toEqual({ code: 'ragReason.monitorOnly', params: { value: '5.0%' } });
    expect(assess(5, 'higher-is-better', null).reason).toEqual({
      code: 'ragReason.noTarget',
      params: { value: '5.0%' },
    });
    expect(assess(5, 'within-range', value(5)).reason.code).toBe('ragReason.needsRange');
    expect(assess(5, 'lower-is-better', range(1, 9)).reason.code).toBe('ragReason.needsSingleValue');
  });
});
