import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { formatMoney } from '../../../kernel/money.ts';
import { paths } from '../../../kernel/paths.ts';
import { phraseText } from '../../../kernel/phrase.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { fill, say, sayStored, words } from '../../../platform/words/index.ts';
import { costCentreInput } from '../cost-centres.service.ts';
import { AMOUNT_FIELDS, AMOUNT_LABELS, OPTIONAL_AMOUNTS } from '../domain/budget-line.ts';
import { periodLabel } from '../domain/financial-period.ts';
import { IMPORT_COLUMNS, TOTAL_ROW } from '../domain/revenue-import.ts';
import { bandsInput, checkBands } from '../domain/variance.ts';
import type { Period } from '../revenue.service.ts';
import type { MoneyServices } from '../services.ts';
import { capitalise } from './programme-helpers.ts';
import { presentSummary, summaryCsv } from './revenue.presenter.ts';

const view = { access: { permission: 'view:money' } } as const;
const edit = { access: { permission: 'edit:money' } } as const;

type Values = Record<string, string>;

function stringValues(input: unknown): Values {
  const values: Values = {};
  for (const [key, value] of Object.entries((input ?? {}) as Record<string, unknown>)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') values[key] = first;
  }
  return values;
}

/** ?year=2025&period=6: both optional on the summary (it opens on the latest period), required elsewhere. */
const periodQuery = z.object({
  year: z.coerce
    .number({ message: phraseText('moneyRefusals.chooseYear') })
    .int(phraseText('moneyRefusals.chooseYear'))
    .min(2000)
    .max(2100)
    .optional(),
  period: z.coerce
    .number({ message: phraseText('moneyRefusals.choosePeriod') })
    .int()
    .min(1, phraseText('moneyRefusals.choosePeriod'))
    .max(12, phraseText('moneyRefusals.choosePeriod'))
    .optional(),
});

const uuid = z.uuid();

const forbiddenPage = (reply: FastifyReply) => reply.code(403).render('pages/errors/forbidden.njk', {}, 403);
const notFoundPage = (reply: FastifyReply) => reply.code(404).render('pages/errors/not-found.njk', {}, 404);

/** The amounts' boxes, in the order finance reads a line. */
const AMOUNT_BOXES = AMOUNT_FIELDS.map((field) => ({
  field,
  label: capitalise(AMOUNT_LABELS[field]),
  optional: (OPTIONAL_AMOUNTS as readonly string[]).includes(field),
}));

