import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  comparePeriods,
  enclosingPeriod,
  financialYearLabel,
  FREQUENCIES,
  isValidPeriodForFrequency,
  nextPeriod,
  parsePeriodKey,
  periodContaining,
  periodEnd,
  periodKey,
  periodLabel,
  periodsBetween,
  periodsOfYear,
  periodStart,
  periodsWithin,
  periodsPerYear,
  previousPeriod,
  rolling12MonthPeriods,
  samePeriodLastYear,
  yearToDatePeriods,
} from './index.ts';
import { type Frequency, type Period } from './index.ts';

const m = (fyStartYear: number, index: number): Period => ({ frequency: 'monthly', fyStartYear, index });
const q = (fyStartYear: number, index: number): Period => ({ frequency: 'quarterly', fyStartYear, index });
const h = (fyStartYear: number, index: number): Period => ({ frequency: 'half-yearly', fyStartYear, index });
const y = (fyStartYear: number): Period => ({ frequency: 'annual', fyStartYear, index: 1 });

const arbPeriod: fc.Arbitrary<Period> = fc
  .record({ frequency: fc.constantFrom(...FREQUENCIES), fyStartYear: fc.integer({ min: 1950, max: 2150 }) })
  .chain(({ frequency, fyStartYear }) =>
    fc.integer({ min: 1, max: periodsPerYear(frequency) }).map((index) => ({ frequency, fyStartYear, index })),
  );

describe('periodKey / parsePeriodKey', () => {
  it.each([
    [y(2025), '2025-26'],
    [h(2025, 1), '2025-26-H1'],
    [q(2025, 2), '2025-26-Q2'],
    [m(2025, 3), '2025-26-M03'],
    [m(2025, 12), '2025-26-M12'],
    [y(1999), '1999-00'],
  ])('%o has key %s', (period, key) => {
    expect(periodKey(period)).toBe(key);
    expect(parsePeriodKey(key)).toEqual({ ok: true, value: period });
  });

  it.each([
    ['2025-26-Q5', '2025-26-Q5 is not a period: quarters run Q1 to Q4'],
    ['2025-26-Q0', '2025-26-Q0 is not a period: quarters run Q1 to Q4'],
    ['2025-26-M13', '2025-26-M13 is not a period: months run M01 to M12'],
    ['2025-26-M3', '2025-26-M3 is not a period: months run M01 to M12'],
    ['2025-26-H3', '2025-26-H3 is not a period: half-years run H1 to H2'],
    ['2025-27', '2025-27 is not a period: a financial year starting in 2025 is written 2025-26'],
    ['1850-51', '1850-51 is not a period: the year must be between 1900 and 2998'],
  ])('rejects %s', (key, message) => {
    expect(parsePeriodKey(key)).toEqual({ ok: false, error: { code: 'invalid', message, field: 'period' } });
  });

  it.each(['', '2025', '2025/26', '2025-26-X1', '2025-26-Q', 'Q1 2025'])('rejects malformed %j', (key) => {
    const r = parsePeriodKey(key);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('use the form 2025-26');
  });

  it('round-trips every period (property)', () => {
    fc.assert(
      fc.property(arbPeriod, (p) => {
        expect(parsePeriodKey(periodKey(p))).toEqual({ ok: true, value: p });
      }),
    );
  });
});

describe('isValidPeriodForFrequency', () => {
  it('accepts a key of the right frequency', () => {
    expect(isValidPeriodForFrequency('2025-26-M03', 'monthly')).toEqual({ ok: true, value: m(2025, 3) });
  });
  it.each([
    ['2025-26-Q2', 'monthly', '2025-26-Q2 is a quarterly period but this measure is monthly'],
    ['2025-26', 'quarterly', '2025-26 is an annual period but this measure is quarterly'],
    ['2025-26-H2', 'annual', '2025-26-H2 is a half-yearly period but this measure is annual'],
  ] as const)('%s for a %s measure', (key, frequency, message) => {
    const r = isValidPeriodForFrequency(key, frequency);
    expect(r).toEqual({ ok: false, error: { code: 'invalid', message, field: 'period' } });
  });
  it('passes on parse errors', () => {
    const r = isValidPeriodForFrequency('2025-26-Q9', 'quarterly');
    expect(!r.ok && r.error.message).toBe('2025-26-Q9 is not a period: quarters run Q1 to Q4');
  });
});

