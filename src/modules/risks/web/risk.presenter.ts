/**
 * Turns risks, registers and heat maps into the arguments of GOV.UK macros, so the templates only
 * call macros. Words for codes come from the catalogue.
 */
import { paths } from '../../../kernel/paths.ts';
import { lookUp } from '../../../platform/words/index.ts';
import type { BandColour, HeatMap, Matrix } from '../domain/index.ts';
import type { RiskView } from '../risk-view.ts';
import { heatMapSvg } from './heat-map.svg.ts';
import { escapeHtml } from '../../../platform/http/escape-html.ts';

const TAG_CLASS: Record<BandColour, string> = {
  green: 'govuk-tag--green',
  yellow: 'govuk-tag--yellow',
  orange: 'govuk-tag--orange',
  red: 'govuk-tag--red',
  purple: 'govuk-tag--purple',
};

export const levelWords = (level: string) => lookUp(`risks.levels.${level}`);

const text = (value: string) => ({ text: value });
const html = (value: string) => ({ html: value });
/** A risk's row in a table: reference and title, owner, category, current score, review. */
export function riskTableRows(risks: RiskView[]) {
  return risks.map((risk) => [
    html(
      `<a class="govuk-link" href="${paths.risk(risk.id)}">${escapeHtml(risk.reference)} ${escapeHtml(risk.title)}</a>`,
    ),
    text(risk.registerName),
    text(risk.owner.name),
    text(risk.categoryName),
    html(
      `<strong class="govuk-tag ${TAG_CLASS[risk.current.band.colour]}">${risk.current.score} ${escapeHtml(risk.current.band.label)}</strong>` +
        (risk.beyondAppetite
          ? `<span class="govuk-body-s govuk-!-display-block">Beyond appetite (${risk.appetite})</span>`
          : ''),
    ),
    html(
      `${escapeHtml(risk.nextReviewOn)}` +
        (risk.reviewOverdue ? ' <strong class="govuk-tag govuk-tag--red">Review overdue</strong>' : '') +
        (risk.status === 'closed' ? ' <strong class="govuk-tag govuk-tag--grey">Closed</strong>' : ''),
    ),
  ]);
}

export const RISK_TABLE_HEAD = ['Risk', 'Register', 'Owner', 'Category', 'Current score', 'Next review'].map(text);

/** The risk's summary list (GOV.UK summary list rows). */
export function riskSummaryRows(risk: RiskView) {
  const row = (key: string, value: string) => ({ key: text(key), value: text(value) });
  return [
    row('Reference', risk.reference),
    row('Register', risk.registerName),
    row('Type', lookUp(`risks.types.${risk.type}`)),
    row('Category', risk.categoryName),
    row('Cause', risk.cause),
    row('Event', risk.event),
    row('Effect', risk.effect),
    row('Owner', risk.owner.hasLeft ? `${risk.owner.name} (has left)` : risk.owner.name),
    row(
      'Review',
      `${lookUp(`risks.frequencies.${risk.reviewFrequency}`)}; next on ${risk.nextReviewOn}${risk.reviewOverdue ? ' (overdue)' : ''}`,
    ),
    row('Status', risk.status === 'closed' ? `Closed on ${risk.closedOn}: ${risk.closedReason}` : 'Open'),
  ];
}

export function scoreRows(risk: RiskView) {
  return (['inherent', 'current', 'target'] as const).map((kind) => {
    const score = risk[kind];
    return [
      text(kind === 'current' ? 'Current (residual)' : kind === 'inherent' ? 'Inherent' : 'Target'),
      text(String(score.likelihood)),
      text(String(score.impact)),
      html(
        `<strong class="govuk-tag ${TAG_CLASS[score.band.colour]}">${score.score} ${escapeHtml(score.band.label)}</strong>`,
      ),
    ];
  });
}

/** The heat map for the page: the SVG and its table (rows by likelihood, highest first). */
export function heatMapView(map: HeatMap, matrix: Matrix, caption: string) {
  const impactWords = matrix.impact.map((p, i) => `${i + 1} ${p.label}`);
  return {
    svg: heatMapSvg(map, `${caption}: ${map.total} risks. The counts are in the table beside it.`),
    caption,
    head: [text('Likelihood'), ...impactWords.map((w) => text(`Impact ${w}`))],
    rows: map.rows.map((row) => [
      { text: `${row[0]!.likelihood} ${matrix.likelihood[row[0]!.likelihood - 1]?.label ?? ''}`, header: true },
      ...row.map((cell) => text(`${cell.count} (score ${cell.score}, ${cell.band.label})`)),
    ]),
    total: map.total,
    offMatrix: map.offMatrix,
  };
}

/** GOV.UK select items from choices, with the chosen one selected and an optional empty first item. */
export function selectItems(choices: { value: string; text: string }[], selected: string | undefined, empty?: string) {
  return [
    ...(empty === undefined ? [] : [{ value: '', text: empty, selected: !selected }]),
    ...choices.map((c) => ({ ...c, selected: c.value === selected })),
  ];
}

export function pointItems(size: number, words: { label: string }[], selected: unknown) {
  return [
    { value: '', text: 'Choose', selected: selected === undefined || selected === '' },
    ...Array.from({ length: size }, (_, i) => ({
      value: String(i + 1),
      text: `${i + 1} ${words[i]?.label ?? ''}`,
      selected: String(selected) === String(i + 1),
    })),
  ];
}
