import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem, sendProblem } from '../../../platform/http/problem.ts';
import { phraseText } from '../../../kernel/phrase.ts';
import { sayStored, words } from '../../../platform/words/index.ts';
import { problemResponses } from '../../../platform/http/schemas.ts';
import { amount, decimal } from './amount.ts';
import { costCentreInput } from '../cost-centres.service.ts';
import { AMOUNT_FIELDS, type AmountField } from '../domain/budget-line.ts';
import type { Totals } from '../domain/revenue-summary.ts';
import { BANDS, bandsInput, checkBands } from '../domain/variance.ts';
import type { MoneyServices } from '../services.ts';

const view = { access: { permission: 'view:money' } } as const;
const edit = { access: { permission: 'edit:money' } } as const;

const figuresShape = Object.fromEntries(AMOUNT_FIELDS.map((field) => [field, amount.nullable()])) as Record<
  AmountField,
  z.ZodNullable<typeof amount>
>;
const totalsSchema = z
  .object({
    ...figuresShape,
    revisedBudget: amount,
    variance: amount,
    variancePercent: z.number().nullable(),
    varianceBeforeAction: amount,
    band: z.enum(BANDS),
    explanationRequired: z.boolean(),
  })
  .meta({ id: 'MoneyTotals', description: 'Net amounts; variance is the latest forecast less the revised budget' });

function totalsOut(totals: Totals) {
  const figures = Object.fromEntries(
    AMOUNT_FIELDS.map((field) => [field, totals[field] === null ? null : decimal(totals[field])]),
  ) as Record<AmountField, string | null>;
  return {
    ...figures,
    revisedBudget: decimal(totals.revisedBudget),
    variance: decimal(totals.variance),
    variancePercent: totals.variancePercent,
    varianceBeforeAction: decimal(totals.varianceBeforeAction),
    band: totals.band,
    explanationRequired: totals.explanationRequired,
  };
}

const costCentreSchema = z
  .object({ id: z.uuid(), code: z.string(), name: z.string(), unitId: z.uuid(), unitName: z.string() })
  .meta({ id: 'CostCentre' });

const periodParams = z.object({
  id: z.uuid(),
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .meta({ description: 'The year the financial year starts in: 2025 for 2025/26' }),
  period: z.coerce.number().int().min(1).max(12).meta({ description: '1 (April) to 12 (March)' }),
});

const lineBody = z
  .object({
    ...Object.fromEntries(AMOUNT_FIELDS.map((field) => [field, z.string().optional()])),
    explanation: z.string().max(2000).optional(),
  })
  .meta({
    id: 'BudgetLineInput',
    description: 'Amounts in pounds and pence as strings ("1234.56"); at most two decimals',
  });

const bandsSchema = z
  .object({ amberOverPercent: z.number(), redOverPercent: z.number() })
  .meta({ id: 'VarianceBands' });

const importReportSchema = z
  .object({
    written: z.boolean(),
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    errors: z.array(z.object({ line: z.number().int(), column: z.string(), message: z.string() })),
  })
  .meta({ id: 'RevenueImportReport' });

