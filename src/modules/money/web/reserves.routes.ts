import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { paths } from '../../../kernel/paths.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { fill, words } from '../../../platform/words/index.ts';
import { financialYearLabel } from '../../../kernel/measurement/periods.ts';
import { BORROWING_AMOUNTS, BORROWING_LABELS, RESERVE_AMOUNTS, RESERVE_LABELS } from '../domain/reserves.ts';
import { reserveInput } from '../reserves.service.ts';
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
const reservesPage = words.moneyReservesPage;

export async function reservesRoutes(app: FastifyInstance, { services }: { services: MoneyServices }) {
  const yearFrom = (query: unknown) => {
    const year = yearOf(query);
    return year === undefined ? services.reserves.defaultYear() : year;
  };

  app.get(paths.reserves(), { config: view }, async (request, reply) => {
    const year = yearOf(request.query);
    if (year === null) return notFoundPage(reply);
    const result = await services.reserves.view(request.caller(), year);
    if (!result.ok) return result.error.code === 'forbidden' ? forbiddenPage(reply) : notFoundPage(reply);
    const { startYear, reserves, general, earmarked, total, borrowing, mayEdit } = result.value;
    const head = [
      { text: reservesPage.head.reserve },
      { text: reservesPage.head.kind },
      numericHead(reservesPage.head.openingBalance),
      numericHead(reservesPage.head.contributions),
      numericHead(reservesPage.head.plannedUse),
      numericHead(reservesPage.head.forecastUse),
      numericHead(reservesPage.head.plannedClosing),
      numericHead(reservesPage.head.forecastClosing),
    ];
    const totalRow = (label: string, position: typeof total) => [
      { text: label, colspan: 2 },
      ...(
        ['openingBalance', 'contributions', 'plannedUse', 'forecastUse', 'plannedClosing', 'forecastClosing'] as const
      ).map((field) => moneyCell(position[field])),
    ];
    return reply.render('pages/money/programme-table.njk', {
      title: fill(said().reservesTitle, { year: financialYearLabel(startYear) }),
      backLink: paths.money(),
      intro: said().reservesIntro,
      yearAction: paths.reserves(),
      yearItems: yearItems(result.value.years, startYear),
      buttons: mayEdit
        ? [
            { text: reservesPage.addReserve, href: paths.newReserve() },
            { text: reservesPage.changeBorrowing, href: `${paths.borrowing()}?year=${startYear}` },
          ]
        : [],
      tables: [
        {
          caption: reservesPage.reserves,
          empty: reservesPage.noReserves,
          head,
          rows: [
            ...reserves.map((reserve) => [
              linkCell(`${paths.reserve(reserve.id)}?year=${startYear}`, reserve.name),
              { text: reservesPage.kindNames[reserve.kind] },
              ...(
                [
                  'openingBalance',
                  'contributions',
                  'plannedUse',
                  'forecastUse',
                  'plannedClosing',
                  'forecastClosing',
                ] as const
              ).map((field) => moneyCell(reserve.position?.[field])),
            ]),
            ...(reserves.length
              ? [
                  totalRow(reservesPage.generalFund, general),
                  totalRow(reservesPage.earmarkedTotal, earmarked),
                  totalRow(reservesPage.allReserves, total),
                ]
              : []),
          ],
        },
        {
          caption: reservesPage.borrowingCaption,
          empty: fill(reservesPage.noBorrowing, { year: financialYearLabel(startYear) }),
          firstCellIsHeader: true,
          head: [{ text: reservesPage.indicator }, numericHead(page.amount)],
          rows: borrowing
            ? [
                ...BORROWING_AMOUNTS.map((field) => [
                  { text: capitalise(BORROWING_LABELS[field]) },
                  moneyCell(borrowing[field]),
                ]),
                [{ text: reservesPage.headroomToBoundary }, moneyCell(borrowing.headroomToBoundary)],
                [{ text: reservesPage.headroomToLimit }, moneyCell(borrowing.headroomToLimit)],
                [{ text: reservesPage.internalBorrowing }, moneyCell(borrowing.internalBorrowing)],
                [{ text: page.position }, { text: said()[`borrowingStatus_${borrowing.status}`] }],
              ]
            : [],
        },
      ],
    });
  });

  async function renderNewReserve(reply: FastifyReply, values: Values = {}, errors?: FormErrors, status = 200) {
    return reply.render(
      'pages/money/programme-form.njk',
      {
        title: said().newReserveTitle,
        backLink: paths.reserves(),
        action: paths.newReserve(),
        formTitle: reservesPage.theReserve,
        submit: reservesPage.addReserveButton,
        values,
        errors,
        fields: [
          { name: 'name', label: page.name },
          {
            name: 'kind',
            label: reservesPage.kind,
            type: 'select',
            items: [
              { value: 'earmarked', text: reservesPage.kinds.earmarked, selected: values.kind !== 'general' },
              { value: 'general', text: reservesPage.kinds.general, selected: values.kind === 'general' },
            ],
          },
          { name: 'purpose', label: reservesPage.purpose, type: 'textarea' },
        ],
      },
      status,
    );
  }

  app.get(paths.newReserve(), { config: edit }, async (_request, reply) => renderNewReserve(reply));

  app.post(paths.newReserve(), { config: edit }, async (request, reply) => {
    const values = stringValues(request.body);
    const form = parseForm(reserveInput, values);
    if (!form.ok) return renderNewReserve(reply, values, form.errors, 400);
    const result = await services.reserves.createReserve(request.caller(), form.value);
    if (!result.ok) {
      if (result.error.code === 'forbidden') return forbiddenPage(reply);
      return renderNewReserve(reply, values, formErrorsFrom(result.error), 400);
    }
    return reply.flash(fill(said().reserveAdded, { name: form.value.name })).redirect(paths.reserve(result.value.id));
  });

  async function renderReserve(
    reply: FastifyReply,
    caller: Caller,
    id: string,
    startYear: number,
    form?: { values: Values; errors: FormErrors },
  ) {
    if (!uuid.safeParse(id).success) return notFoundPage(reply);
    const result = await services.reserves.reserve(caller, id, startYear);
    if (!result.ok) return result.error.code === 'forbidden' ? forbiddenPage(reply) : notFoundPage(reply);
    const { reserve, mayEdit } = result.value;
    const position = reserve.position;
    return reply.render(
      'pages/money/programme-form.njk',
      {
        title: fill(said().reserveTitle, { name: reserve.name, year: financialYearLabel(startYear) }),
        caption: reservesPage.kindNames[reserve.kind],
        backLink: `${paths.reserves()}?year=${startYear}`,
        summaryTitle: page.position,
        summaryRows: position
          ? [
              ...RESERVE_AMOUNTS.map((field) => ({
                key: { text: capitalise(RESERVE_LABELS[field]) },
                value: moneyCell(position[field]),
              })),
              { key: { text: reservesPage.plannedClosing }, value: moneyCell(position.plannedClosing) },
              { key: { text: reservesPage.forecastClosing }, value: moneyCell(position.forecastClosing) },
            ]
          : [],
        notice: position
          ? reserve.purpose || undefined
          : fill(page.noFiguresFor, { year: financialYearLabel(startYear) }),
        action: mayEdit ? `${paths.reserve(id)}?year=${startYear}` : undefined,
        formTitle: position ? page.changeFigures : page.enterFigures,
        submit: page.saveFigures,
        values: form?.values ?? amountValues(RESERVE_AMOUNTS, position),
        errors: form?.errors,
        fields: RESERVE_AMOUNTS.map((field) => ({
          name: field,
          label: capitalise(RESERVE_LABELS[field]),
          type: 'amount',
        })),
      },
      form ? 400 : 200,
    );
  }

  const reserveForm: YearForm = {
    yearFrom,
    withId: true,
    render: (reply, caller, id, year, form) => renderReserve(reply, caller, id!, year, form),
    save: (caller, id, year, values) => services.reserves.saveReserveYear(caller, id!, year, values),
    saved: (year) => ({
      flash: fill(said().reserveSaved, { year: financialYearLabel(year) }),
      to: `${paths.reserves()}?year=${year}`,
    }),
  };
  app.get(paths.reserve(), { config: view }, yearFormGet(reserveForm));
  app.post(paths.reserve(), { config: edit }, yearFormPost(reserveForm));

  async function renderBorrowing(
    reply: FastifyReply,
    caller: Caller,
    startYear: number,
    form?: { values: Values; errors: FormErrors },
  ) {
    const result = await services.reserves.view(caller, startYear);
    if (!result.ok) return forbiddenPage(reply);
    if (!result.value.mayEdit) return forbiddenPage(reply);
    return reply.render(
      'pages/money/programme-form.njk',
      {
        title: fill(said().borrowingTitle, { year: financialYearLabel(startYear) }),
        backLink: `${paths.reserves()}?year=${startYear}`,
        action: `${paths.borrowing()}?year=${startYear}`,
        formTitle: reservesPage.borrowingFormTitle,
        hint: reservesPage.borrowingHint,
        submit: page.saveFigures,
        values: form?.values ?? amountValues(BORROWING_AMOUNTS, result.value.borrowing),
        errors: form?.errors,
        fields: BORROWING_AMOUNTS.map((field) => ({
          name: field,
          label: capitalise(BORROWING_LABELS[field]),
          type: 'amount',
        })),
      },
      form ? 400 : 200,
    );
  }

  const borrowingForm: YearForm = {
    yearFrom,
    withId: false,
    render: (reply, caller, _id, year, form) => renderBorrowing(reply, caller, year, form),
    save: (caller, _id, year, values) => services.reserves.saveBorrowing(caller, year, values),
    saved: (year) => ({
      flash: fill(said().borrowingSaved, { year: financialYearLabel(year) }),
      to: `${paths.reserves()}?year=${year}`,
    }),
  };
  app.get(paths.borrowing(), { config: edit }, yearFormGet(borrowingForm));
  app.post(paths.borrowing(), { config: edit }, yearFormPost(borrowingForm));
}
