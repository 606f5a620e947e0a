import { formatValue, periodLabel, type Period } from '../../kernel/measurement/index.ts';
import type { measuresRepository as measuresRepo } from '../measures/index.ts';
import type * as valuesRepo from './data/measure-values.repository.ts';

type MeasureRow = NonNullable<Awaited<ReturnType<typeof measuresRepo.findMeasure>>>;

/**
 * Two people saved the same figure: the refusal shows both versions side by side, so the second
 * person can see what was stored and decide, instead of overwriting it unseen.
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
    value === null ? 'no value' : formatValue(value, measure.unit, measure.decimalPlaces);
  const said = (commentary: string) => (commentary.trim() === '' ? 'no commentary' : `“${commentary.trim()}”`);
  const when =
    startedFrom === undefined ? 'already has a stored value' : 'was saved by someone else after you opened it';
  return (
    `${measure.code} ${periodLabel(period)} ${when}. ` +
    `Stored version ${stored.rowVersion} (${stored.status}): ${show(stored.value)}, ${said(stored.commentary)}. ` +
    `Your version: ${show(yours)}, ${said(yourCommentary)}. Nothing was saved: check both and save again.`
  );
}
