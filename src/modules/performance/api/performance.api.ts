import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OFFICIAL_FROM } from '../../../kernel/measurement/official.ts';
import type { PerformanceServices } from '../services.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';
import { phraseText } from '../../../kernel/phrase.ts';

const ragStatus = z.enum(['red', 'amber', 'green', 'no-data', 'overdue', 'no-target']);

const countsSchema = z
  .object({
    green: z.number().int(),
    amber: z.number().int(),
    red: z.number().int(),
    noData: z.number().int(),
    overdue: z.number().int(),
    noTarget: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'StatusCounts' });

const contributorSchema = z
  .object({
    kind: z.enum(['measure', 'item', 'action', 'project']),
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    status: ragStatus,
    statusText: z.string(),
    reason: z.string(),
    key: z.boolean(),
    periodLabel: z.string().nullable(),
    /** Where an action or project is read (measures and items have their own pages by id). */
    href: z.string().optional(),
  })
  .meta({ id: 'RollupContributor' });

interface RollupOut {
  kind: 'item' | 'plan';
  id: string;
  code: string | null;
  title: string;
  status: z.infer<typeof ragStatus>;
  statusText: string;
  reason: string;
  counts: z.infer<typeof countsSchema>;
  countsText: string;
  ruleText: string;
  contributors: z.infer<typeof contributorSchema>[];
  children: RollupOut[];
}

const rollupSchema: z.ZodType<RollupOut> = z
  .object({
    kind: z.enum(['item', 'plan']),
    id: z.uuid(),
    code: z.string().nullable(),
    title: z.string(),
    status: ragStatus,
    statusText: z.string(),
    reason: z.string(),
    counts: countsSchema,
    countsText: z.string().meta({ description: "For example '12 green, 3 amber, 1 red, 2 no data'" }),
    ruleText: z.string(),
    contributors: z.array(contributorSchema),
    get children() {
      return z.array(rollupSchema);
    },
  })
  .meta({ id: 'Rollup' });

const measureEntrySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    isKey: z.boolean(),
    unitName: z.string().nullable(),
    periodKey: z.string(),
    periodLabel: z.string(),
    status: ragStatus,
    statusText: z.string(),
    reason: z.string(),
    value: z.string().nullable(),
    target: z.string().nullable(),
    direction: z.string().nullable(),
    directionText: z.string(),
    variationIcon: z.string().nullable(),
    variationText: z.string(),
    assurance: z.string().nullable(),
    assuranceText: z.string(),
    forecastProbability: z.number().nullable(),
    commentary: z
      .string()
      .nullable()
      .meta({ description: 'The commentary of a red or amber figure: why it is off target and what is being done' }),
  })
  .meta({ id: 'DashboardMeasure' });

export const dashboardSchema = z
  .object({
    asOf: z.string(),
    periods: z.array(
      z.object({ frequency: z.string(), periodKey: z.string(), periodLabel: z.string(), measures: z.number().int() }),
    ),
    overall: z.object({ counts: countsSchema, countsText: z.string() }),
    byUnit: z.array(
      z.object({ unitId: z.uuid().nullable(), unitName: z.string(), counts: countsSchema, countsText: z.string() }),
    ),
    keyMeasures: z.array(measureEntrySchema),
    worstPerformers: z.array(measureEntrySchema),
    corporatePlan: z.object({ id: z.uuid(), title: z.string(), priorities: z.array(rollupSchema) }).nullable(),
    notComputed: z.number().int(),
  })
  .meta({ id: 'PerformanceDashboard' });

const directionSchema = z.object({ direction: z.string(), text: z.string(), reason: z.string() });

