import { describe, expect, it } from 'vitest';
import {
  effectiveFrom,
  financialYearOf,
  inForceOn,
  refreshPeriod,
  rolledPeriod,
  rollForwardPeriod,
  rollForwardTitle,
  versionInForce,
  wholeMonths,
  yearShift,
} from './period.ts';

describe('plan periods', () => {
  it.each([
    ['2025-04-01', '2026-03-31', 12],
    ['2024-04-01', '2027-03-31', 36],
    ['2024-01-01', '2024-12-31', 12],
    ['2024-02-01', '2024-02-29', 1],
    ['2024-04-02', '2025-03-31', null],
    ['2024-04-01', '2025-03-30', null],
  ])('%s..%s covers %s whole months', (start, end, months) => {
    expect(wholeMonths(start, end)).toBe(months);
  });

  it.each([
    [
      { start: '2025-04-01', end: '2026-03-31' },
      { start: '2026-04-01', end: '2027-03-31' },
    ],
    [
      { start: '2024-04-01', end: '2027-03-31' },
      { start: '2027-04-01', end: '2030-03-31' },
    ],
    [
      { start: '2023-03-01', end: '2024-02-29' },
      { start: '2024-03-01', end: '2025-02-28' },
    ],
    [
      { start: '2025-01-01', end: '2025-06-30' },
      { start: '2025-07-01', end: '2025-12-31' },
    ],
    [
      { start: '2025-04-10', end: '2025-04-19' },
      { start: '2025-04-20', end: '2025-04-29' },
    ],
  ])('rolls %o forward to %o', (from, to) => {
    expect(rollForwardPeriod(from)).toEqual(to);
  });

  it.each([
    [
      { start: '2025-04-01', end: '2028-03-31' },
      { start: '2026-04-01', end: '2029-03-31' },
    ],
    [
      { start: '2025-04-01', end: '2026-03-31' },
      { start: '2026-04-01', end: '2027-03-31' },
    ],
    [
      { start: '2024-01-01', end: '2025-12-31' },
      { start: '2025-01-01', end: '2026-12-31' },
    ],
    [
      { start: '2023-03-15', end: '2024-02-29' },
      { start: '2024-03-15', end: '2025-02-28' },
    ],
  ])('refreshes %o by one year to %o', (from, to) => {
    expect(refreshPeriod(from)).toEqual(to);
  });

  it('moves a three-year plan by one year for the annual refresh and by three for a new period', () => {
    const plan = { start: '2025-04-01', end: '2028-03-31' };
    expect(rolledPeriod(plan, 'annual-refresh')).toEqual({ start: '2026-04-01', end: '2029-03-31' });
    expect(rolledPeriod(plan, 'new-period')).toEqual({ start: '2028-04-01', end: '2031-03-31' });
    const oneYear = { start: '2025-04-01', end: '2026-03-31' };
    expect(rolledPeriod(oneYear, 'annual-refresh')).toEqual(rolledPeriod(oneYear, 'new-period'));
  });

  it('shifts by whole years when the start day matches', () => {
    expect(yearShift({ start: '2024-04-01', end: '2027-03-31' }, { start: '2027-04-01', end: '2030-03-31' })).toBe(3);
    expect(
      yearShift({ start: '2025-01-01', end: '2025-06-30' }, { start: '2025-07-01', end: '2025-12-31' }),
    ).toBeNull();
  });

  const fy = { start: '2025-04-01', end: '2026-03-31' };
  const three = { start: '2024-04-01', end: '2027-03-31' };
  it.each([
    ['Waste service plan 2025/26', fy, 1, 'Waste service plan 2026/27'],
    ['Waste service plan 2025-26', fy, 1, 'Waste service plan 2026-27'],
    ['Plan 2025/2026', fy, 1, 'Plan 2026/2027'],
    ['Team plan (2025)', fy, 1, 'Team plan (2026)'],
    ['Vision 2040: service plan 2025/26', fy, 1, 'Vision 2040: service plan 2026/27'],
    ['Council Plan 2024-2027', three, 3, 'Council Plan 2027-2030'],
    ['Council Plan 2024 to 2027', three, 3, 'Council Plan 2027 to 2030'],
    ['Council Plan 2024/25 to 2026/27', three, 3, 'Council Plan 2027/28 to 2029/30'],
    ['Plan 1999/00', { start: '1999-04-01', end: '2000-03-31' }, 1, 'Plan 2000/01'],
    ['Plan 2025/27 (odd label left alone)', fy, 1, 'Plan 2025/27 (odd label left alone)'],
    ['Housing plan', fy, 1, 'Housing plan'],
    ['Unchanged 2025/26', fy, 0, 'Unchanged 2025/26'],
  ])('%s → %s', (title, period, shift, expected) => {
    expect(rollForwardTitle(title, period, shift)).toBe(expected);
  });

  it('takes effect on approval, not before the period starts', () => {
    expect(effectiveFrom('2025-03-10', '2025-04-01')).toBe('2025-04-01');
    expect(effectiveFrom('2025-06-10', '2025-04-01')).toBe('2025-06-10');
  });

  it('names financial years by their first year', () => {
    expect(financialYearOf('2025-03-31')).toBe(2024);
    expect(financialYearOf('2025-04-01')).toBe(2025);
  });

  it('answers which version was in force on a date', () => {
    const versions = [
      { version: 1, effectiveFrom: '2025-04-01', effectiveTo: '2025-09-15', periodEnd: '2026-03-31' },
      { version: 2, effectiveFrom: '2025-09-15', effectiveTo: '2026-04-01', periodEnd: '2026-03-31' },
      { version: 3, effectiveFrom: '2026-04-01', effectiveTo: null, periodEnd: '2027-03-31' },
      { version: 4, effectiveFrom: null, effectiveTo: null, periodEnd: '2027-03-31' },
    ];
    expect(versionInForce(versions, '2025-03-31')).toBeUndefined();
    expect(versionInForce(versions, '2025-04-01')?.version).toBe(1);
    expect(versionInForce(versions, '2025-09-14')?.version).toBe(1);
    expect(versionInForce(versions, '2025-09-15')?.version).toBe(2);
    expect(versionInForce(versions, '2026-04-01')?.version).toBe(3);
    expect(versionInForce(versions, '2027-04-01')).toBeUndefined();
    expect(inForceOn(versions[3]!, '2026-06-01')).toBe(false);
  });
});
