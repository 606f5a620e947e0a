import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDate, formatDifference, formatNumber, formatShare, formatValue, roundAsShown } from './index.ts';

describe('formatValue', () => {
  it.each([
    [62.1, '%', 1, '62.1%'],
    [70, '%', 1, '70.0%'],
    [1234.5, '£', 2, '£1,234.50'],
    [-1234.5, '£', 0, '-£1,235'],
    [1234567, 'number', 0, '1,234,567'],
    [999, 'number', 0, '999'],
    [1, 'days', 0, '1 day'],
    [1, 'days', 1, '1.0 days'],
    [12.25, 'days', 1, '12.3 days'],
    [4.2, 'rate per 1,000', 1, '4.2 per 1,000'],
    [12, 'visits', 0, '12 visits'],
    [-0.04, '%', 1, '0.0%'], // rounds to zero: no minus sign
    [-0.06, '%', 1, '-0.1%'],
    [0, 'number', 2, '0.00'],
  ])('%d %s %d dp → %s', (value, unit, decimals, expected) => {
    expect(formatValue(value, unit, decimals)).toBe(expected);
  });

  it('rejects nonsense', () => {
    expect(() => formatValue(Number.NaN, '%', 1)).toThrow(/Cannot format/);
    expect(() => formatValue(1, '%', -1)).toThrow(/Decimal places/);
    expect(() => formatValue(1, '%', 1.5)).toThrow(/Decimal places/);
  });

  it('groups thousands like the en-GB locale (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 3 }), (v, d) => {
        const expected = new Intl.NumberFormat('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d })
          .format(Number(v.toFixed(d)))
          .replace(/^-(0(\.0+)?)$/, '$1');
        expect(formatNumber(v, d)).toBe(expected);
      }),
    );
  });
});

describe('roundAsShown', () => {
  it('rounds exactly as the printed figure', () => {
    expect(roundAsShown(69.96, 1)).toBe(70);
    expect(roundAsShown(66.449, 1)).toBe(66.4);
    expect(Object.is(roundAsShown(-0.01, 1), 0)).toBe(true);
  });

  it('agrees with formatNumber (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (v, d) => {
        expect(formatNumber(roundAsShown(v, d), d)).toBe(formatNumber(v, d));
      }),
    );
  });
});

describe('other formats', () => {
  it.each([
    [4, '%', 1, '4.0 percentage points'],
    [-1, '%', 0, '1 percentage point'],
    [-2.5, 'days', 1, '2.5 days'],
    [1500, '£', 0, '£1,500'],
  ])('difference %d %s → %s', (d, unit, decimals, expected) => {
    expect(formatDifference(d, unit, decimals)).toBe(expected);
  });

  it('formats shares and dates', () => {
    expect(formatShare(0.8571)).toBe('85.7%');
    expect(formatShare(0.9, 0)).toBe('90%');
    expect(formatDate('2025-07-05')).toBe('5 July 2025');
    expect(() => formatDate('2025-13-01')).toThrow(/not a date/);
  });
});
