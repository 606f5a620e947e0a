import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needsImprovementPlan, type PeriodStatus, type TriggerRule } from './trigger.ts';

/** Quarter keys from an ordinal: 0 → 2024-25-Q1, 4 → 2025-26-Q1. */
const quarter = (ordinal: number) =>
  `${2024 + Math.floor(ordinal / 4)}-${String((2025 + Math.floor(ordinal / 4)) % 100).padStart(2, '0')}-Q${(ordinal % 4) + 1}`;

const status = (ordinal: number, rag: string, spcConcern = false): PeriodStatus => ({
  periodKey: quarter(ordinal),
  rag,
  spcConcern,
});

const both: TriggerRule = { consecutivePeriods: 2, triggers: ['red', 'spc-concern'] };

describe('when a key measure needs an improvement plan', () => {
  it.each([
    ['two reds running', [status(0, 'green'), status(1, 'red'), status(2, 'red')], both, '2024-25-Q2'],
    ['a red then a concern', [status(1, 'red'), status(2, 'amber', true)], both, '2024-25-Q2'],
    ['three reds, asked from the first', [status(0, 'red'), status(1, 'red'), status(2, 'red')], both, '2024-25-Q1'],
  ])('needs one after %s', (_name, statuses, rule, start) => {
    const outcome = needsImprovementPlan(statuses, rule);
    expect(outcome).toMatchObject({ needed: true, episodeStartPeriod: start, latestPeriod: '2024-25-Q3' });
  });

  it.each([
    ['only the latest red', [status(0, 'green'), status(1, 'amber'), status(2, 'red')], both],
    ['the latest green after reds', [status(0, 'red'), status(1, 'red'), status(2, 'green')], both],
    ['a gap between the reds', [status(0, 'red'), status(2, 'red')], both],
    [
      'a concern when only red counts',
      [status(1, 'amber', true), status(2, 'amber', true)],
      { consecutivePeriods: 2, triggers: ['red'] },
    ],
    [
      'reds when only concerns count',
      [status(1, 'red'), status(2, 'red')],
      { consecutivePeriods: 2, triggers: ['spc-concern'] },
    ],
    [
      'two reds when three are needed',
      [status(1, 'red'), status(2, 'red')],
      { consecutivePeriods: 3, triggers: ['red'] },
    ],
    ['no statuses at all', [], both],
  ] as const)('needs none with %s', (_name, statuses, rule) => {
    expect(needsImprovementPlan(statuses, rule as TriggerRule)).toEqual({ needed: false });
  });

  it('names what triggered it', () => {
    const outcome = needsImprovementPlan([status(1, 'red'), status(2, 'green', true)], both);
    expect(outcome).toEqual({
      needed: true,
      episodeStartPeriod: '2024-25-Q2',
      latestPeriod: '2024-25-Q3',
      reasons: ['red', 'spc-concern'],
    });
  });

  const statuses = fc
    .array(fc.record({ rag: fc.constantFrom('red', 'amber', 'green', 'no-data'), spcConcern: fc.boolean() }), {
      maxLength: 12,
    })
    .map((list) => list.map((entry, ordinal) => ({ ...entry, periodKey: quarter(ordinal) })));
  const rules = fc.record({
    consecutivePeriods: fc.integer({ min: 1, max: 6 }),
    triggers: fc.subarray(['red', 'spc-concern'] as const),
  });
  const triggers = (entry: PeriodStatus, rule: TriggerRule) =>
    (rule.triggers.includes('red') && entry.rag === 'red') ||
    (rule.triggers.includes('spc-concern') && entry.spcConcern);

  it('needs a plan exactly when the latest N periods all trigger (property)', () => {
    fc.assert(
      fc.property(statuses, rules, (list, rule) => {
        const latest = list.slice(-rule.consecutivePeriods);
        const expected =
          rule.triggers.length > 0 &&
          list.length >= rule.consecutivePeriods &&
          latest.every((entry) => triggers(entry, rule));
        expect(needsImprovementPlan(list, rule).needed).toBe(expected);
      }),
    );
  });

  it('does not depend on the order the statuses come in, and the episode is the run’s first period (property)', () => {
    fc.assert(
      fc.property(statuses, rules, (list, rule) => {
        const shuffled = [...list].reverse();
        const outcome = needsImprovementPlan(list, rule);
        expect(needsImprovementPlan(shuffled, rule)).toEqual(outcome);
        if (!outcome.needed) return;
        const start = list.findIndex((entry) => entry.periodKey === outcome.episodeStartPeriod);
        // Every period from the episode's start to the latest triggers, and the one before does not.
        expect(list.slice(start).every((entry) => triggers(entry, rule))).toBe(true);
        if (start > 0) expect(triggers(list[start - 1]!, rule)).toBe(false);
        expect(outcome.latestPeriod).toBe(list[list.length - 1]!.periodKey);
      }),
    );
  });

  it('keeps the same episode while the run goes on, so the owner is asked once (property)', () => {
    fc.assert(
      fc.property(statuses, rules, (list, rule) => {
        const outcome = needsImprovementPlan(list, rule);
        if (!outcome.needed) return;
        const next = [...list, { periodKey: quarter(list.length), rag: 'red', spcConcern: true }];
        expect(needsImprovementPlan(next, rule)).toMatchObject({ episodeStartPeriod: outcome.episodeStartPeriod });
      }),
    );
  });
});
