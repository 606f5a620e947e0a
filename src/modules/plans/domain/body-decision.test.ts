import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBodyDecision } from './body-decision.ts';

const context = { today: '2026-06-10', submittedOn: '2026-05-01' };
const problems = (input: { decisionDate?: string; minuteReference?: string }) => {
  const checked = checkBodyDecision(input, context);
  return checked.ok ? [] : checked.problems.map((problem) => problem.problem);
};

describe('a governance body’s recorded decision', () => {
  it('accepts a real date between the submission and today with a minute reference', () => {
    expect(checkBodyDecision({ decisionDate: '2026-05-20', minuteReference: ' Minute 42 ' }, context)).toEqual({
      ok: true,
      value: { decisionDate: '2026-05-20', minuteReference: 'Minute 42' },
    });
  });

  it.each([
    ['no date and no minute', {}, ['missing-date', 'missing-minute']],
    ['a date that does not exist', { decisionDate: '2026-02-30', minuteReference: 'M1' }, ['not-a-real-date']],
    ['a date in the future', { decisionDate: '2026-06-11', minuteReference: 'M1' }, ['in-the-future']],
    [
      'a date before the plan was submitted',
      { decisionDate: '2026-04-30', minuteReference: 'M1' },
      ['before-submission'],
    ],
    ['a blank minute', { decisionDate: '2026-05-01', minuteReference: '   ' }, ['missing-minute']],
    ['a minute too long', { decisionDate: '2026-06-10', minuteReference: 'x'.repeat(201) }, ['minute-too-long']],
  ])('refuses %s', (_name, input, expected) => {
    expect(problems(input)).toEqual(expected);
  });

  it('accepts exactly the dates from the submission to today (property)', () => {
    const day = fc.integer({ min: 0, max: 200 }).map((offset) => {
      const date = new Date(Date.UTC(2026, 2, 1) + offset * 86_400_000);
      return date.toISOString().slice(0, 10);
    });
    fc.assert(
      fc.property(day, (decisionDate) => {
        const accepted = checkBodyDecision({ decisionDate, minuteReference: 'M1' }, context).ok;
        expect(accepted).toBe(decisionDate >= context.submittedOn && decisionDate <= context.today);
      }),
    );
  });
});
