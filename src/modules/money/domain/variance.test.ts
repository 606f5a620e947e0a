import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyFromPence } from '../../../kernel/money.ts';
import { bandOf, bandsInput, checkBands, DEFAULT_BANDS, explanationRequired, variancePercent } from './variance.ts';

const m = moneyFromPence;
const budgets = fc.integer({ min: -1e12, max: 1e12 }).map(m);
const variances = fc.integer({ min: -1e12, max: 1e12 }).map(m);
const bandsArb = fc
  .tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }))
  .map(([a, b]) => ({ amberOverBasisPoints: a, redOverBasisPoints: a + b }));

describe('variance bands', () => {
  it.each([
    [100_000_00, 2_000_00, 'green'], // exactly 2%: within
    [100_000_00, 2_000_01, 'amber'], // a penny over 2%
    [100_000_00, -5_000_00, 'amber'], // exactly 5% under: amber, not red
    [100_000_00, -5_000_01, 'red'],
    [0, 1, 'red'], // anything against a nil budget
    [0, 0, 'green'],
  ] as const)('a budget of %i pence with a variance of %i is %s by default', (budget, variance, band) => {
    expect(bandOf(DEFAULT_BANDS, m(budget), m(variance))).toBe(band);
  });

  it('is symmetric: an underspend bands as an overspend of the same size', () => {
    fc.assert(
      fc.property(bandsArb, budgets, variances, (bands, budget, variance) => {
        expect(bandOf(bands, budget, variance)).toBe(bandOf(bands, budget, m(-(variance as number))));
        expect(bandOf(bands, budget, variance)).toBe(bandOf(bands, m(-(budget as number)), variance));
      }),
    );
  });

  it('never goes down as the variance grows', () => {
    const rank = { green: 0, amber: 1, red: 2 };
    fc.assert(
      fc.property(bandsArb, budgets, variances, fc.integer({ min: 0, max: 1e9 }), (bands, budget, variance, more) => {
        const bigger = m(Math.abs(variance) + more);
        expect(rank[bandOf(bands, budget, bigger)]).toBeGreaterThanOrEqual(rank[bandOf(bands, budget, variance)]);
      }),
    );
  });

  it('agrees with the percentage computed exactly in rationals', () => {
    fc.assert(
      fc.property(bandsArb, budgets, variances, (bands, budget, variance) => {
        const size = BigInt(Math.abs(variance)) * 10_000n;
        const base = BigInt(Math.abs(budget));
        const expected =
          size > BigInt(bands.redOverBasisPoints) * base
            ? 'red'
            : size > BigInt(bands.amberOverBasisPoints) * base
              ? 'amber'
              : 'green';
        expect(bandOf(bands, budget, variance)).toBe(expected);
        expect(explanationRequired(bands, budget, variance)).toBe(expected !== 'green');
      }),
    );
  });

  it('gives the variance as a percentage to two places, or none for a nil budget', () => {
    expect(variancePercent(m(300_00), m(1_00))).toBe(0.33);
    expect(variancePercent(m(300_00), m(2_00))).toBe(0.67);
    expect(variancePercent(m(300_00), m(-2_00))).toBe(-0.67);
    expect(variancePercent(m(0), m(5))).toBeNull();
  });

  it('reads the thresholds a council sets and refuses red at or below amber', () => {
    const parsed = bandsInput.parse({ amberOverPercent: '2.5', redOverPercent: '7' });
    expect(checkBands(parsed)).toEqual({ ok: true, value: { amberOverBasisPoints: 250, redOverBasisPoints: 700 } });
    const same = checkBands(bandsInput.parse({ amberOverPercent: '5', redOverPercent: '5' }));
    expect(same).toMatchObject({ ok: false, error: { field: 'redOverPercent' } });
    expect(bandsInput.safeParse({ amberOverPercent: '2.555', redOverPercent: '5' }).success).toBe(false);
    expect(bandsInput.safeParse({ amberOverPercent: '0', redOverPercent: '5' }).success).toBe(false);
  });
});