const measurePerformanceSchema = z
  .object({
    measure: z.object({
      id: z.uuid(),
      code: z.string(),
      title: z.string(),
      unit: z.string(),
      polarity: z.string(),
      frequency: z.string(),
      isKey: z.boolean(),
    }),
    asOf: z.string(),
    period: z.object({ key: z.string(), label: z.string() }),
    status: z.object({
      rag: ragStatus,
      ragText: z.string(),
      reason: z.string(),
      value: z.string().nullable(),
      target: z.string().nullable(),
      basis: z.enum(['period', 'year-to-date']),
      directionPrevious: directionSchema,
      directionLastYear: directionSchema,
      yearToDate: z.object({
        value: z.string().nullable(),
        target: z.string().nullable(),
        rag: ragStatus,
        ragText: z.string(),
        reason: z.string(),
        explanation: z.string(),
        partialYear: z.boolean(),
      }),
    }),
    spc: z.object({
      variationIcon: z.string(),
      variationText: z.string(),
      assuranceIcon: z.string(),
      assuranceText: z.string(),
      assuranceReason: z.string(),
      trialLimits: z.boolean(),
      warnings: z.array(z.string()),
      pointsCharted: z.number().int(),
      table: z.array(
        z.object({
          periodKey: z.string(),
          periodLabel: z.string(),
          value: z.string(),
          target: z.string().nullable(),
          mean: z.string(),
          lowerLimit: z.string().nullable(),
          upperLimit: z.string().nullable(),
          type: z.string(),
          pointType: z.string(),
          rules: z.array(z.string()).meta({ description: 'Every special-cause rule that flagged the point' }),
          rulesText: z.string(),
        }),
      ),
    }),
    interpretation: z.object({ category: z.string(), message: z.string() }),
    officialFrom: z
      .enum(OFFICIAL_FROM)
      .meta({ description: 'The sign-off status from which the council counts a figure as official' }),
    notYetOfficial: z
      .array(
        z.object({
          periodKey: z.string(),
          periodLabel: z.string(),
          value: z.string().nullable(),
          status: z.object({ text: z.string(), classes: z.string() }),
        }),
      )
      .meta({ description: 'Figures entered but not yet official, newest first: left out of every reading above' }),
    figures: z
      .array(
        z.object({
          periodKey: z.string(),
          periodLabel: z.string(),
          value: z.string().nullable(),
          target: z.string().nullable(),
          rag: ragStatus,
          ragText: z.string(),
          direction: z.string(),
          directionText: z.string(),
          quality: z.string(),
          qualityText: z.string(),
          signOff: z.object({ text: z.string(), classes: z.string() }),
          official: z.boolean(),
          marked: z.boolean().meta({ description: 'Not yet official, or estimated or provisional' }),
          commentary: z.string(),
        }),
      )
      .meta({
        description:
          'Every figure entered (the latest 24), newest first, official or not, with its target, RAG, direction, quality, sign-off and commentary',
      }),
    forecast: z
      .object({
        yearLabel: z.string(),
        method: z.string(),
        methodText: z.string(),
        methodReason: z.string(),
        outturn: z.string().nullable(),
        interval: z.object({ level: z.number(), lower: z.string(), upper: z.string() }).nullable(),
        probabilityOfMeetingTarget: z.number().nullable(),
        probabilityText: z.string().nullable(),
        backTestMape: z.number().nullable(),
        trustText: z.string(),
        explanation: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'MeasurePerformance' });

const healthSchema = z
  .object({
    asOf: z.string(),
    appetite: z.record(z.string(), z.number().nullable()),
    rules: z.array(z.object({ id: z.string(), name: z.string(), rule: z.string() })),
    units: z.array(
      z.object({
        unitId: z.uuid().nullable(),
        unit: z.string(),
        periodLabel: z.string(),
        outsideAppetite: z.number().int(),
        summary: z.string(),
        indicators: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            met: z.number().int(),
            total: z.number().int(),
            value: z.number().nullable(),
            appetite: z.number().nullable(),
            position: z.enum(['within', 'outside', 'no-data', 'no-appetite']),
            words: z.string(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'FrameworkHealth' });

const rollupQuery = z.object({
  rule: z
    .enum(['worst-of', 'majority', 'weighted-score'], { message: phraseText('apiInputs.rollupMethod') })
    .optional()
    .meta({
      description:
        "What-if: how statuses combine, for this answer only. Default: the council's stored rule (GET /api/v1/settings/performance)",
    }),
});

const share = z.coerce
  .number({ message: phraseText('apiInputs.share') })
  .min(0, { message: phraseText('apiInputs.share') })
  .max(1, { message: phraseText('apiInputs.share') })
  .optional();

const healthQuery = z.object({
  objectivesAppetite: share.meta({
    description:
      "What-if risk appetite for objectives on target. Default: the council's stored appetite (0.9 unless set)",
  }),
  targetsAppetite: share.meta({
    description:
      "What-if risk appetite for key targets projected to be achieved. Default: the council's stored appetite (0.75 unless set)",
  }),
});

export async function performanceApi(app: FastifyInstance, { services }: { services: PerformanceServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Performance'];
  const view = { access: { permission: 'view:plans' } } as const;
  const settingsOf = (query: z.infer<typeof rollupQuery>) => (query.rule ? { rule: { kind: query.rule } } : {});

  api.get(
    '/performance/dashboard',
    {
      config: view,
      schema: {
        tags,
        summary: 'The corporate dashboard for the current period',
        description:
          'Counts by RAG across the organisation and per directorate, key measures, the worst performers and the corporate plan priorities with their roll-up. Read from stored statuses.',
        querystring: rollupQuery,
        response: { 200: dashboardSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.performanceViews.dashboard(request.caller(), settingsOf(request.query));
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/performance/health',
    {
      config: view,
      schema: {
        tags,
        summary: 'Framework health per unit for the current period',
        querystring: healthQuery,
        response: { 200: healthSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const appetite = {
        ...(request.query.objectivesAppetite !== undefined
          ? { 'objectives-on-target': request.query.objectivesAppetite }
          : {}),
        ...(request.query.targetsAppetite !== undefined
          ? { 'targets-projected-achieved': request.query.targetsAppetite }
          : {}),
      };
      const result = await services.performanceViews.frameworkHealth(request.caller(), appetite);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/measures/:id/performance',
    {
      config: view,
      schema: {
        tags,
        summary: "A measure's performance: status, SPC table, interpretation and forecast",
        description:
          'Data only: the SPC table holds every charted point with its mean, process limits, target and the rules that flagged it. The server-rendered chart (the former spc.chartSvg field) is no longer returned; the measure page draws it from the same data.',
        params: idParams,
        response: { 200: measurePerformanceSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.performanceViews.measurePerformance(request.caller(), request.params.id);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/items/:id/rollup',
    {
      config: view,
      schema: {
        tags,
        summary: "A plan item's status rolled up from its measures and child items",
        params: idParams,
        querystring: rollupQuery,
        response: { 200: rollupSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.performanceViews.itemRollup(
        request.caller(),
        request.params.id,
        settingsOf(request.query),
      );
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/plans/:id/rollup',
    {
      config: view,
      schema: {
        tags,
        summary: "A plan's status rolled up from its top-level items",
        params: idParams,
        querystring: rollupQuery,
        response: { 200: rollupSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.performanceViews.planRollup(
        request.caller(),
        request.params.id,
        settingsOf(request.query),
      );
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );
}
