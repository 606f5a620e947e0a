import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { type MeasureFilters, NO_FILTERS } from '../domain/index.ts';
import type { PerformanceServices } from '../services.ts';
import { dashboardSchema } from './performance.api.ts';
import { phraseText } from '../../../kernel/phrase.ts';

/** The dashboard of one level: the corporate shape plus whose it is and which quarter it reads. */
const levelDashboardSchema = dashboardSchema
  .extend({
    scope: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('council') }),
      z.object({ kind: z.literal('unit'), id: z.uuid() }),
      z.object({ kind: z.literal('portfolio'), id: z.uuid() }),
      z.object({ kind: z.literal('body'), id: z.uuid() }),
      z.object({ kind: z.literal('mine') }),
    ]),
    scopeName: z.string().nullable().meta({ description: "The unit's, portfolio's or body's name" }),
    holderName: z.string().nullable().meta({ description: "A portfolio's holder" }),
    period: z.string().nullable().meta({ description: 'The quarter chosen, or null for the latest reported periods' }),
  })
  .meta({ id: 'LevelDashboard' });

const periodQuery = z.object({
  period: z
    .string()
    .regex(/^\d{4}-\d{2}-Q[1-4]$/, { message: phraseText('apiInputs.quarter') })
    .optional()
    .meta({
      description:
        'A quarter that has ended (such as 2025-26-Q2): every measure read as reported at its end. Default: the latest reported periods',
    }),
});

/**
 * The dashboards of every level as JSON, beside the pages of web/level-views.routes.ts: the same
 * service function with the same scope, so the same access (view:plans, and for a unit the right
 * to see plans there; another council's unit, portfolio or body is not found).
 */
export async function levelViewsApi(app: FastifyInstance, { services }: { services: PerformanceServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Performance'];
  const view = { access: { permission: 'view:plans' } } as const;
  const response = { 200: levelDashboardSchema, ...problemResponses };

  const dashboardFor = (caller: Caller, scope: Partial<MeasureFilters>, period: string | undefined) =>
    services.performanceViews.dashboard(caller, undefined, { ...NO_FILTERS, ...scope, period: period ?? null });

  const scoped = [
    { path: '/performance/units/:id/dashboard', key: 'unitId', what: 'a unit and every unit under it' },
    { path: '/performance/portfolios/:id/dashboard', key: 'portfolioId', what: "a portfolio (a cabinet member's)" },
    { path: '/performance/bodies/:id/dashboard', key: 'bodyId', what: "a governance body's remit" },
  ] as const;
  for (const { path, key, what } of scoped) {
    api.get(
      path,
      {
        config: view,
        schema: {
          tags,
          summary: `The dashboard of ${what}`,
          description:
            'Counts by RAG, broken down by the units below, key measures and the worst performers, read from stored statuses, as the page shows them.',
          params: idParams,
          querystring: periodQuery,
          response,
        },
      },
      async (request, reply) => {
        const result = await dashboardFor(request.caller(), { [key]: request.params.id }, request.query.period);
        return result.ok ? result.value : sendProblem(reply, result.error);
      },
    );
  }

  api.get(
    '/performance/mine/dashboard',
    {
      config: view,
      schema: {
        tags,
        summary: 'The dashboard of the measures the caller owns, enters or approves',
        querystring: periodQuery,
        response,
      },
    },
    async (request, reply) => {
      const result = await dashboardFor(request.caller(), { mine: true }, request.query.period);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );
}
