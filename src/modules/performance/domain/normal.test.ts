import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalCdf, normalQuantile } from './index.ts';

describe('standard normal', () => {
  it.each([
    [0, 0.5],
    [1.959963985, 0.975],
    [-1.644853627, 0.05],
    [1.281551566, 0.9],
    [3, 0.998650102],
  ])('Φ(%d) = %d', (z, p) => {
    expect(normalCdf(z)).toBeCloseTo(p, 6);
    expect(normalQuantile(p)).toBeCloseTo(z, 6);
  });

  it('the quantile inverts the CDF (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
      }),
    );
  });

  it('rejects probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(/strictly between/);
    expect(() => normalQuantile(1)).toThrow(/strictly between/);
  });
});
