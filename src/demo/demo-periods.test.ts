import { describe, expect, it } from 'vitest';
import { shiftedKey, shiftNote, shiftToLatestComplete } from './demo-periods.ts';

describe('demo periods shifted to stay current', () => {
  it('lands the latest real figure on the latest complete period, or the one before when left late', () => {
    const monthly = shiftToLatestComplete('monthly', '2024-25-M01', '2026-12-05', false);
    expect(shiftedKey('2024-25-M01', monthly)).toBe('2026-27-M08'); // November 2026
    expect(shiftedKey('2021-22-M01', monthly)).toBe('2023-24-M08');
    const quarterly = shiftToLatestComplete('quarterly', '2014-15-Q2', '2028-07-01', false);
    expect(shiftedKey('2014-15-Q2', quarterly)).toBe('2028-29-Q1');
    expect(shiftedKey('2013-14-Q4', quarterly)).toBe('2027-28-Q3');
    const late = shiftToLatestComplete('annual', '2021-22', '2026-12-05', true);
    expect(shiftedKey('2021-22', late)).toBe('2024-25'); // 2025/26 is the latest complete year
  });

  it('moves a coarser key (an annual baseline) with its last sub-period', () => {
    const quarterly = shiftToLatestComplete('quarterly', '2014-15-Q2', '2026-12-05', false);
    expect(quarterly.periods).toBe(48);
    expect(shiftedKey('2013-14', quarterly)).toBe('2025-26');
    const twoQuarters = { frequency: 'quarterly' as const, periods: 2 };
    expect(shiftedKey('2013-14', twoQuarters)).toBe('2014-15'); // its Q4 becomes Q2 of the next year
  });

  it('says which published periods are shown as which', () => {
    const shift = { frequency: 'monthly' as const, periods: 31 };
    expect(shiftNote('2021-22-M01', '2024-25-M01', shift)).toBe(
      'Demo periods shifted: the published figures for April 2021 to April 2024 are shown as November 2023 to November 2026 (31 months later), so that the demo stays current; the values and their order are as published.',
    );
  });
});
