import { describe, expect, it } from 'vitest';
import { assessFrameworkHealth, assessIndicator, figureAvailable } from './index.ts';
import type { FrameworkHealthInput } from './index.ts';

const input: FrameworkHealthInput = {
  period: { frequency: 'quarterly', fyStartYear: 2025, index: 2 },
  unit: 'Adult Social Care',
  plansAvailable: { met: 18, total: 20 },
  dataAvailable: [true, true, false, true],
  trackingOnTime: { met: 0, total: 0 },
  objectivesOnTarget: { met: 9, total: 10 }, // exactly 90%: within
  targetsProjectedAchieved: { met: 14, total: 20 }, // 70% < 75%
};

describe('assessFrameworkHealth', () => {
  const health = assessFrameworkHealth(input);

  it('words every indicator against the appetite', () => {
    expect(health.indicators.map((i) => i.words)).toEqual([
      'Plans available on time: 18 of 20 (90.0%); no risk appetite set',
      'Data available for monthly tracking: 3 of 4 (75.0%); no risk appetite set',
      'Tracking completed on time: none due, so no rate',
      'Plan objectives on target: 9 of 10 (90.0%), within the risk appetite of 90%',
      'Key targets projected to be achieved: 14 of 20 (70.0%), outside the risk appetite of 75%',
    ]);
    expect(health.indicators.map((i) => i.position)).toEqual([
      'no-appetite',
      'no-appetite',
      'no-data',
      'within',
      'outside',
    ]);
  });

  it('summarises per unit and period', () => {
    expect(health.periodLabel).toBe('2025/26 Q2');
    expect(health.outsideAppetite).toBe(1);
    expect(health.summary).toBe(
      'Adult Social Care, 2025/26 Q2: 1 indicator outside the risk appetite (key targets projected to be achieved)',
    );
  });

  it('takes the council’s own appetite', () => {
    const strict = assessFrameworkHealth(input, { 'plans-available': 0.95, 'targets-projected-achieved': 0.7 });
    expect(strict.indicators.map((i) => i.position)).toEqual(['outside', 'no-appetite', 'no-data', 'within', 'within']);
    expect(() => assessFrameworkHealth(input, { 'plans-available': 95 })).toThrow(/share from 0 to 1/);
  });
});

describe('assessIndicator', () => {
  it.each([
    [{ met: 27, total: 30 }, 0.9, 'within'], // 27/30 = 0.9 exactly
    [{ met: 26, total: 30 }, 0.9, 'outside'],
    [{ met: 3, total: 4 }, 0.75, 'within'],
  ] as const)('%o against %d → %s', (count, appetite, position) => {
    expect(assessIndicator('objectives-on-target', count, appetite).position).toBe(position);
  });

  it('rejects impossible counts', () => {
    expect(() => assessIndicator('data-available', { met: 5, total: 4 }, null)).toThrow(/not a valid count/);
    expect(() => assessIndicator('data-available', { met: -1, total: 4 }, null)).toThrow(/not a valid count/);
  });
});

describe('whether a figure counts as data available', () => {
  const due = '2025-10-21';
  it('today: any value entered so far counts, a blank one does not', () => {
    expect(figureAvailable({ value: 7, enteredOn: '2026-01-15' }, null)).toBe(true);
    expect(figureAvailable({ value: null, enteredOn: '2025-10-01' }, null)).toBe(false);
    expect(figureAvailable(undefined, null)).toBe(false);
  });

  it('for a past period: only a value entered by its due date counts', () => {
    expect(figureAvailable({ value: 7, enteredOn: '2025-10-21' }, due)).toBe(true);
    expect(figureAvailable({ value: 7, enteredOn: '2025-10-22' }, due)).toBe(false);
    expect(figureAvailable({ value: null, enteredOn: '2025-10-01' }, due)).toBe(false);
  });
});
