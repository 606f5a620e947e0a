/** The savings tracker and the MTFS. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { paths } from '../../../kernel/paths.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { fill, words } from '../../../platform/words/index.ts';
import { financialYearLabel } from '../../../kernel/measurement/periods.ts';
import { MTFS_AMOUNTS, MTFS_LABELS } from '../domain/mtfs.ts';
import { SAVING_AMOUNTS, SAVING_LABELS } from '../domain/savings.ts';
import { mtfsVersionInput } from '../mtfs.service.ts';
import type { MoneyServices } from '../services.ts';
import { yearFormGet, yearFormPost, type YearForm } from './year-form.ts';
import {
  amountValues,
  capitalise,
  forbiddenPage,
  linkCell,
  moneyCell,
  notFoundPage,
  numericHead,
  ragCell,
  stringValues,
  yearItems,
  yearOf,
  type Values,
} from './programme-helpers.ts';

const view = { access: { permission: 'view:money' } } as const;
const edit = { access: { permission: 'edit:money' } } as const;
const uuid = z.uuid();
const said = () => words.moneyProgramme;
const page = words.moneyPage;
const savingsPage = words.moneySavingsPage;
const mtfsPage = words.moneyMtfsPage;

/** A picker's options: none, then each plan item or action by code and title, the present one chosen. */
function choiceItems(choices: readonly { id: string; code: string; title: string }[], chosen: unknown, none: string) {
  return [
    { value: '', text: none, selected: !chosen },
    ...choices.map((choice) => ({
      value: choice.id,
      text: `${choice.code} ${choice.title}`,
      selected: choice.id === chosen,
    })),
  ];
}