export async function moneyRoutes(app: FastifyInstance, { services }: { services: MoneyServices }) {
  app.get(paths.money(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const values = stringValues(request.query);
    const query = parseForm(periodQuery, { year: values.year || undefined, period: values.period || undefined });
    const wanted = query.ok ? { startYear: query.value.year, month: query.value.period } : {};
    const result = await services.revenue.summary(caller, wanted);
    if (!result.ok) return result.error.code === 'forbidden' ? forbiddenPage(reply) : notFoundPage(reply);
    return reply.render(
      'pages/money/summary.njk',
      {
        ...presentSummary(result.value, { year: values.year ?? '', period: values.period ?? '' }),
        errors: query.ok ? undefined : query.errors,
        mayEdit: await mayEditAnywhere(caller),
      },
      query.ok ? 200 : 400,
    );
  });

  app.get(paths.moneyRevenueCsv(), { config: view }, async (request, reply) => {
    const query = periodQuery.safeParse(stringValues(request.query));
    if (!query.success)
      return reply.code(400).type('text/plain; charset=utf-8').send(words.moneyRefusals.chooseYearAndPeriod);
    const result = await services.revenue.summary(request.caller(), {
      startYear: query.data.year,
      month: query.data.period,
    });
    if (!result.ok) return forbiddenPage(reply);
    const { startYear, month } = result.value.period;
    return reply
      .header(
        'content-disposition',
        `attachment; filename="revenue-${startYear}-p${String(month).padStart(2, '0')}.csv"`,
      )
      .type('text/csv; charset=utf-8')
      .send(summaryCsv(result.value));
  });

  async function mayEditAnywhere(caller: Caller) {
    return caller.grants.length > 0 && (await services.costCentres.unitChoices(caller)).length > 0;
  }

  app.get(paths.costCentres(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const result = await services.costCentres.list(caller);
    if (!result.ok) return forbiddenPage(reply);
    return reply.render('pages/money/cost-centres.njk', {
      title: words.money.costCentresTitle,
      backLink: paths.money(),
      costCentres: result.value.map((centre) => ({ ...centre, href: paths.costCentreBudget(centre.id) })),
      mayEdit: await mayEditAnywhere(caller),
    });
  });

  async function renderNewCostCentre(
    reply: FastifyReply,
    caller: Caller,
    values: Values = {},
    errors?: FormErrors,
    status = 200,
  ) {
    const units = await services.costCentres.unitChoices(caller);
    if (units.length === 0) return forbiddenPage(reply);
    return reply.render(
      'pages/money/new-cost-centre.njk',
      {
        title: words.money.newCostCentreTitle,
        backLink: paths.costCentres(),
        values,
        errors,
        unitItems: [
          { value: '', text: words.moneyPage.selectUnit },
          ...units.map((unit) => ({ value: unit.id, text: unit.name, selected: unit.id === values.unitId })),
        ],
      },
      status,
    );
  }

  app.get(paths.newCostCentre(), { config: edit }, async (request, reply) =>
    renderNewCostCentre(reply, request.caller()),
  );

  app.post(paths.newCostCentre(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const values = stringValues(request.body);
    const form = parseForm(costCentreInput, values);
    if (!form.ok) return renderNewCostCentre(reply, caller, values, form.errors, 400);
    const result = await services.costCentres.create(caller, form.value);
    if (!result.ok) {
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return renderNewCostCentre(reply, caller, values, formErrorsFrom(result.error), status);
    }
    return reply.flash(fill(words.money.costCentreAdded, { code: form.value.code })).redirect(paths.costCentres());
  });

  /** The period of a budget line's page: from its query, or the current one. */
  function linePeriod(query: unknown): Period | null {
    const parsed = periodQuery.safeParse(stringValues(query));
    if (!parsed.success) return null;
    const current = services.revenue.currentPeriod();
    return { startYear: parsed.data.year ?? current.startYear, month: parsed.data.period ?? current.month };
  }

  async function renderLine(
    reply: FastifyReply,
    caller: Caller,
    id: string,
    period: Period,
    form?: { values: Values; errors: FormErrors },
  ) {
    if (!uuid.safeParse(id).success) return notFoundPage(reply);
    const result = await services.revenue.line(caller, id, period);
    if (!result.ok) return result.error.code === 'forbidden' ? forbiddenPage(reply) : notFoundPage(reply);
    const { costCentre, line, bands, mayEdit } = result.value;
    const stored: Values = {};
    if (line) {
      for (const field of AMOUNT_FIELDS) stored[field] = line[field] === null ? '' : formatMoney(line[field]);
      stored.explanation = line.explanation;
    }
    const label = say(periodLabel(period.startYear, period.month));
    return reply.render(
      'pages/money/budget-line.njk',
      {
        title: fill(words.money.lineTitle, { code: costCentre.code, name: costCentre.name, period: label }),
        backLink: `${paths.money()}?year=${period.startYear}&period=${period.month}`,
        costCentre,
        period,
        periodLabel: label,
        action: `${paths.costCentreBudget(costCentre.id)}?year=${period.startYear}&period=${period.month}`,
        line: line && {
          revisedBudget: formatMoney(line.revisedBudget),
          variance: formatMoney(line.variance),
          variancePercent:
            line.variancePercent === null ? words.moneyPage.noBudget : `${line.variancePercent.toFixed(2)}%`,
          varianceBeforeAction: formatMoney(line.varianceBeforeAction),
          band: line.band,
          explanation: line.explanation,
          amounts: AMOUNT_BOXES.map((box) => ({
            label: box.label,
            value: stored[box.field] || words.moneyPage.notGiven,
          })),
        },
        bandsRule: fill(words.money.bandsRule, {
          amber: bands.amberOverBasisPoints / 100,
          red: bands.redOverBasisPoints / 100,
        }),
        mayEdit,
        boxes: AMOUNT_BOXES,
        values: form?.values ?? stored,
        errors: form?.errors,
      },
      form ? 400 : 200,
    );
  }

  app.get(paths.costCentreBudget(), { config: view }, async (request, reply) => {
    const period = linePeriod(request.query);
    if (!period) return notFoundPage(reply);
    return renderLine(reply, request.caller(), (request.params as { id: string }).id, period);
  });

  app.post(paths.costCentreBudget(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const id = (request.params as { id: string }).id;
    const period = linePeriod(request.query);
    if (!period || !uuid.safeParse(id).success) return notFoundPage(reply);
    const values = stringValues(request.body);
    const result = await services.revenue.saveLine(caller, id, period, values);
    if (!result.ok) {
      if (result.error.code === 'not_found') return notFoundPage(reply);
      if (result.error.code === 'forbidden') return forbiddenPage(reply);
      const errors: FormErrors = { summary: [], fields: {} };
      for (const error of result.error.errors) {
        const field = error.field || 'form';
        if (errors.fields[field]) continue;
        const text = sayStored(error.message);
        errors.fields[field] = { text };
        errors.summary.push({ text, href: `#${field}` });
      }
      if (errors.summary.length === 0) errors.summary.push({ text: sayStored(result.error.message), href: '#form' });
      return renderLine(reply, caller, id, period, { values, errors });
    }
    const label = say(periodLabel(period.startYear, period.month));
    const centre = await services.revenue.line(caller, id, period);
    return reply
      .flash(fill(words.money.lineSaved, { code: centre.ok ? centre.value.costCentre.code : '', period: label }))
      .redirect(`${paths.costCentreBudget(id)}?year=${period.startYear}&period=${period.month}`);
  });

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

  const isXlsx = (bytes: Buffer) =>
    bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

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
      'pages/money/import.njk',
      {
        title: words.money.importTitle,
        backLink: paths.money(),
        columns: Object.values(IMPORT_COLUMNS),
        totalRow: TOTAL_ROW,
        values: options.values ?? {},
        errors: options.errors,
        reportRows: (options.report ?? []).map((error) => [
          { text: String(error.line) },
          { text: error.column || words.moneyPage.importRow },
          { text: sayStored(error.message) },
        ]),
      },
      options.status,
    );
  }

  app.get(paths.moneyImport(), { config: edit }, async (_request, reply) => renderImport(reply));

  app.post(paths.moneyImport(), { config: edit }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { csv: typeof body.csv === 'string' ? body.csv : '' };
    const form = parseForm(importForm, body);
    if (!form.ok) return renderImport(reply, { values, errors: form.errors, status: 400 });
    const bytes = form.value.file ?? Buffer.from(form.value.csv, 'utf8');
    const result = await services.revenueImport.importExtract(request.caller(), bytes, {
      format: isXlsx(bytes) ? 'xlsx' : 'csv',
      dryRun: form.value.action !== 'import',
      fileName: form.value.file ? words.moneyPage.uploadedFile : words.moneyPage.pastedCsv,
    });
    if (!result.ok) {
      const field = form.value.file ? 'file' : 'csv';
      return renderImport(reply, {
        values,
        errors: formErrorsFrom({ ...result.error, field }),
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
    if (!report.written) {
      return reply.flash(fill(words.money.checked, { rows: report.rows })).redirect(paths.moneyImport());
    }
    return reply
      .flash(fill(words.money.imported, { rows: report.rows, created: report.created, updated: report.updated }))
      .redirect(paths.money());
  });

  async function renderBands(reply: FastifyReply, caller: Caller, values?: Values, errors?: FormErrors, status = 200) {
    const bands = await services.revenue.bands(caller);
    return reply.render(
      'pages/money/variance-bands.njk',
      {
        title: words.money.bandsTitle,
        backLink: paths.money(),
        action: paths.varianceBands(),
        values: values ?? {
          amberOverPercent: String(bands.amberOverBasisPoints / 100),
          redOverPercent: String(bands.redOverBasisPoints / 100),
        },
        errors,
      },
      status,
    );
  }

  app.get(paths.varianceBands(), { config: edit }, async (request, reply) => renderBands(reply, request.caller()));

  app.post(paths.varianceBands(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const values = stringValues(request.body);
    const form = parseForm(bandsInput, values);
    if (!form.ok) return renderBands(reply, caller, values, form.errors, 400);
    const bands = checkBands(form.value);
    if (!bands.ok) return renderBands(reply, caller, values, formErrorsFrom(bands.error), 400);
    const result = await services.revenue.saveBands(caller, bands.value);
    if (!result.ok)
      return renderBands(reply, caller, values, formErrorsFrom({ ...result.error, field: 'amberOverPercent' }), 403);
    return reply.flash(words.money.bandsSaved).redirect(paths.money());
  });
}
