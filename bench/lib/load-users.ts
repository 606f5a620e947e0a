/**
 * What a simulated user of the load test (issue 21) does, apart from how its requests travel: the
 * bench sends them to app processes over loopback, the test of this round (test/integration/
 * load-entry-round.int.test.ts) injects them into one app. Keeping one copy means the test proves
 * what the bench sends.
 */
import { checkPlausibility, PLAUSIBILITY_HISTORY, type AllowedRange } from '../../src/kernel/measurement/index.ts';

export type Step = 'dashboard' | 'entry_form' | 'entry_submit' | 'signoff_queue' | 'signoff_return';

export interface Session {
  cookie: string;
  csrf: string;
}

/** Sends one request of a step (a form when `form` is given); `ok` when it answered as expected. */
export type Send = (
  step: Step,
  session: Session,
  target: string,
  form?: Record<string, string>,
) => Promise<{ ok: boolean; body: string }>;

/** One measure a data-entry user works on: the period it enters and the figure it enters. */
export interface EntryWork {
  id: string;
  periodKey: string;
  value: string;
}

/**
 * The figure a person would enter without a second look: one the plausibility check takes, given
 * the measure's earlier figures (oldest first), the latest one first, else the nearest earlier one.
 * Undefined when none passes. Entering whatever figure the history ended on was refused for about
 * one measure in five (a jump beyond the usual moving range), which the load test counted as 400s.
 */
export function plausibleFigure(history: readonly number[], range: AllowedRange): number | undefined {
  const recent = history.slice(-PLAUSIBILITY_HISTORY);
  return [...recent].reverse().find((value) => checkPlausibility(value, recent, range) === null);
}

/**
 * The version the entry form was drawn from (its hidden `rowVersion`), which a browser sends back:
 * without it, changing a stored value is refused as a conflict (409), never a silent overwrite.
 */
export function formVersion(html: string): string | undefined {
  return /<input[^>]*name="rowVersion"[^>]*value="(\d+)"/.exec(html)?.[1];
}

/** How a round ended: every step sent, or stopped where the next step could not happen. */
export type RoundEnd = 'completed' | 'no_entry_form' | 'not_submitted';

/**
 * One round of quarter-end work on one measure: the enterer opens the entry form and submits the
 * figure with the form's version, the performance officer opens the sign-off queue and returns the
 * value with a reason, so it can be entered again next round. Steps that could not happen (no form,
 * nothing submitted to return) are not sent: their failure would only echo the first one.
 */
export async function entryRound(
  send: Send,
  people: { enterer: Session; officer: Session },
  work: EntryWork,
  pause: () => Promise<unknown> = async () => {},
): Promise<RoundEnd> {
  const entry = `/measures/${work.id}/values/${work.periodKey}`;
  await pause();
  const form = await send('entry_form', people.enterer, entry);
  const version = form.ok ? formVersion(form.body) : undefined;
  if (version === undefined) return 'no_entry_form';
  await pause();
  const submitted = await send('entry_submit', people.enterer, entry, {
    value: work.value,
    action: 'submit',
    commentary: 'Load test',
    rowVersion: version,
  });
  await pause();
  await send('signoff_queue', people.officer, '/sign-off');
  if (!submitted.ok) return 'not_submitted';
  await pause();
  await send('signoff_return', people.officer, `${entry}/actions`, { action: 'return', reason: 'Load test' });
  return 'completed';
}
