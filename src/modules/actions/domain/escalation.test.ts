import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escalationOwed } from './escalation.ts';
import { DEFAULT_DELIVERY_SETTINGS as S } from './settings.ts';
import { ACTION_STATUSES } from './status.ts';

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
