import { describe, expect, it } from 'vitest';
import { parsePeriodKey, type Period } from '../../../kernel/measurement/periods.ts';
import { collectionState, dueDate, reminderOwed } from './due-dates.ts';

const period = (key: string): Period => {
  const parsed = parsePeriodKey(key);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
};

describe('collection calendar', () => {
  it.each([
    ['2025-26-Q1', '2025-07-21'],
    ['2025-26-Q3', '2026-01-22'],
    ['2025-26-M12', '2026-04-23'], // March 2026: Easter 3–6 April skipped
  ])('%s is due on %s (15 working days after the period ends)', (key, expected) => {
    expect(dueDate(period(key))).toBe(expected);
  });

  it.each([
    ['2025-06-30', false, 'not-yet-due'],
    ['2025-07-01', false, 'due'],
    ['2025-07-21', false, 'due'],
    ['2025-07-22', false, 'overdue'],
    ['2025-07-22', true, 'entered'],
  ] as const)('on %s (entered: %s) Q1 is %s', (today, entered, state) => {
    expect(collectionState(period('2025-26-Q1'), today, entered)).toBe(state);
  });

  it.each([
    ['2025-07-10', null],
    ['2025-07-18', 'before-due'],
    ['2025-07-22', 'overdue'],
    ['2025-07-28', 'escalation-owner'],
    ['2025-08-04', 'escalation-manager'],
  ] as const)('on %s the reminder owed for Q1 is %s', (today, kind) => {
    expect(reminderOwed(period('2025-26-Q1'), today)).toBe(kind);
  });
});