describe('labels and dates (UK year, April start)', () => {
  it.each([
    [y(2025), '2025/26', '2025-04-01', '2026-03-31'],
    [h(2025, 1), '2025/26 H1', '2025-04-01', '2025-09-30'],
    [h(2025, 2), '2025/26 H2', '2025-10-01', '2026-03-31'],
    [q(2025, 1), '2025/26 Q1', '2025-04-01', '2025-06-30'],
    [q(2025, 2), '2025/26 Q2', '2025-07-01', '2025-09-30'],
    [q(2025, 4), '2025/26 Q4', '2026-01-01', '2026-03-31'],
    [m(2025, 1), 'April 2025', '2025-04-01', '2025-04-30'],
    [m(2025, 3), 'June 2025', '2025-06-01', '2025-06-30'],
    [m(2025, 10), 'January 2026', '2026-01-01', '2026-01-31'],
    [m(2027, 11), 'February 2028', '2028-02-01', '2028-02-29'], // leap year
    [m(2025, 11), 'February 2026', '2026-02-01', '2026-02-28'],
    [y(1999), '1999/00', '1999-04-01', '2000-03-31'],
  ])('%o: %s from %s to %s', (p, label, start, end) => {
    expect(periodLabel(p)).toBe(label);
    expect(periodStart(p)).toBe(start);
    expect(periodEnd(p)).toBe(end);
  });

  it.each([
    [{ startMonth: 1 }, y(2025), '2025', '2025-01-01', '2025-12-31'],
    [{ startMonth: 1 }, q(2025, 2), '2025 Q2', '2025-04-01', '2025-06-30'],
    [{ startMonth: 9 }, m(2025, 5), 'January 2026', '2026-01-01', '2026-01-31'],
    [{ startMonth: 7 }, h(2025, 2), '2025/26 H2', '2026-01-01', '2026-06-30'],
  ])('with %o, %o is %s from %s to %s', (fy, p, label, start, end) => {
    expect(periodLabel(p, fy)).toBe(label);
    expect(periodStart(p, fy)).toBe(start);
    expect(periodEnd(p, fy)).toBe(end);
  });

  it.each([
    [2025, '2025/26'],
    [2099, '2099/00'],
    [1999, '1999/00'],
  ])('names the financial year starting in %i %s', (startYear, label) => {
    expect(financialYearLabel(startYear)).toBe(label);
  });

  it('rejects an invalid year start month', () => {
    expect(() => periodStart(y(2025), { startMonth: 13 })).toThrow(/1 to 12/);
  });
});

describe('periodContaining', () => {
  it.each([
    ['2025-04-01', 'monthly', m(2025, 1)],
    ['2025-03-31', 'monthly', m(2024, 12)],
    ['2025-06-30', 'quarterly', q(2025, 1)],
    ['2025-07-01', 'quarterly', q(2025, 2)],
    ['2026-01-15', 'quarterly', q(2025, 4)],
    ['2025-09-30', 'half-yearly', h(2025, 1)],
    ['2025-10-01', 'half-yearly', h(2025, 2)],
    ['2026-03-31', 'annual', y(2025)],
    ['2026-04-01', 'annual', y(2026)],
  ] as const)('%s is in %s %o', (date, frequency, expected) => {
    expect(periodContaining(date, frequency)).toEqual(expected);
  });

  it('uses the configured year start', () => {
    expect(periodContaining('2025-01-10', 'quarterly', { startMonth: 1 })).toEqual(q(2025, 1));
    expect(periodContaining('2025-08-31', 'monthly', { startMonth: 9 })).toEqual(m(2024, 12));
  });

  it.each(['2025-02-30', '2025-13-01', '25-01-01', 'yesterday'])('throws on %s', (date) => {
    expect(() => periodContaining(date, 'monthly')).toThrow(/not a date/);
  });

  it('a period contains its own start and end dates (property)', () => {
    fc.assert(
      fc.property(arbPeriod, fc.integer({ min: 1, max: 12 }), (p, startMonth) => {
        const fy = { startMonth };
        expect(periodContaining(periodStart(p, fy), p.frequency, fy)).toEqual(p);
        expect(periodContaining(periodEnd(p, fy), p.frequency, fy)).toEqual(p);
      }),
    );
  });
});

describe('stepping', () => {
  it.each([
    [m(2025, 1), m(2024, 12), m(2025, 2)],
    [m(2025, 12), m(2025, 11), m(2026, 1)],
    [q(2025, 1), q(2024, 4), q(2025, 2)],
    [h(2025, 2), h(2025, 1), h(2026, 1)],
    [y(2025), y(2024), y(2026)],
  ])('%o: previous %o, next %o', (p, prev, next) => {
    expect(previousPeriod(p)).toEqual(prev);
    expect(nextPeriod(p)).toEqual(next);
  });

  it('same period last year', () => {
    expect(samePeriodLastYear(q(2025, 3))).toEqual(q(2024, 3));
  });

  it('next after previous is the identity and the day after the end starts the next period (property)', () => {
    fc.assert(
      fc.property(arbPeriod, (p) => {
        expect(nextPeriod(previousPeriod(p))).toEqual(p);
        const end = new Date(`${periodEnd(p)}T00:00:00Z`);
        end.setUTCDate(end.getUTCDate() + 1);
        expect(periodStart(nextPeriod(p))).toBe(end.toISOString().slice(0, 10));
      }),
    );
  });

  it('throws on a malformed period', () => {
    expect(() => nextPeriod(q(2025, 5))).toThrow(RangeError);
  });
});

