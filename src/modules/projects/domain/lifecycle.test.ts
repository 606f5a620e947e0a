import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionsFrom, refuseIfFinished, reviseEndDate, transition } from './lifecycle.ts';
import { PROJECT_ACTIONS, PROJECT_STATUSES } from './project.ts';
import { phraseText } from '../../../kernel/phrase.ts';

const status = fc.constantFrom(...PROJECT_STATUSES);
const action = fc.constantFrom(...PROJECT_ACTIONS);
const isoDay = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('project lifecycle', () => {
  it('closed and cancelled projects take no action at all', () => {
    fc.assert(
      fc.property(fc.constantFrom('closed', 'cancelled' as const), action, (finished, act) => {
        expect(transition(finished, act, { openMilestones: 0, reason: 'because' }).ok).toBe(false);
        expect(actionsFrom(finished)).toEqual([]);
      }),
    );
  });

  it('offers exactly the actions it accepts', () => {
    fc.assert(
      fc.property(status, action, (from, act) => {
        const accepted = transition(from, act, { openMilestones: 0, reason: 'because' }).ok;
        expect(accepted).toBe(actionsFrom(from).includes(act));
      }),
    );
  });

  it('refuses to close while any milestone is open, and closes when none are', () => {
    fc.assert(
      fc.property(fc.constantFrom('active', 'on-hold' as const), fc.integer({ min: 0, max: 50 }), (from, open) => {
        const result = transition(from, 'close', { openMilestones: open, reason: '' });
        expect(result.ok).toBe(open === 0);
        if (!result.ok) {
          const code = open === 1 ? 'projectRefusals.milestoneOpen' : 'projectRefusals.milestonesOpen';
          expect(result.error.message).toBe(phraseText(code, { count: open }));
        }
      }),
    );
  });

  it('refuses to cancel without a reason', () => {
    const result = transition('active', 'cancel', { openMilestones: 3, reason: '   ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', field: 'reason' } });
    expect(transition('active', 'cancel', { openMilestones: 3, reason: 'Funding withdrawn' })).toEqual({
      ok: true,
      value: 'cancelled',
    });
  });

  it('walks proposed → active → on hold → active → closed', () => {
    const context = { openMilestones: 0, reason: '' };
    expect(transition('proposed', 'start', context)).toEqual({ ok: true, value: 'active' });
    expect(transition('active', 'hold', context)).toEqual({ ok: true, value: 'on-hold' });
    expect(transition('on-hold', 'resume', context)).toEqual({ ok: true, value: 'active' });
    expect(transition('active', 'close', context)).toEqual({ ok: true, value: 'closed' });
    expect(transition('proposed', 'close', context).ok).toBe(false);
  });

  it('refuses anything more on a finished project', () => {
    expect(refuseIfFinished('closed').ok).toBe(false);
    expect(refuseIfFinished('cancelled').ok).toBe(false);
    expect(refuseIfFinished('on-hold').ok).toBe(true);
  });
});

describe('revising the end date', () => {
  it('needs a reason for any new date and always keeps the date first agreed', () => {
    fc.assert(
      fc.property(isoDay, fc.array(isoDay, { minLength: 1, maxLength: 5 }), (first, revisions) => {
        let dates = { endDate: first, originalEndDate: null as string | null, endDateReason: '' };
        for (const next of revisions) {
          expect(reviseEndDate(dates, next, '').ok).toBe(next === dates.endDate);
          const revised = reviseEndDate(dates, next, 'Contractor delay');
          if (!revised.ok) throw new Error('refused with a reason');
          dates = revised.value;
          expect(dates.endDate).toBe(next);
        }
        const moved = revisions.some((date, index) => date !== (index === 0 ? first : revisions[index - 1]));
        expect(dates.originalEndDate).toBe(moved ? first : null);
      }),
    );
  });
});
