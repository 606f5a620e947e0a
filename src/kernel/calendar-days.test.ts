import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOfWeek, daysFrom, daysInMonth, isoDate } from './calendar-days.ts';

/** Any real date from 1900 to 2199, as an ISO string. */
const anyDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('calendar days', () => {
  it('adds across month, year and clock-change boundaries', () => {
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(daysFrom('2027-01-10', '2027-01-20')).toBe(10);
    expect(daysFrom('2027-01-20', '2027-01-10')).toBe(-10);
    expect(daysFrom('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('counts back exactly what it added', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5000, max: 5000 }),
        (days) => daysFrom('2026-10-25', addDays('2026-10-25', days)) === days,
      ),
    );
    fc.assert(fc.property(anyDate, anyDate, (from, to) => addDays(from, daysFrom(from, to)) === to));
  });
});

describe('months', () => {
  it('knows each month’s length, leap years included', () => {
    expect(daysInMonth(2025, 1)).toBe(31);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    // A month past December counts on into the next year (13 is January, 0 is last December).
    expect(daysInMonth(2025, 14)).toBe(28);
    expect(daysInMonth(2025, 0)).toBe(31);
  });

  it('agrees with the calendar for every month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const last = isoDate(year, month, daysInMonth(year, month));
        return addDays(last, 1).slice(8) === '01';
      }),
    );
  });

  it('adds months keeping the day, or the month’s last day when it has none', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', 1)).toBe('2025-04-30');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-04-01', 12)).toBe('2026-04-01');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-06-10', 0)).toBe('2025-06-10');
  });

  it.each([
    ['2025-03-31', 6, '2025-09-30'],
    ['2025-12-01', 12, '2026-12-01'],
  ])('%s plus %i months is %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('never goes back in time adding months, and days between are antisymmetric', () => {
    fc.assert(
      fc.property(anyDate, anyDate, fc.integer({ min: 0, max: 36 }), (a, b, months) => {
        expect(addMonths(a, months) >= a).toBe(true);
        expect(daysFrom(a, b) + daysFrom(b, a)).toBe(0);
      }),
    );
  });

  it('moves the month by exactly the months asked, whatever the day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -600, max: 600 }), (iso, months) => {
        const moved = addMonths(iso, months);
        const monthIndex = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
        const day = Number(iso.slice(8));
        const movedDay = Number(moved.slice(8));
        return (
          monthIndex(moved) - monthIndex(iso) === months &&
          (movedDay === day ||
            (movedDay < day && movedDay === daysInMonth(Number(moved.slice(0, 4)), Number(moved.slice(5, 7)))))
        );
      }),
    );
  });
});

describe('writing and reading dates', () => {
  it('writes four-digit years and two-digit months and days', () => {
    expect(isoDate(2025, 4, 1)).toBe('2025-04-01');
    expect(isoDate(999, 12, 31)).toBe('0999-12-31');
  });

  it('names the day of the week, Sunday 0', () => {
    expect(dayOfWeek('2025-12-25')).toBe(4);
    expect(dayOfWeek('2026-01-04')).toBe(0);
    expect(dayOfWeek('2026-01-03')).toBe(6);
    fc.assert(fc.property(anyDate, (iso) => dayOfWeek(addDays(iso, 7)) === dayOfWeek(iso)));
  });
});
