import { phrase, phraseText } from '../../kernel/phrase.ts';
import { formatValue, periodLabel, type Period } from '../../kernel/measurement/index.ts';
import type { measuresRepository as measuresRepo } from '../measures/index.ts';
import type * as valuesRepo from './data/measure-values.repository.ts';

type MeasureRow = NonNullable<Awaited<ReturnType<typeof measuresRepo.findMeasure>>>;

/**
 * Two people saved the same figure: the refusal shows both versions side by side, so the second
 * person can see what was stored and decide, instead of overwriting it unseen. A stored phrase,
 * said where the refusal leaves the app.
 */
export function conflictMessage(
  measure: MeasureRow,
  period: Period,
  stored: valuesRepo.ValueRow,
  yours: number | null,
  yourCommentary: string,
  startedFrom: number | undefined,
): string {
  const show = (value: number | null) =>
    value === null ? phrase('collectionRefusals.noValue') : formatValue(value, measure.unit, measure.decimalPlaces);
  const said = (commentary: string) =>
    commentary.trim() === ''
      ? phrase('collectionRefusals.noCommentary')
      : phrase('collectionRefusals.commentary', { text: commentary.trim() });
  return phraseText('collectionRefusals.conflict', {
    code: measure.code,
    period: periodLabel(period),
    when:
      startedFrom === undefined
        ? phrase('collectionRefusals.alreadyStored')
        : phrase('collectionRefusals.savedSinceOpened'),
    version: stored.rowVersion,
    status: stored.status,
    stored: show(stored.value),
    storedCommentary: said(stored.commentary),
    yours: show(yours),
    yourCommentary: said(yourCommentary),
  });
}