export async function moneyApi(app: FastifyInstance, { services }: { services: MoneyServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Money'];

  api.get(
    '/money/cost-centres',
    {
      config: view,
      schema: {
        tags,
        summary: 'List the cost centres whose budgets you may read',
        response: { 200: z.array(costCentreSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.costCentres.list(request.caller());
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/money/cost-centres',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add a cost centre owned by a unit',
        body: costCentreInput,
        response: { 201: z.object({ id: z.uuid() }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.costCentres.create(request.caller(), request.body);
      return result.ok ? reply.code(201).send(result.value) : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/money/revenue-summary',
    {
      config: view,
      schema: {
        tags,
        summary: 'The revenue budget position by directorate, unit and cost centre for a period',
        description:
          'year: the year the financial year starts in (2025 for 2025/26); period: 1 (April) to 12 (March). Both default to the latest period with figures.',
        querystring: z.object({
          year: periodParams.shape.year.optional(),
          period: periodParams.shape.period.optional(),
        }),
        response: {
          200: z
            .object({
              year: z.number().int(),
              period: z.number().int(),
              bands: bandsSchema,
              totals: totalsSchema,
              directorates: z.array(
                z.object({
                  id: z.uuid(),
                  name: z.string(),
                  totals: totalsSchema,
                  units: z.array(
                    z.object({
                      id: z.uuid(),
                      name: z.string(),
                      totals: totalsSchema,
                      costCentres: z.array(
                        z.object({
                          id: z.uuid(),
                          code: z.string(),
                          name: z.string(),
                          explanation: z.string(),
                          totals: totalsSchema,
                        }),
                      ),
                    }),
                  ),
                }),
              ),
            })
            .meta({ id: 'RevenueSummary' }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const result = await services.revenue.summary(request.caller(), {
        startYear: request.query.year,
        month: request.query.period,
      });
      if (!result.ok) return sendProblem(reply, result.error);
      const { period, bands, summary } = result.value;
      return {
        year: period.startYear,
        period: period.month,
        bands: { amberOverPercent: bands.amberOverBasisPoints / 100, redOverPercent: bands.redOverBasisPoints / 100 },
        totals: totalsOut(summary.totals),
        directorates: summary.directorates.map((d) => ({
          id: d.directorate.id,
          name: d.directorate.name,
          totals: totalsOut(d.totals),
          units: d.units.map((u) => ({
            id: u.unit.id,
            name: u.unit.name,
            totals: totalsOut(u.totals),
            costCentres: u.costCentres.map((c) => ({
              id: c.line.costCentreId,
              code: c.line.costCentreCode,
              name: c.line.costCentreName,
              explanation: c.line.explanation,
              totals: totalsOut(c.totals),
            })),
          })),
        })),
      };
    },
  );

  api.get(
    '/money/cost-centres/:id/budget-lines/:year/:period',
    {
      config: view,
      schema: {
        tags,
        summary: 'One cost centre’s budget line for a period',
        params: periodParams,
        response: {
          200: z.object({ costCentre: costCentreSchema, explanation: z.string(), totals: totalsSchema }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { id, year, period } = request.params;
      const result = await services.revenue.line(request.caller(), id, { startYear: year, month: period });
      if (!result.ok) return sendProblem(reply, result.error);
      if (!result.value.line)
        return sendProblem(reply, { code: 'not_found', message: phraseText('moneyRefusals.noLineForPeriod') });
      return {
        costCentre: result.value.costCentre,
        explanation: result.value.line.explanation,
        totals: totalsOut(result.value.line),
      };
    },
  );

  api.put(
    '/money/cost-centres/:id/budget-lines/:year/:period',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Set a cost centre’s budget line for a period (the same checks as the import)',
        params: periodParams,
        body: lineBody,
        response: { 200: z.object({ id: z.uuid() }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { id, year, period } = request.params;
      const result = await services.revenue.saveLine(
        request.caller(),
        id,
        { startYear: year, month: period },
        request.body,
      );
      if (result.ok) return result.value;
      const status = { invalid: 400, not_found: 404, forbidden: 403 }[result.error.code];
      return reply
        .code(status)
        .type('application/problem+json')
        .send(
          problem(status, sayStored(result.error.message), {
            code: result.error.code,
            errors: result.error.errors.map((each) => ({ ...each, message: sayStored(each.message) })),
          }),
        );
    },
  );

  api.post(
    '/money/revenue-imports',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Import the finance system’s extract as CSV text; nothing is written if any row fails',
        body: z.object({ csv: z.string().min(1), dryRun: z.boolean().default(false) }),
        response: { 200: importReportSchema, 422: importReportSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.revenueImport.importExtract(
        request.caller(),
        Buffer.from(request.body.csv, 'utf8'),
        {
          format: 'csv',
          dryRun: request.body.dryRun,
          fileName: words.moneyPage.apiImport,
        },
      );
      if (!result.ok) return sendProblem(reply, result.error);
      const report = result.value;
      return reply.code(report.errors.length > 0 ? 422 : 200).send({
        ...report,
        errors: report.errors.map((each) => ({ ...each, message: sayStored(each.message) })),
      });
    },
  );

  api.get(
    '/money/variance-bands',
    {
      config: view,
      schema: { tags, summary: 'The council’s variance bands', response: { 200: bandsSchema, ...problemResponses } },
    },
    async (request) => {
      const bands = await services.revenue.bands(request.caller());
      return { amberOverPercent: bands.amberOverBasisPoints / 100, redOverPercent: bands.redOverBasisPoints / 100 };
    },
  );

  api.put(
    '/money/variance-bands',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Set the council’s variance bands',
        body: bandsInput,
        response: { 200: bandsSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const bands = checkBands(request.body);
      if (!bands.ok) return sendProblem(reply, bands.error);
      const result = await services.revenue.saveBands(request.caller(), bands.value);
      if (!result.ok) return sendProblem(reply, result.error);
      return {
        amberOverPercent: result.value.amberOverBasisPoints / 100,
        redOverPercent: result.value.redOverBasisPoints / 100,
      };
    },
  );
}
