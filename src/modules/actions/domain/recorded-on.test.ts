import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ActionHistory, actionRecordOn } from './recorded-on.ts';
import { DEFAULT_DELIVERY_SETTINGS as S } from './settings.ts';
import { deriveStatus, effectiveStatus } from './status.ts';

const history = (over: Partial<ActionHistory> = {}): ActionHistory => ({
  createdOn: '2025-04-01',
  originalDueDate: '2025-12-31',
  updates: [],
  events: [],
  ...over,
});

/** The status the rules give on `date` to the action as recorded then (as the roll-up judges it). */
function statusOn(h: ActionHistory, date: string) {
  const record = actionRecordOn(h, date);
  if (!record) return null;
  const derived = deriveStatus({ startDate: '2025-04-01', ...record }, S, date);
  return effectiveStatus(derived.status, record.judgedStatus);
}

describe('an action as recorded on a past date', () => {
  it('does not exist before the day it was created', () => {
    expect(actionRecordOn(history(), '2025-03-31')).toBeNull();
    expect(actionRecordOn(history(), '2025-04-01')).not.toBeNull();
  });

  it('reads the latest progress entered by the end of the date, not one entered afterwards', () => {
    const h = history({
      updates: [
        { recordedOn: '2025-06-30', percentComplete: 10, judgedStatus: null, statusReason: '' },
        { recordedOn: '2025-10-03', percentComplete: 60, judgedStatus: null, statusReason: '' },
      ],
    });
    expect(actionRecordOn(h, '2025-09-30')?.percentComplete).toBe(10);
    expect(actionRecordOn(h, '2025-10-03')?.percentComplete).toBe(60);
    expect(actionRecordOn(h, '2025-06-29')?.percentComplete).toBe(0);
    // 10% at the end of September against about 66% expected: off track then; on track today.
    expect(statusOn(h, '2025-09-30')).toBe('off-track');
    expect(statusOn(h, '2025-10-03')).toBe('on-track');
  });

  it('keeps the owner’s judgement that stood then, with its reason', () => {
    const h = history({
      updates: [
        { recordedOn: '2025-09-01', percentComplete: 50, judgedStatus: 'at-risk', statusReason: 'Supplier late' },
        { recordedOn: '2025-10-10', percentComplete: 55, judgedStatus: null, statusReason: '' },
      ],
    });
    expect(actionRecordOn(h, '2025-09-30')).toMatchObject({
      judgedStatus: 'at-risk',
      judgementReason: 'Supplier late',
    });
    expect(actionRecordOn(h, '2025-10-10')).toMatchObject({ judgedStatus: null, judgementReason: '' });
  });

  it('uses the due date in force then: revisions and re-plans made later do not count', () => {
    const h = history({
      events: [
        { kind: 'date-revised', recordedOn: '2025-05-01', detail: { from: '2025-12-31', to: '2026-01-31' } },
        { kind: 'revision-requested', recordedOn: '2025-08-01', detail: { revisedDueDate: '2026-02-28' } },
        { kind: 'revision-approved', recordedOn: '2025-08-05', detail: { revisedDueDate: '2026-02-28' } },
        {
          kind: 'escalation-decided',
          recordedOn: '2025-11-01',
          detail: { decision: 're-plan', newDueDate: '2026-03-31' },
        },
      ],
    });
    expect(actionRecordOn(h, '2025-04-30')?.dueDate).toBe('2025-12-31');
    expect(actionRecordOn(h, '2025-08-04')?.dueDate).toBe('2026-01-31');
    expect(actionRecordOn(h, '2025-09-30')?.dueDate).toBe('2026-02-28');
    expect(actionRecordOn(h, '2025-11-01')?.dueDate).toBe('2026-03-31');
  });

  it('is open until the day it was closed or terminated, complete at 100% once closed', () => {
    const closed = history({
      updates: [{ recordedOn: '2025-06-01', percentComplete: 80, judgedStatus: 'at-risk', statusReason: 'x' }],
      events: [{ kind: 'closed', recordedOn: '2025-10-02', detail: { status: 'complete' } }],
    });
    expect(actionRecordOn(closed, '2025-09-30')).toMatchObject({ closedAs: null, percentComplete: 80 });
    expect(actionRecordOn(closed, '2025-10-02')).toMatchObject({
      closedAs: 'complete',
      percentComplete: 100,
      judgedStatus: null,
    });
    const terminated = history({
      events: [{ kind: 'escalation-decided', recordedOn: '2025-07-01', detail: { decision: 'terminate' } }],
    });
    expect(actionRecordOn(terminated, '2025-06-30')?.closedAs).toBeNull();
    expect(actionRecordOn(terminated, '2025-07-01')?.closedAs).toBe('terminated');
  });

  it('on or after the last thing recorded, agrees with the action as it stands', () => {
    const update = fc.record({
      recordedOn: fc.constantFrom('2025-05-01', '2025-07-01', '2025-09-01'),
      percentComplete: fc.integer({ min: 0, max: 100 }),
      judgedStatus: fc.constantFrom(null, 'on-track' as const, 'off-track' as const),
      statusReason: fc.constant('because'),
    });
    fc.assert(
      fc.property(fc.array(update, { maxLength: 5 }), (updates) => {
        const sorted = [...updates].sort((a, b) => a.recordedOn.localeCompare(b.recordedOn));
        const last = sorted.at(-1);
        const record = actionRecordOn(history({ updates: sorted }), '2025-12-01');
        expect(record?.percentComplete).toBe(last?.percentComplete ?? 0);
        expect(record?.judgedStatus).toBe(last?.judgedStatus ?? null);
      }),
    );
  });
});
