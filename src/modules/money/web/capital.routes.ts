import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { paths } from '../../../kernel/paths.ts';
import { phraseText } from '../../../kernel/phrase.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { fill, sayStored, words } from '../../../platform/words/index.ts';
import { schemeInput } from '../capital.service.ts';
import { CAPITAL_COLUMNS } from '../domain/capital-import.ts';
import { financialYearLabel } from '../../../kernel/measurement/periods.ts';
import type { MoneyServices } from '../services.ts';
import { renderSchemePage } from './scheme-page.ts';
import { yearFormGet, yearFormPost, type YearForm } from './year-form.ts';
import {
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
const words_ = () => words.moneyProgramme;
const page = words.moneyPage;
const capital = words.moneyCapitalPage;

export async function capitalRoutes(app: FastifyInstance, { services }: { services: MoneyServices }) {
  app.get(paths.capital(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const year = yearOf(request.query);
    if (year === null) return notFoundPage(reply);
    const result = await services.capital.programme(caller, year);
    if (!result.ok) return result.error.code === 'forbidden' ? forbiddenPage(reply) : notFoundPage(reply);
    const { startYear, schemes, totals } = result.value;
    const mayEdit = (await services.costCentres.unitChoices(caller)).length > 0;
    const label = financialYearLabel(startYear);
    return reply.render('pages/money/programme-table.njk', {
      title: fill(words_().capitalTitle, { year: label }),
      backLink: paths.money(),
      intro: words_().capitalIntro,
      yearAction: paths.capital(),
      yearItems: yearItems(result.value.years, startYear),
      buttons: mayEdit
        ? [
            { text: capital.addScheme, href: paths.newCapitalScheme() },
            { text: capital.importProgramme, href: paths.capitalImport() },
          ]
        : [],
      tables: [
        {
          caption: fill(capital.schemesIn, { year: label }),
          empty: capital.noSchemes,
          head: [
            { text: capital.head.scheme },
            { text: page.unit },
            numericHead(capital.head.budget),
            numericHead(capital.head.spendToDate),
            numericHead(page.forecast),
            numericHead(capital.head.slippage),
            numericHead(capital.head.variance),
            { text: page.band },
          ],
          rows: [
            ...schemes.map(({ scheme, year }) => [
              linkCell(`${paths.capitalScheme(scheme.id)}?year=${startYear}`, `${scheme.code} ${scheme.name}`),
              { text: scheme.unitName },
              moneyCell(year?.budget),
              moneyCell(year?.spendToDate),
              moneyCell(year?.forecast),
              moneyCell(year?.slippage),
              moneyCell(year?.variance),
              year ? ragCell(year.band) : { text: page.noFigures },
            ]),
            ...(schemes.length > 0
              ? [
                  [
                    { text: page.total, colspan: 2 },
                    moneyCell(totals.budget),
                    moneyCell(totals.spendToDate),
                    moneyCell(totals.forecast),
                    moneyCell(totals.slippage),
                    moneyCell(totals.variance),
                    ragCell(totals.band),
                  ],
                ]
              : []),
          ],
        },
        {
          caption: capital.funding,
          empty: '',
          firstCellIsHeader: true,
          head: [{ text: capital.source }, numericHead(page.amount)],
          rows: schemes.length
            ? [
                [{ text: capital.borrowing }, moneyCell(totals.borrowing)],
                [{ text: capital.grants }, moneyCell(totals.grants)],
                [{ text: capital.receipts }, moneyCell(totals.receipts)],
                [{ text: capital.revenueContributions }, moneyCell(totals.revenueContributions)],
                [{ text: capital.totalFunding }, moneyCell(totals.funding)],
              ]
            : [],
        },
      ],
    });
  });

  async function renderNewScheme(
    reply: FastifyReply,
    caller: Caller,
    values: Values = {},
    errors?: FormErrors,
    status = 200,
  ) {
    const units = await services.costCentres.unitChoices(caller);
    if (units.length === 0) return forbiddenPage(reply);
    return reply.render(
      'pages/money/programme-form.njk',
      {
        title: words_().newSchemeTitle,
        backLink: paths.capital(),
        action: paths.newCapitalScheme(),
        formTitle: capital.theScheme,
        submit: capital.addSchemeButton,
        values,
        errors,
        fields: [
          { name: 'code', label: page.code, hint: capital.codeHint, classes: 'govuk-input--width-10' },
          { name: 'name', label: page.name },
          {
            name: 'unitId',
            label: page.unitOwning,
            type: 'select',
            items: [
              { value: '', text: page.selectUnit },
              ...units.map((unit) => ({ value: unit.id, text: unit.name, selected: unit.id === values.unitId })),
            ],
          },
        ],
      },
      status,
    );
  }

  app.get(paths.newCapitalScheme(), { config: edit }, async (request, reply) =>
    renderNewScheme(reply, request.caller()),
  );

  app.post(paths.newCapitalScheme(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const values = stringValues(request.body);
    const form = parseForm(schemeInput, values);
    if (!form.ok) return renderNewScheme(reply, caller, values, form.errors, 400);
    const result = await services.capital.createScheme(caller, form.value);
    if (!result.ok) {
      return renderNewScheme(
        reply,
        caller,
        values,
        formErrorsFrom(result.error),
        result.error.code === 'forbidden' ? 403 : 400,
      );
    }
    return reply
      .flash(fill(words_().schemeAdded, { code: form.value.code }))
      .redirect(`${paths.capitalScheme(result.value.id)}`);
  });

  // An unreadable ?year= is not found (null), not the default year.
  const schemeYear = (query: unknown) => {
    const year = yearOf(query);
    return year === undefined ? services.reserves.defaultYear() : year;
  };

  const schemeForm: YearForm = {
    yearFrom: schemeYear,
    withId: true,
    render: (reply, caller, id, year, form) => renderSchemePage(reply, services, caller, id!, year, { figures: form }),
    save: (caller, id, year, values) => services.capital.saveYear(caller, id!, year, values),
    saved: (year, id) => ({
      flash: fill(words_().schemeSaved, { year: financialYearLabel(year) }),
      to: `${paths.capitalScheme(id!)}?year=${year}`,
    }),
  };
  app.get(paths.capitalScheme(), { config: view }, yearFormGet(schemeForm));
  app.post(paths.capitalScheme(), { config: edit }, yearFormPost(schemeForm));

  const importForm = z
    .object({
      file: z.preprocess(
        (value) => (Buffer.isBuffer(value) && value.length > 0 ? value : undefined),
        z.instanceof(Buffer).optional(),
      ),
      csv: z.preprocess((value) => (typeof value === 'string' ? value.trim() : ''), z.string()),
      action: z.enum(['check', 'import']).default('check'),
    })
    .refine((form) => form.file !== undefined || form.csv !== '', {
      message: phraseText('moneyRefusals.chooseFile'),
      path: ['file'],
    });

  function renderImport(
    reply: FastifyReply,
    options: {
      values?: Values;
      errors?: FormErrors;
      report?: { line: number; column: string; message: string }[];
      status?: number;
    } = {},
  ) {
    return reply.render(
      'pages/money/capital-import.njk',
      {
        title: words_().capitalImportTitle,
        backLink: paths.capital(),
        columns: Object.values(CAPITAL_COLUMNS),
        values: options.values ?? {},
        errors: options.errors,
        reportRows: (options.report ?? []).map((error) => [
          { text: String(error.line) },
          { text: error.column || page.importRow },
          { text: sayStored(error.message) },
        ]),
      },
      options.status,
    );
  }

  app.get(paths.capitalImport(), { config: edit }, async (_request, reply) => renderImport(reply));

  app.post(paths.capitalImport(), { config: edit }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { csv: typeof body.csv === 'string' ? body.csv : '' };
    const form = parseForm(importForm, body);
    if (!form.ok) return renderImport(reply, { values, errors: form.errors, status: 400 });
    const bytes = form.value.file ?? Buffer.from(form.value.csv, 'utf8');
    const isXlsx = bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
    const result = await services.capital.importProgramme(request.caller(), bytes, {
      format: isXlsx ? 'xlsx' : 'csv',
      dryRun: form.value.action !== 'import',
      fileName: form.value.file ? page.uploadedFile : page.pastedCsv,
    });
    if (!result.ok) {
      return renderImport(reply, {
        values,
        errors: formErrorsFrom({ ...result.error, field: form.value.file ? 'file' : 'csv' }),
        status: result.error.code === 'forbidden' ? 403 : 400,
      });
    }
    const report = result.value;
    if (report.errors.length > 0) {
      const count = report.errors.length;
      const text = count === 1 ? words.money.importProblem : fill(words.money.importProblems, { count });
      return renderImport(reply, {
        values,
        errors: { summary: [{ text, href: '#problems' }], fields: {} },
        report: report.errors,
        status: 400,
      });
    }
    if (!report.written)
      return reply.flash(fill(words.money.checked, { rows: report.rows })).redirect(paths.capitalImport());
    return reply
      .flash(fill(words_().capitalImported, { rows: report.rows, created: report.created, updated: report.updated }))
      .redirect(paths.capital());
  });
}
