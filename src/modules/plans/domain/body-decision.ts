/**
 * A governance body's step records the body's decision, not an officer's click: the date the body
 * decided (not in the future, not before the plan was submitted) and the minute reference. The
 * checks are pure; the service turns a problem into words.
 */

export interface BodyDecisionInput {
  decisionDate?: string | null | undefined;
  minuteReference?: string | null | undefined;
}

export type BodyDecisionProblem =
  | { problem: 'missing-date' | 'not-a-real-date' | 'in-the-future'; field: 'decisionDate' }
  | { problem: 'before-submission'; field: 'decisionDate'; submittedOn: string }
  | { problem: 'missing-minute' | 'minute-too-long'; field: 'minuteReference' };

export const MAX_MINUTE_REFERENCE = 200;

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The decision as it will be stored, or every problem with it (date first, then minute). ISO dates
 * compare as text, so "before" and "after" need no date arithmetic.
 */
export function checkBodyDecision(
  input: BodyDecisionInput,
  context: { today: string; submittedOn: string | null },
):
  | { ok: true; value: { decisionDate: string; minuteReference: string } }
  | { ok: false; problems: BodyDecisionProblem[] } {
  const problems: BodyDecisionProblem[] = [];
  const date = (input.decisionDate ?? '').trim();
  const minute = (input.minuteReference ?? '').trim();
  if (date === '') problems.push({ problem: 'missing-date', field: 'decisionDate' });
  else if (!isRealDate(date)) problems.push({ problem: 'not-a-real-date', field: 'decisionDate' });
  else if (date > context.today) problems.push({ problem: 'in-the-future', field: 'decisionDate' });
  else if (context.submittedOn !== null && date < context.submittedOn) {
    problems.push({ problem: 'before-submission', field: 'decisionDate', submittedOn: context.submittedOn });
  }
  if (minute === '') problems.push({ problem: 'missing-minute', field: 'minuteReference' });
  else if (minute.length > MAX_MINUTE_REFERENCE)
    problems.push({ problem: 'minute-too-long', field: 'minuteReference' });
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, value: { decisionDate: date, minuteReference: minute } };
}
