/**
 * A panel's decision is the panel's, taken at a meeting: the meeting's date (a real date, not in
 * the future, not before the plan was submitted) and the minute reference are required.
 */
import { domainError, type DomainError } from '../../../kernel/result.ts';

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Every problem with the meeting's date and minute reference (empty when there are none). */
export function decisionProblems(
  input: { meetingDate: string | null; minuteReference: string },
  context: { today: string; submittedOn: string | null },
): DomainError[] {
  const problems: DomainError[] = [];
  const date = (input.meetingDate ?? '').trim();
  if (date === '') problems.push(domainError('invalid', 'Enter the date of the panel’s meeting', 'meetingDate'));
  else if (!isRealDate(date))
    problems.push(domainError('invalid', 'The meeting date must be a real date, like 2025-04-01', 'meetingDate'));
  else if (date > context.today)
    problems.push(domainError('invalid', 'The meeting date cannot be in the future', 'meetingDate'));
  else if (context.submittedOn !== null && date < context.submittedOn)
    problems.push(
      domainError(
        'invalid',
        `The meeting date cannot be before the plan was submitted (${context.submittedOn})`,
        'meetingDate',
      ),
    );
  if (input.minuteReference.trim() === '')
    problems.push(domainError('invalid', 'Enter the minute reference of the panel’s decision', 'minuteReference'));
  return problems;
}