export async function planningRoutes(app: FastifyInstance, { services }: { services: MoneyServices }) {
  const yearFrom = (query: unknown) => {
    const year = yearOf(query);
    return year === undefined ? services.savings.defaultYear() : year;
  };

  // ---- Savings ----

  app.get(paths.savings(), { config: view }, async (request, reply) => {
    const year = yearOf(request.query);
    if (year === null) return notFoundPage(reply);
    const result = await services.savings.list(request.caller(), year);
    if (!result.ok) return result.error.code === 'forbidden' ? forbiddenPage(reply) : notFoundPage(reply);
    const { startYear, savings, totals, mayEdit } = result.value;
    return reply.render('pages/money/programme-table.njk', {
      title: fill(said().savingsTitle, { year: financialYearLabel(startYear) }),
      backLink: paths.money(),
      intro: said().savingsIntro,
      yearAction: paths.savings(),
      yearItems: yearItems(result.value.years, startYear),
      buttons: mayEdit ? [{ text: savingsPage.addSaving, href: `${paths.newSaving()}?year=${startYear}` }] : [],
      tables: [
        {
          caption: savingsPage.proposals,
          empty: savingsPage.noProposals,
          head: [
            { text: savingsPage.head.saving },
            { text: savingsPage.head.owner },
            { text: savingsPage.head.deliveredThrough },
            numericHead(savingsPage.head.target),
            numericHead(savingsPage.head.delivered),
            numericHead(page.forecast),
            numericHead(savingsPage.head.shortfall),
            { text: savingsPage.head.deliverability },
          ],
          rows: [
            ...savings.map((saving) => [
              linkCell(`${paths.saving(saving.id)}?year=${startYear}`, `${saving.reference} ${saving.title}`),
              { text: fill(savingsPage.ownerUnit, { owner: saving.owner, unit: saving.unitName }) },
              saving.planItemId
                ? linkCell(paths.item(saving.planItemId), saving.planItemTitle ?? savingsPage.planItem)
                : saving.actionId
                  ? linkCell(paths.action(saving.actionId), savingsPage.action)
                  : { text: savingsPage.notLinked },
              moneyCell(saving.figures?.target),
              moneyCell(saving.figures?.delivered),
              moneyCell(saving.figures?.forecast),
              moneyCell(saving.shortfall),
              ragCell(saving.rag),
            ]),
            ...(savings.length
              ? [
                  [
                    { text: page.total, colspan: 3 },
                    moneyCell(totals.target),
                    moneyCell(totals.delivered),
                    moneyCell(totals.forecast),
                    moneyCell(totals.shortfall),
                    { text: '' },
                  ],
                ]
              : []),
          ],
        },
      ],
      summaryTitle: savings.length ? savingsPage.shortfall : undefined,
      summaryRows: savings.length
        ? [
            { key: { text: savingsPage.shortfallAgainstTarget }, value: moneyCell(totals.shortfall) },
            { key: { text: savingsPage.atRisk }, value: moneyCell(totals.atRisk) },
          ]
        : undefined,
    });
  });

  async function renderSaving(
    reply: FastifyReply,
    caller: Caller,
    id: string | null,
    startYear: number,
    form?: { values: Values; errors?: FormErrors },
  ) {
    if (id !== null && !uuid.safeParse(id).success) return notFoundPage(reply);
    const found = id ? await services.savings.list(caller, startYear, id) : null;
    if (found && !found.ok) return found.error.code === 'forbidden' ? forbiddenPage(reply) : notFoundPage(reply);
    const saving = found?.ok ? found.value.savings[0] : undefined;
    if (id && !saving) return notFoundPage(reply);
    const units = await services.savings.unitChoices(caller);
    const stored: Values = saving
      ? {
          reference: saving.reference,
          title: saving.title,
          owner: saving.owner,
          unitId: saving.unitId,
          rag: saving.rag,
          planItemId: saving.planItemId ?? '',
          actionId: saving.actionId ?? '',
          ...amountValues(SAVING_AMOUNTS, saving.figures),
        }
      : {};
    const values = form?.values ?? stored;
    const mayEdit = units.length > 0 && (!saving || units.some((unit) => unit.id === saving.unitId));
    if (!saving && !mayEdit) return forbiddenPage(reply);
    const choices = await services.savings.linkChoices(caller, String(values.linkWords ?? ''), {
      planItemId: String(values.planItemId ?? ''),
      actionId: String(values.actionId ?? ''),
    });
    const action = `${saving ? paths.saving(saving.id) : paths.newSaving()}?year=${startYear}`;
    return reply.render(
      'pages/money/programme-form.njk',
      {
        title: saving
          ? fill(said().savingTitle, {
              reference: saving.reference,
              title: saving.title,
              year: financialYearLabel(startYear),
            })
          : said().newSavingTitle,
        backLink: `${paths.savings()}?year=${startYear}`,
        summaryTitle: page.position,
        summaryRows: saving?.figures
          ? [
              ...SAVING_AMOUNTS.map((field) => ({
                key: { text: capitalise(SAVING_LABELS[field]) },
                value: moneyCell(saving.figures![field]),
              })),
              { key: { text: savingsPage.shortfall }, value: moneyCell(saving.shortfall) },
              { key: { text: savingsPage.deliverability }, value: ragCell(saving.rag) },
            ]
          : [],
        action: mayEdit ? action : undefined,
        formTitle: saving ? savingsPage.changeSaving : savingsPage.theSaving,
        hint: fill(savingsPage.figuresHint, { year: financialYearLabel(startYear) }),
        submit: page.save,
        values,
        errors: form?.errors,
        fields: [
          {
            name: 'reference',
            label: savingsPage.reference,
            hint: savingsPage.referenceHint,
            classes: 'govuk-input--width-10',
          },
          { name: 'title', label: savingsPage.title },
          { name: 'owner', label: savingsPage.owner },
          {
            name: 'unitId',
            label: savingsPage.unitDelivering,
            type: 'select',
            items: [
              { value: '', text: page.selectUnit },
              ...units.map((unit) => ({ value: unit.id, text: unit.name, selected: unit.id === values.unitId })),
            ],
          },
          {
            name: 'rag',
            label: savingsPage.deliverability,
            type: 'select',
            items: (['green', 'amber', 'red'] as const).map((rag) => ({
              value: rag,
              text: words.rag[rag],
              selected: values.rag === rag,
            })),
          },
          {
            name: 'linkWords',
            type: 'find',
            label: savingsPage.linkWords,
            hint: savingsPage.linkWordsHint,
            button: savingsPage.find,
          },
          {
            name: 'planItemId',
            label: savingsPage.planItemChoice,
            type: 'select',
            items: choiceItems(choices.items, values.planItemId, savingsPage.noPlanItem),
          },
          {
            name: 'actionId',
            label: savingsPage.actionChoice,
            type: 'select',
            items: choiceItems(choices.actions, values.actionId, savingsPage.noAction),
          },
          ...SAVING_AMOUNTS.map((field) => ({ name: field, label: capitalise(SAVING_LABELS[field]), type: 'amount' })),
        ],
      },
      form?.errors ? 400 : 200,
    );
  }

  const savingForm = (withId: boolean): YearForm => ({
    yearFrom,
    withId,
    fieldRefusals: true,
    render: renderSaving,
    save: (caller, id, year, values) => services.savings.save(caller, id, year, values),
    saved: (year, _id, values) => ({
      flash: fill(said().savingSaved, {
        reference: values.reference?.toUpperCase() ?? '',
        year: financialYearLabel(year),
      }),
      to: `${paths.savings()}?year=${year}`,
    }),
    // The picker's Find button narrows the plan items and actions offered, keeping what was typed.
    instead: (reply, caller, id, year, values) =>
      values.find === undefined ? null : renderSaving(reply, caller, id, year, { values }),
  });
  app.get(paths.newSaving(), { config: edit }, yearFormGet(savingForm(false)));
  app.post(paths.newSaving(), { config: edit }, yearFormPost(savingForm(false)));
  app.get(paths.saving(), { config: view }, yearFormGet(savingForm(true)));
  app.post(paths.saving(), { config: edit }, yearFormPost(savingForm(true)));

  // ---- MTFS ----

  async function renderMtfsList(
    reply: FastifyReply,
    caller: Caller,
    form?: { values: Values; errors: FormErrors; status: number },
  ) {
    const result = await services.mtfs.versions(caller);
    if (!result.ok) return forbiddenPage(reply);
    return reply.render(
      'pages/money/programme-form.njk',
      {
        title: said().mtfsTitle,
        backLink: paths.money(),
        notice: said().mtfsIntro,
        tables: [
          {
            caption: mtfsPage.versions,
            head: [{ text: mtfsPage.budgetRound }, { text: mtfsPage.years }],
            rows: result.value.versions.map((version) => [
              linkCell(paths.mtfsVersion(version.id), version.name),
              {
                text: fill(mtfsPage.yearsRange, {
                  from: financialYearLabel(version.firstYear),
                  to: financialYearLabel(version.firstYear + 2),
                }),
              },
            ]),
          },
        ],
        action: result.value.mayEdit ? paths.newMtfs() : undefined,
        formTitle: said().newMtfsTitle,
        submit: mtfsPage.addMtfs,
        values: form?.values ?? {},
        errors: form?.errors,
        fields: [
          { name: 'name', label: mtfsPage.budgetRound, hint: mtfsPage.budgetRoundHint },
          {
            name: 'firstYear',
            label: mtfsPage.firstYear,
            hint: mtfsPage.firstYearHint,
            classes: 'govuk-input--width-4',
          },
        ],
      },
      form?.status ?? 200,
    );
  }

  app.get(paths.mtfs(), { config: view }, async (request, reply) => renderMtfsList(reply, request.caller()));

  app.post(paths.newMtfs(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const values = stringValues(request.body);
    const form = parseForm(mtfsVersionInput, values);
    if (!form.ok) return renderMtfsList(reply, caller, { values, errors: form.errors, status: 400 });
    const result = await services.mtfs.createVersion(caller, form.value);
    if (!result.ok) {
      if (result.error.code === 'forbidden') return forbiddenPage(reply);
      return renderMtfsList(reply, caller, { values, errors: formErrorsFrom(result.error), status: 400 });
    }
    return reply.flash(fill(said().mtfsAdded, { name: form.value.name })).redirect(paths.mtfsVersion(result.value.id));
  });

  async function renderMtfs(
    reply: FastifyReply,
    caller: Caller,
    id: string,
    formYear: number,
    form?: { values: Values; errors: FormErrors },
  ) {
    if (!uuid.safeParse(id).success) return notFoundPage(reply);
    const result = await services.mtfs.version(caller, id);
    if (!result.ok) return result.error.code === 'forbidden' ? forbiddenPage(reply) : notFoundPage(reply);
    const { version, years, mayEdit } = result.value;
    // A year outside the version's three is not one of its pages.
    if (!years.some((row) => row.startYear === formYear)) return notFoundPage(reply);
    const stored = years.find((row) => row.startYear === formYear)?.year;
    const rowOf = (
      label: string,
      pick: (year: NonNullable<(typeof years)[number]['year']>) => Parameters<typeof moneyCell>[0],
    ) => [
      { text: label },
      ...years.map((row) => (row.year ? moneyCell(pick(row.year)) : { text: mtfsPage.notSet, format: 'numeric' })),
    ];
    return reply.render(
      'pages/money/programme-form.njk',
      {
        title: version.name,
        caption: said().mtfsTitle,
        backLink: paths.mtfs(),
        tables: [
          {
            caption: mtfsPage.gapCaption,
            head: [{ text: mtfsPage.line }, ...years.map((row) => numericHead(financialYearLabel(row.startYear)))],
            rows: [
              rowOf(mtfsPage.rows.funding, (year) => year.funding),
              rowOf(mtfsPage.rows.baseSpending, (year) => year.baseSpending),
              rowOf(mtfsPage.rows.pressures, (year) => year.pressures),
              rowOf(mtfsPage.rows.gap, (year) => year.gap),
              rowOf(mtfsPage.rows.identifiedSavings, (year) => year.identifiedSavings),
              rowOf(mtfsPage.rows.forecastSavings, (year) => year.forecastSavings),
              rowOf(mtfsPage.rows.plannedReserveUse, (year) => year.plannedReserveUse),
              rowOf(mtfsPage.rows.unidentified, (year) => year.unidentified),
            ],
          },
        ],
        notice:
          years
            .map((row) =>
              row.year?.assumptions
                ? fill(mtfsPage.assumptionsOf, {
                    year: financialYearLabel(row.startYear),
                    assumptions: row.year.assumptions,
                  })
                : '',
            )
            .filter(Boolean)
            .join(' ') || undefined,
        action: mayEdit ? `${paths.mtfsVersion(version.id)}?year=${formYear}` : undefined,
        formTitle: fill(mtfsPage.figuresFor, { year: financialYearLabel(formYear) }),
        hint: fill(mtfsPage.otherYears, {
          years: years
            .filter((row) => row.startYear !== formYear)
            .map((row) => financialYearLabel(row.startYear))
            .join(', '),
        }),
        submit: page.saveFigures,
        values: form?.values ?? { ...amountValues(MTFS_AMOUNTS, stored), assumptions: stored?.assumptions ?? '' },
        errors: form?.errors,
        fields: [
          ...MTFS_AMOUNTS.map((field) => ({ name: field, label: capitalise(MTFS_LABELS[field]), type: 'amount' })),
          {
            name: 'assumptions',
            label: mtfsPage.assumptions,
            type: 'textarea',
            hint: mtfsPage.assumptionsHint,
          },
        ],
      },
      form ? 400 : 200,
    );
  }

  const mtfsForm: YearForm = {
    yearFrom: yearOf,
    withId: true,
    // With no year named, the version's first year without figures (or its first year).
    defaultYear: async (caller, id) => {
      const found = uuid.safeParse(id).success ? await services.mtfs.version(caller, id!) : null;
      if (!found?.ok) return null;
      const { years } = found.value;
      return (years.find((row) => row.year === null) ?? years[0])?.startYear ?? null;
    },
    render: (reply, caller, id, year, form) => renderMtfs(reply, caller, id!, year, form),
    save: (caller, id, year, values) => services.mtfs.saveYear(caller, id!, year, values),
    saved: (year, id) => ({
      flash: fill(said().mtfsYearSaved, { year: financialYearLabel(year) }),
      to: paths.mtfsVersion(id!),
    }),
  };
  app.get(paths.mtfsVersion(), { config: view }, yearFormGet(mtfsForm));
  app.post(paths.mtfsVersion(), { config: edit }, yearFormPost(mtfsForm));
}
