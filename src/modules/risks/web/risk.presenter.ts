/**
 * Turns risks, registers and heat maps into the arguments of GOV.UK macros, so the templates only
 * call macros. Words for codes come from the catalogue.
 */
import { paths } from '../../../kernel/paths.ts';
import { fill, lookUp, words } from '../../../platform/words/index.ts';
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
          ? `<span class="govuk-body-s govuk-!-display-block">${escapeHtml(fill(words.risksView.beyondAppetite, { appetite: String(risk.appetite) }))}</span>`
          : ''),
    ),
    html(
      `${escapeHtml(risk.nextReviewOn)}` +
        (risk.reviewOverdue
          ? ` <strong class="govuk-tag govuk-tag--red">${escapeHtml(words.risksView.reviewOverdue)}</strong>`
          : '') +
        (risk.status === 'closed'
          ? ` <strong class="govuk-tag govuk-tag--grey">${escapeHtml(words.risksView.closed)}</strong>`
          : ''),
    ),
  ]);
}

const head = words.risksView.head;
export const RISK_TABLE_HEAD = [
  head.risk,
  head.register,
  head.owner,
  head.category,
  head.currentScore,
  head.nextReview,
].map(text);

/** The risk's summary list (GOV.UK summary list rows). */
export function riskSummaryRows(risk: RiskView) {
  const row = (key: string, value: string) => ({ key: text(key), value: text(value) });
  const said = words.risksView.summary;
  return [
    row(said.reference, risk.reference),
    row(said.register, risk.registerName),
    row(said.type, lookUp(`risks.types.${risk.type}`)),
    row(said.category, risk.categoryName),
    row(said.cause, risk.cause),
    row(said.event, risk.event),
    row(said.effect, risk.effect),
    row(said.owner, risk.owner.hasLeft ? fill(said.ownerLeft, { name: risk.owner.name }) : risk.owner.name),
    row(
      said.review,
      fill(risk.reviewOverdue ? said.reviewNextOverdue : said.reviewNext, {
        frequency: lookUp(`risks.frequencies.${risk.reviewFrequency}`),
        date: risk.nextReviewOn,
      }),
    ),
    row(
      said.status,
      risk.status === 'closed'
        ? fill(said.closedOn, { date: String(risk.closedOn), reason: String(risk.closedReason) })
        : said.open,
    ),
  ];
}

export function scoreRows(risk: RiskView) {
  return (['inherent', 'current', 'target'] as const).map((kind) => {
    const score = risk[kind];
    return [
      text(words.risksView.scoreKind[kind]),
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
    svg: heatMapSvg(map, fill(words.risksView.heatMapTitle, { caption, total: map.total })),
    caption,
    head: [
      text(words.risksView.likelihood),
      ...impactWords.map((w) => text(fill(words.risksView.impactPoint, { point: w }))),
    ],
    rows: map.rows.map((row) => [
      { text: `${row[0]!.likelihood} ${matrix.likelihood[row[0]!.likelihood - 1]?.label ?? ''}`, header: true },
      ...row.map((cell) =>
        text(fill(words.risksView.cell, { count: cell.count, score: cell.score, band: cell.band.label })),
      ),
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

export function pointItems(size: number, points: { label: string }[], selected: unknown) {
  return [
    { value: '', text: words.risksView.choose, selected: selected === undefined || selected === '' },
    ...Array.from({ length: size }, (_, i) => ({
      value: String(i + 1),
      text: `${i + 1} ${points[i]?.label ?? ''}`,
      selected: String(selected) === String(i + 1),
    })),
  ];
}
