import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysFrom } from './calendar-days.ts';

describe('calendar days', () => {
  it('adds across month, year and clock-change boundaries', () => {
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysFrom('2027-01-10', '2027-01-20')).toBe(10);
  });

  it('counts back exactly what it added', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5000, max: 5000 }),
        (days) => daysFrom('2026-10-25', addDays('2026-10-25', days)) === days,
      ),
    );
  });
});
