import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, bankHolidaysEnglandAndWales, easterSunday, isWorkingDay } from './bank-holidays.ts';

// Published GOV.UK lists for England and Wales.
const PUBLISHED: Record<number, string[]> = {
  2020: [
    '2020-01-01',
    '2020-04-10',
    '2020-04-13',
    '2020-05-08',
    '2020-05-25',
    '2020-08-31',
    '2020-12-25',
    '2020-12-28',
  ],
  2021: [
    '2021-01-01',
    '2021-04-02',
    '2021-04-05',
    '2021-05-03',
    '2021-05-31',
    '2021-08-30',
    '2021-12-27',
    '2021-12-28',
  ],
  2022: [
    '2022-01-03',
    '2022-04-15',
    '2022-04-18',
    '2022-05-02',
    '2022-06-02',
    '2022-06-03',
    '2022-08-29',
    '2022-09-19',
    '2022-12-26',
    '2022-12-27',
  ],
  2023: [
    '2023-01-02',
    '2023-04-07',
    '2023-04-10',
    '2023-05-01',
    '2023-05-08',
    '2023-05-29',
    '2023-08-28',
    '2023-12-25',
    '2023-12-26',
  ],
  2024: [
    '2024-01-01',
    '2024-03-29',
    '2024-04-01',
    '2024-05-06',
    '2024-05-27',
    '2024-08-26',
    '2024-12-25',
    '2024-12-26',
  ],
  2025: [
    '2025-01-01',
    '2025-04-18',
    '2025-04-21',
    '2025-05-05',
    '2025-05-26',
    '2025-08-25',
    '2025-12-25',
    '2025-12-26',
  ],
  2026: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
  ],
};

describe('England and Wales bank holidays', () => {
  it.each(Object.entries(PUBLISHED))('matches the published list for %s', (year, days) => {
    expect(bankHolidaysEnglandAndWales(Number(year))).toEqual(days);
  });

  it.each([
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2038, 4, 25],
  ])('puts Easter Sunday %s on %s/%s', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day });
  });
});

describe('working days', () => {
  it.each([
    // Q1 2025/26 ends 30 June 2025 (Monday); 15 working days later, no holidays in between.
    ['2025-06-30', 15, '2025-07-21'],
    // Q3 ends 31 December 2025: Christmas is over, 1 January is a holiday.
    ['2025-12-31', 15, '2026-01-22'],
    // March 2026 ends Tuesday 31st; Good Friday 3 April and Easter Monday 6 April are skipped.
    ['2026-03-31', 5, '2026-04-09'],
    ['2025-12-24', 1, '2025-12-29'],
  ])('%s plus %s working days is %s', (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });

  it('always lands on a working day strictly after the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 1, max: 40 }), (offset, days) => {
        const start = new Date(Date.UTC(2020, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const due = addWorkingDays(start, days);
        return due > start && isWorkingDay(due);
      }),
    );
  });
});
