import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escalationOwed } from './escalation.ts';
import { DEFAULT_DELIVERY_SETTINGS as S } from './settings.ts';
import { ACTION_STATUSES, type ActionStatus } from './status.ts';

const base = { updateStatuses: [], dueDate: '2026-06-30', closed: false, openEscalation: false } as const;

describe('escalation owed', () => {
  it('after the council’s number of off-track updates in a row', () => {
    expect(escalationOwed({ ...base, updateStatuses: ['off-track', 'off-track'] }, S, '2026-05-01')).toEqual({
      code: 'off-track-updates',
      updates: 2,
    });
    expect(
      escalationOwed({ ...base, updateStatuses: ['off-track', 'at-risk', 'off-track'] }, S, '2026-05-01'),
    ).toBeNull();
    expect(escalationOwed({ ...base, updateStatuses: ['off-track'] }, S, '2026-05-01')).toBeNull();
  });

  it('when overdue by the council’s days', () => {
    expect(escalationOwed(base, S, '2026-07-13')).toBeNull(); // 13 days
    expect(escalationOwed(base, S, '2026-07-14')).toEqual({ code: 'overdue-days', days: 14 });
  });

  it('never for a closed action or one already waiting for a decision (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ACTION_STATUSES), { maxLength: 6 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        (updateStatuses, closed, late) => {
          const today = new Date(Date.parse('2026-06-30T00:00:00Z') + late * 86_400_000).toISOString().slice(0, 10);
          const owed = escalationOwed({ ...base, updateStatuses, closed, openEscalation: !closed }, S, today);
          expect(owed).toBeNull();
        },
      ),
    );
  });
});

describe('escalation once per trigger (after a decision)', () => {
  const day = (offset: number) =>
    new Date(Date.parse('2026-06-30T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);
  const offTrackThen = { raisedOn: '2026-05-01', trigger: 'off-track-updates', statusThen: 'off-track' } as const;

  it('does not re-escalate an action that has stayed off track since its escalation', () => {
    const facts = { ...base, previous: offTrackThen };
    expect(
      escalationOwed({ ...facts, updateStatuses: ['off-track', 'off-track', 'off-track'] }, S, '2026-06-01'),
    ).toBeNull();
  });

  it('escalates again when it went off track again after recovering', () => {
    const facts = { ...base, previous: offTrackThen };
    expect(
      escalationOwed({ ...facts, updateStatuses: ['off-track', 'off-track', 'on-track'] }, S, '2026-06-01'),
    ).toEqual({ code: 'off-track-updates', updates: 2 });
    // Recovered, but only one off-track update since: not yet.
    expect(escalationOwed({ ...facts, updateStatuses: ['off-track', 'at-risk'] }, S, '2026-06-01')).toBeNull();
  });

  it('after an escalation for lateness, counts off-track updates only once the action has recovered, even re-planned', () => {
    // Escalated for lateness before any update; decided "more resource"; still late and under half done.
    const previous = { raisedOn: '2026-07-20', trigger: 'overdue-days', statusThen: null } as const;
    const stillLate = { ...base, previous, updateStatuses: ['off-track', 'off-track'] as ActionStatus[] };
    expect(escalationOwed(stillLate, S, '2026-07-25')).toBeNull();
    // Re-planned to 30 September: updates judged against the old date are not a new trigger…
    const replanned = { ...stillLate, dueDate: '2026-09-30' };
    expect(escalationOwed(replanned, S, '2026-08-15')).toBeNull();
    // …but recovering and then going off track twice against the new date is.
    const again = {
      ...replanned,
      updateStatuses: ['off-track', 'off-track', 'on-track', 'off-track'] as ActionStatus[],
    };
    expect(escalationOwed(again, S, '2026-08-15')).toEqual({ code: 'off-track-updates', updates: 2 });
  });

  it('does not re-escalate a due date already missed when it was escalated, but does a re-planned date missed again', () => {
    const previous = { raisedOn: '2026-07-20', trigger: 'overdue-days', statusThen: null } as const;
    // Still late against the same date (30 June) weeks after the "more resource" decision.
    expect(escalationOwed({ ...base, previous }, S, '2026-09-01')).toBeNull();
    // Re-planned to 31 August, and that is missed by the council's days too.
    const replanned = { ...base, previous, dueDate: '2026-08-31' };
    expect(escalationOwed(replanned, S, '2026-09-13')).toBeNull();
    expect(escalationOwed(replanned, S, '2026-09-14')).toEqual({ code: 'overdue-days', days: 14 });
  });

  it('escalates for lateness a date still ahead when it was escalated for being off track', () => {
    const previous = { raisedOn: '2026-05-01', trigger: 'off-track-updates', statusThen: 'off-track' } as const;
    expect(escalationOwed({ ...base, previous, updateStatuses: ['off-track'] }, S, day(14))).toEqual({
      code: 'overdue-days',
      days: 14,
    });
  });

  it('never re-escalates the same state of affairs: a date missed by then and a run begun by then (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          { trigger: 'overdue-days', statusThen: null } as const,
          { trigger: 'overdue-days', statusThen: 'at-risk' } as const,
          { trigger: 'off-track-updates', statusThen: 'off-track' } as const,
        ),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        (why, offTrackSince, raisedAfterDue, lateness) => {
          const previous = { raisedOn: day(raisedAfterDue), ...why };
          const updateStatuses = Array.from({ length: offTrackSince }, () => 'off-track' as const);
          expect(escalationOwed({ ...base, previous, updateStatuses }, S, day(raisedAfterDue + lateness))).toBeNull();
        },
      ),
    );
  });

  it('with no earlier escalation, is the plain rule: N off-track in a row or overdue by the days (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ACTION_STATUSES), { maxLength: 6 }),
        fc.integer({ min: -100, max: 100 }),
        (updateStatuses, late) => {
          const owed = escalationOwed({ ...base, updateStatuses, previous: null }, S, day(late));
          const n = S.escalateAfterOffTrackUpdates;
          const offTrack = updateStatuses.length >= n && updateStatuses.slice(0, n).every((s) => s === 'off-track');
          const overdue = late >= S.escalateAfterOverdueDays;
          expect(owed?.code ?? null).toBe(offTrack ? 'off-track-updates' : overdue ? 'overdue-days' : null);
        },
      ),
    );
  });
});
