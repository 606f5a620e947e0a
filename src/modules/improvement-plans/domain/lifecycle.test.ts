import { describe, expect, it } from 'vitest';
import { phrase, phraseText } from '../../../kernel/phrase.ts';
import { decisionProblems } from './decision.ts';
import { nextStatus, PLAN_STATUSES, stepsFrom, type PlanStatus, type PlanStep } from './lifecycle.ts';

const close = (summary: string, openActions = 0, openActionsReason = ''): PlanStep => ({
  type: 'close',
  summary,
  openActions,
  openActionsReason,
});

describe('an improvement plan’s lifecycle', () => {
  it.each<[PlanStatus, PlanStep, PlanStatus]>([
    ['draft', { type: 'submit' }, 'submitted'],
    ['submitted', { type: 'decide', outcome: 'agreed' }, 'agreed'],
    ['submitted', { type: 'decide', outcome: 'sent-back' }, 'sent-back'],
    ['sent-back', { type: 'edit' }, 'sent-back'],
    ['sent-back', { type: 'submit' }, 'submitted'],
    ['agreed', { type: 'start' }, 'in-progress'],
    ['in-progress', close('Back on target'), 'closed'],
    ['agreed', close('Recovered before work began'), 'closed'],
    ['draft', { type: 'withdraw', reason: 'Measure retired' }, 'withdrawn'],
    ['in-progress', { type: 'withdraw', reason: 'Replaced by the service review' }, 'withdrawn'],
  ])('from %s, %o leads to %s', (from, step, to) => {
    expect(nextStatus(from, step)).toEqual({ ok: true, value: to });
  });

  it('refuses agreeing a plan that was not submitted, naming why', () => {
    for (const status of PLAN_STATUSES.filter((s) => s !== 'submitted')) {
      const result = nextStatus(status, { type: 'decide', outcome: 'agreed' });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_state');
        expect(result.error.message).toBe(
          phraseText('improvementPlanRefusals.notDecidable', {
            status: phrase(`improvementPlanInSentence.status.${status}`),
            step: phrase('improvementPlanInSentence.step.decide'),
          }),
        );
      }
    }
  });

  it('refuses every change to a closed or withdrawn plan', () => {
    for (const status of ['closed', 'withdrawn'] as const) {
      expect(stepsFrom(status)).toEqual([]);
      const edit = nextStatus(status, { type: 'edit' });
      expect(edit).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
      if (!edit.ok)
        expect(edit.error.message).toBe(
          phraseText('improvementPlanRefusals.notFromStatus', {
            status: phrase(`improvementPlanInSentence.status.${status}`),
            step: phrase('improvementPlanInSentence.step.edit'),
          }),
        );
    }
  });

  it('refuses closing without a summary, and with open actions but no reason', () => {
    expect(nextStatus('in-progress', close('  '))).toMatchObject({
      ok: false,
      error: { field: 'closingSummary' },
    });
    const noSummary = nextStatus('in-progress', close('  '));
    if (!noSummary.ok) expect(noSummary.error.message).toBe(phraseText('improvementPlanRefusals.closingSummary'));
    const open = nextStatus('in-progress', close('Done', 2));
    expect(open).toMatchObject({ ok: false, error: { field: 'openActionsReason' } });
    if (!open.ok) expect(open.error.message).toBe(phraseText('improvementPlanRefusals.actionsOpen', { count: 2 }));
    const one = nextStatus('in-progress', close('Done', 1));
    if (!one.ok) expect(one.error.message).toBe(phraseText('improvementPlanRefusals.oneActionOpen', { count: 1 }));
    expect(nextStatus('in-progress', close('Done', 2, 'Handed to the service plan'))).toEqual({
      ok: true,
      value: 'closed',
    });
  });

  it('refuses withdrawing without a reason', () => {
    expect(nextStatus('draft', { type: 'withdraw', reason: '' })).toMatchObject({
      ok: false,
      error: { field: 'reason' },
    });
  });
});

describe('the panel’s decision', () => {
  const context = { today: '2025-11-20', submittedOn: '2025-10-01' };
  it('needs the meeting date and the minute reference', () => {
    expect(decisionProblems({ meetingDate: null, minuteReference: '' }, context).map((p) => p.field)).toEqual([
      'meetingDate',
      'minuteReference',
    ]);
  });
  it.each([
    ['2025-02-30', 'must be a real date'],
    ['2025-11-21', 'cannot be in the future'],
    ['2025-09-30', 'cannot be before the plan was submitted'],
  ])('refuses the meeting date %s', (meetingDate, words) => {
    const [problem] = decisionProblems({ meetingDate, minuteReference: 'CPP/25/14' }, context);
    expect(problem?.message).toContain(words);
  });
  it('accepts a meeting on or after submission, up to today', () => {
    expect(decisionProblems({ meetingDate: '2025-11-20', minuteReference: 'CPP/25/14' }, context)).toEqual([]);
  });
});
