/**
 * What the verifier's page shows to judge a figure: the figure itself with its rating against the
 * target, commentary, data quality, evidence and who entered it; the earlier periods' values; and
 * one button per sign-off action open to the person.
 */
import { assessRag } from '../../../kernel/measurement/index.ts';
import { formatDateTime } from '../../../platform/http/filters.ts';
import { fill, say, words } from '../../../platform/words/index.ts';
import { ragTag } from '../../../platform/words/status-tags.ts';
import type { EarlierValue, ValueDetail } from '../collection.service.ts';
import { shown, statusTag } from './collection.presenter.ts';
import { escapeHtml } from '../../../platform/http/escape-html.ts';

const w = words.signOffQueue;

const ENTRY_ACTIONS = new Set(['create', 'edit', 'submit', 'import']);

type Row = { key: { text: string }; value: { text?: string; html?: string } };

function byOn(event: ValueDetail['events'][number] | undefined): string {
  if (!event) return w.unknownPerson;
  return fill(w.byOn, { name: event.actorName ?? w.unknownPerson, when: formatDateTime(event.at) });
}

/** The stored figure as a summary list, or null when nothing has been entered. */
export function figureRows(detail: ValueDetail): Row[] | null {
  const { measure, value } = detail;
  if (!value) return null;
  const figure = shown(value.value, measure.unit, measure.decimalPlaces);
  const ratio =
    measure.aggregation === 'ratio' && value.numerator !== null && value.denominator !== null
      ? ` (${value.numerator} / ${value.denominator})`
      : '';
  const rating = detail.target
    ? assessRag({
        value: value.value,
        polarity: measure.polarity,
        target: detail.target.target,
        thresholds: measure.ragThresholds,
        format: { unit: measure.unit, decimals: measure.decimalPlaces },
      })
    : null;
  const tag = rating ? ragTag(rating.status) : null;
  // The history is newest first: the latest entry is who the two-pairs-of-eyes rule looks at.
  const entered = detail.events.find((event) => ENTRY_ACTIONS.has(event.action));
  const verified = value.status === 'verified' ? detail.events.find((event) => event.action === 'verify') : undefined;
  const quality = w.quality[value.quality];
  const rows: Row[] = [
    { key: { text: w.keyValue }, value: { text: `${figure}${ratio}` } },
    {
      key: { text: w.keyRating },
      value:
        rating && tag
          ? {
              html: `<strong class="govuk-tag ${tag.classes}">${escapeHtml(tag.text)}</strong> ${escapeHtml(say(rating.reason))}`,
            }
          : { text: w.notRated },
    },
    { key: { text: w.keyCommentary }, value: { text: value.commentary.trim() || w.noCommentary } },
    { key: { text: w.keyQuality }, value: { text: quality } },
    {
      key: { text: w.keyEvidence },
      value: value.evidenceUrl
        ? {
            html: `<a class="govuk-link" href="${escapeHtml(value.evidenceUrl)}" rel="noreferrer noopener">${escapeHtml(w.evidenceLink)}<span class="govuk-visually-hidden">: ${escapeHtml(value.evidenceUrl)}</span></a>`,
          }
        : { text: w.noEvidence },
    },
    { key: { text: w.keyEnteredBy }, value: { text: byOn(entered) } },
  ];
  if (verified) rows.push({ key: { text: w.keyVerifiedBy }, value: { text: byOn(verified) } });
  return rows;
}

/** The earlier periods' values, latest first, as table rows. */
export function earlierRows(detail: Pick<ValueDetail, 'measure'>, earlier: readonly EarlierValue[]) {
  const { unit, decimalPlaces } = detail.measure;
  return earlier.map((row) => [
    { text: row.periodLabel },
    { text: row.value ? shown(row.value.value, unit, decimalPlaces) : w.noValue, format: 'numeric' },
    {
      html: row.value
        ? `<strong class="govuk-tag ${statusTag(row.value.status).classes}">${escapeHtml(statusTag(row.value.status).text)}</strong>`
        : escapeHtml(statusTag(null).text),
    },
  ]);
}

const ACTION_BUTTONS: Record<string, { text: string; classes: string }> = {
  verify: { text: w.actionVerify, classes: '' },
  approve: { text: w.actionApprove, classes: '' },
  publish: { text: w.actionPublish, classes: '' },
  return: { text: w.actionReturn, classes: 'govuk-button--warning' },
  reopen: { text: w.actionReopen, classes: 'govuk-button--warning' },
};

/** One button per sign-off action open to the person (Verify, Approve, Return …). */
export function actionButtons(actions: readonly string[]) {
  return actions
    .filter((action) => action in ACTION_BUTTONS)
    .map((action) => ({ value: action, ...ACTION_BUTTONS[action]! }));
}
