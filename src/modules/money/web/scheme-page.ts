/**
 * A capital scheme's page: its figures for a year (the form the year-form builder posts), and its
 * reprofiling: the history, the request form for someone who may change the scheme, and a decision
 * form on each pending request for council-wide finance who did not ask for it. The figures routes
 * and the reprofile routes both answer with this page, so a refusal shows beside what it refuses.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { formatMoney } from '../../../kernel/money.ts';
import { paths } from '../../../kernel/paths.ts';
import type { FormErrors } from '../../../platform/http/form-errors.ts';
import { formatDate } from '../../../platform/http/filters.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { fill, words } from '../../../platform/words/index.ts';
import { CAPITAL_AMOUNTS, CAPITAL_LABELS } from '../domain/capital.ts';
import { financialYearLabel } from '../../../kernel/measurement/periods.ts';
import type { MoneyServices } from '../services.ts';
import {
  amountValues,
  capitalise,
  forbiddenPage,
  moneyCell,
  notFoundPage,
  numericHead,
  ragCell,
  type Values,
} from './programme-helpers.ts';

const uuid = z.uuid();
const said = () => words.capitalReprofile;
const page = words.moneyPage;
const capital = words.moneyCapitalPage;

type Reprofile = Extract<
  Awaited<ReturnType<MoneyServices['reprofiles']['history']>>,
  { ok: true }
>['value']['reprofiles'][number];

/** The form ids of a pending reprofile's decision, unique on the page. */
export const decisionIds = (reprofileId: string) => ({
  decisionId: `decision-${reprofileId}`,
  reasonId: `reason-${reprofileId}`,
});

export interface SchemePageForms {
  /** The figures form as posted, with its problems. */
  figures?: { values: Values; errors: FormErrors };
  /** A reprofile request or decision as posted (ids as the page names them), with its problems. */
  reprofile?: { values: Values; errors: FormErrors; status: number };
}

function historyRow(reprofile: Reprofile) {
  const status = said()[`status_${reprofile.status}`];
  const decision =
    reprofile.status === 'pending' || reprofile.decidedAt === null
      ? status
      : fill(said().decidedBy, {
          status,
          name: reprofile.decidedByName ?? '',
          date: formatDate(reprofile.decidedAt),
        });
  return [
    { text: fill(said().requestedBy, { date: formatDate(reprofile.requestedAt), name: reprofile.requestedByName }) },
    {
      text: fill(said().move, {
        from: financialYearLabel(reprofile.fromYear),
        to: financialYearLabel(reprofile.toYear),
      }),
    },
    moneyCell(reprofile.amount),
    { text: reprofile.reason },
    { text: reprofile.decisionReason ? `${decision}: ${reprofile.decisionReason}` : decision },
  ];
}

export async function renderSchemePage(
  reply: FastifyReply,
  services: MoneyServices,
  caller: Caller,
  id: string,
  startYear: number,
  forms: SchemePageForms = {},
) {
  if (!uuid.safeParse(id).success) return notFoundPage(reply);
  const result = await services.capital.scheme(caller, id, startYear);
  if (!result.ok) return result.error.code === 'forbidden' ? forbiddenPage(reply) : notFoundPage(reply);
  const history = await services.reprofiles.history(caller, id);
  if (!history.ok) return history.error.code === 'forbidden' ? forbiddenPage(reply) : notFoundPage(reply);
  const { scheme, year, mayEdit } = result.value;
  const { reprofiles, mayRequest, mayDecide } = history.value;
  const label = financialYearLabel(startYear);
  const pending = reprofiles.filter((reprofile) => reprofile.status === 'pending');
  const figureValues = forms.figures?.values ?? {
    ...amountValues(CAPITAL_AMOUNTS, year),
    slippageReason: year?.slippageReason ?? '',
    explanation: year?.explanation ?? '',
  };
  const requestDefaults = { fromYear: String(startYear), toYear: String(startYear + 1) };
  return reply.render(
    'pages/money/capital-scheme.njk',
    {
      title: fill(words.moneyProgramme.schemeTitle, { code: scheme.code, name: scheme.name, year: label }),
      caption: scheme.unitName,
      backLink: `${paths.capital()}?year=${startYear}`,
      summaryTitle: page.position,
      summaryRows: year
        ? [
            ...CAPITAL_AMOUNTS.map((field) => ({
              key: { text: capitalise(CAPITAL_LABELS[field]) },
              value: moneyCell(year[field]),
            })),
            {
              key: { text: capital.varianceKey },
              value: { text: `${moneyCell(year.variance).text} (${year.variancePercent ?? '–'}%)` },
            },
            { key: { text: page.band }, value: ragCell(year.band) },
            { key: { text: capital.slippageReason }, value: { text: year.slippageReason || page.none } },
            { key: { text: page.explanation }, value: { text: year.explanation || page.none } },
          ]
        : [],
      notice: year ? undefined : fill(page.noFiguresFor, { year: label }),
      action: mayEdit ? `${paths.capitalScheme(scheme.id)}?year=${startYear}` : undefined,
      formTitle: year ? page.changeFigures : page.enterFigures,
      hint: capital.figuresHint,
      submit: page.saveFigures,
      values: { ...requestDefaults, ...figureValues, ...forms.reprofile?.values },
      errors: forms.figures?.errors ?? forms.reprofile?.errors,
      fields: [
        ...CAPITAL_AMOUNTS.map((field) => ({
          name: field,
          label: capitalise(CAPITAL_LABELS[field]),
          type: 'amount',
        })),
        {
          name: 'slippageReason',
          label: capital.slippageReason,
          type: 'textarea',
          hint: capital.slippageReasonHint,
        },
        {
          name: 'explanation',
          label: page.explanationOfVariance,
          type: 'textarea',
          hint: capital.explanationHint,
        },
      ],
      reprofile: {
        head: [
          { text: said().headRequested },
          { text: said().headMove },
          numericHead(said().headAmount),
          { text: said().headReason },
          { text: said().headDecision },
        ],
        rows: reprofiles.map(historyRow),
        // No one decides their own request: it is not offered to them, and the service refuses it.
        decisions: mayDecide
          ? pending
              .filter((reprofile) => reprofile.requestedBy !== caller.personId)
              .map((reprofile) => ({
                ...decisionIds(reprofile.id),
                title: fill(said().decideTitle, {
                  amount: formatMoney(reprofile.amount),
                  from: financialYearLabel(reprofile.fromYear),
                  to: financialYearLabel(reprofile.toYear),
                }),
                action: `${paths.capitalReprofileDecision(scheme.id, reprofile.id)}?year=${startYear}`,
              }))
          : [],
        ownPending: pending.some((reprofile) => reprofile.requestedBy === caller.personId),
        requestAction: mayRequest ? `${paths.capitalReprofiles(scheme.id)}?year=${startYear}` : undefined,
      },
    },
    forms.reprofile?.status ?? (forms.figures ? 400 : 200),
  );
}