describe('sequences', () => {
  it('periodsOfYear', () => {
    expect(periodsOfYear(2025, 'quarterly').map(periodKey)).toEqual([
      '2025-26-Q1',
      '2025-26-Q2',
      '2025-26-Q3',
      '2025-26-Q4',
    ]);
    expect(periodsOfYear(2025, 'monthly')).toHaveLength(12);
  });

  it('yearToDatePeriods', () => {
    expect(yearToDatePeriods(m(2025, 3)).map(periodKey)).toEqual(['2025-26-M01', '2025-26-M02', '2025-26-M03']);
    expect(yearToDatePeriods(q(2025, 1))).toEqual([q(2025, 1)]);
  });

  it('rolling12MonthPeriods crosses the year boundary', () => {
    expect(rolling12MonthPeriods(q(2025, 2)).map(periodKey)).toEqual([
      '2024-25-Q3',
      '2024-25-Q4',
      '2025-26-Q1',
      '2025-26-Q2',
    ]);
    const months = rolling12MonthPeriods(m(2025, 3));
    expect(months).toHaveLength(12);
    expect(periodKey(months[0]!)).toBe('2024-25-M04');
    expect(rolling12MonthPeriods(y(2025))).toEqual([y(2025)]);
  });

  it('periodsBetween is inclusive and empty when reversed', () => {
    expect(periodsBetween(q(2024, 4), q(2025, 2)).map(periodKey)).toEqual(['2024-25-Q4', '2025-26-Q1', '2025-26-Q2']);
    expect(periodsBetween(q(2025, 2), q(2025, 2))).toEqual([q(2025, 2)]);
    expect(periodsBetween(q(2025, 2), q(2025, 1))).toEqual([]);
    expect(() => periodsBetween(q(2025, 1), m(2025, 1))).toThrow(/between a quarterly and a monthly/);
  });
});

describe('conversion between frequencies', () => {
  it.each([
    [q(2025, 2), 'monthly', [m(2025, 4), m(2025, 5), m(2025, 6)]],
    [h(2025, 2), 'quarterly', [q(2025, 3), q(2025, 4)]],
    [y(2025), 'half-yearly', [h(2025, 1), h(2025, 2)]],
    [q(2025, 3), 'quarterly', [q(2025, 3)]],
  ] as const)('%o within %s', (p, finer, expected) => {
    expect(periodsWithin(p, finer)).toEqual(expected);
  });

  it.each([
    [m(2025, 6), 'quarterly', q(2025, 2)],
    [m(2025, 7), 'half-yearly', h(2025, 2)],
    [q(2025, 2), 'half-yearly', h(2025, 1)],
    [m(2025, 12), 'annual', y(2025)],
  ] as const)('%o is within %s %o', (p, coarser, expected) => {
    expect(enclosingPeriod(p, coarser)).toEqual(expected);
  });

  it('refuses conversion in the wrong direction', () => {
    expect(() => periodsWithin(m(2025, 1), 'quarterly')).toThrow(/cannot be split/);
    expect(() => enclosingPeriod(y(2025), 'monthly')).toThrow(/not contained/);
  });

  it('every finer period encloses back to its parent and dates tile the parent (property)', () => {
    fc.assert(
      fc.property(arbPeriod, fc.constantFrom<Frequency>(...FREQUENCIES), (p, f) => {
        fc.pre(periodsPerYear(f) >= periodsPerYear(p.frequency));
        const parts = periodsWithin(p, f);
        for (const part of parts) expect(enclosingPeriod(part, p.frequency)).toEqual(p);
        expect(periodStart(parts[0]!)).toBe(periodStart(p));
        expect(periodEnd(parts[parts.length - 1]!)).toBe(periodEnd(p));
      }),
    );
  });
});

describe('comparePeriods', () => {
  it.each([
    [m(2025, 1), m(2025, 2), -1],
    [m(2025, 12), m(2026, 1), -1],
    [q(2025, 2), q(2025, 2), 0],
    [q(2026, 1), q(2025, 4), 1],
    [m(2025, 4), q(2025, 2), -1], // same start: the shorter first
    [q(2025, 1), m(2025, 2), -1],
  ])('%o vs %o', (a, b, sign) => {
    expect(Math.sign(comparePeriods(a, b))).toBe(sign);
  });

  it('agrees with start dates (property)', () => {
    fc.assert(
      fc.property(arbPeriod, arbPeriod, (a, b) => {
        const c = comparePeriods(a, b);
        if (periodStart(a) < periodStart(b)) expect(c).toBeLessThan(0);
        if (periodStart(a) > periodStart(b)) expect(c).toBeGreaterThan(0);
        expect(Math.sign(comparePeriods(b, a))).toBe(-Math.sign(c) || 0);
      }),
    );
  });
});
