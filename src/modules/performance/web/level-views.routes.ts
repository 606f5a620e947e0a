import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import type { DomainError } from '../../../kernel/result.ts';
import { paths } from '../../../kernel/paths.ts';
import { writeCsv } from '../../../platform/files/csv.ts';
import { idParam } from '../../../platform/http/params.ts';
import { sayStored, words } from '../../../platform/words/index.ts';
import { type MeasureFilters, NO_FILTERS, OVERDUE_SORTS, type OverdueSort, parseFilters } from '../domain/index.ts';
import type { PerformanceServices } from '../services.ts';
import { CHASE_RETURNS } from '../measure-views.service.ts';
import { dashboardView } from './performance.presenter.ts';
import { levelOf, measureListView, overdueCsv, overdueView } from './level-views.presenter.ts';

const view = { access: { permission: 'view:plans' } } as const;
const chase = { access: { permission: CHASE_RETURNS } } as const;

type Query = Record<string, unknown>;
const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Query;

function sortOf(query: Query): OverdueSort {
  const sort = typeof query.sort === 'string' ? query.sort : '';
  return (OVERDUE_SORTS as readonly string[]).includes(sort) ? (sort as OverdueSort) : 'days';
}

/**
 * The views for every level: one dashboard page for the council, a unit, a portfolio, a body's
 * remit and "mine" (each a filter of the one service function), the measure list every count links
 * to, and the overdue returns with their CSV. Filters live in the query string, so every view is a
 * link and works without JavaScript.
 */
export async function levelViewsRoutes(app: FastifyInstance, { services }: { services: PerformanceServices }) {
  function refusalPage(reply: FastifyReply, error: DomainError) {
    if (error.code === 'not_found') return reply.callNotFound();
    if (error.code === 'forbidden') return reply.render('pages/errors/forbidden.njk', {}, 403);
    return reply.render('pages/errors/problem.njk', { detail: sayStored(error.message) }, STATUS_FOR[error.code]);
  }

  async function dashboardPage(request: FastifyRequest, reply: FastifyReply, scope: Partial<MeasureFilters>) {
    const { period } = parseFilters(queryOf(request));
    const result = await services.performanceViews.dashboard(request.caller(), undefined, {
      ...NO_FILTERS,
      ...scope,
      period,
    });
    if (!result.ok) return refusalPage(reply, result.error);
    const dashboard = result.value;
    // The dashboard is kept (dashboard.service): its content is rendered once per kept model.
    return reply.renderKept('pages/performance/dashboard.njk', dashboard, () => {
      const level = levelOf(dashboard);
      return {
        title: level.title,
        ...(dashboard.scope.kind === 'council' ? {} : { backLink: paths.performance() }),
        dashboard: dashboardView(dashboard),
        level,
      };
    });
  }

  app.get(paths.performance(), { config: view }, (request, reply) => dashboardPage(request, reply, {}));
  app.get(paths.performanceUnit(), { config: view }, (request, reply) =>
    dashboardPage(request, reply, { unitId: idParam(request).id }),
  );
  app.get(paths.performancePortfolio(), { config: view }, (request, reply) =>
    dashboardPage(request, reply, { portfolioId: idParam(request).id }),
  );
  app.get(paths.performanceBody(), { config: view }, (request, reply) =>
    dashboardPage(request, reply, { bodyId: idParam(request).id }),
  );
  app.get(paths.performanceMine(), { config: view }, (request, reply) => dashboardPage(request, reply, { mine: true }));

  app.get(paths.performanceMeasures(), { config: view }, async (request, reply) => {
    const result = await services.performanceViews.measureList(request.caller(), parseFilters(queryOf(request)));
    if (!result.ok) return refusalPage(reply, result.error);
    const list = result.value;
    return reply.renderKept('pages/performance/measures.njk', list, () => ({
      title: words.performancePages.titles.measures,
      backLink: paths.performance(),
      list: measureListView(list),
    }));
  });

  app.get(paths.overdueReturns(), { config: chase }, async (request, reply) => {
    const result = await services.performanceViews.overdueReturns(request.caller(), sortOf(queryOf(request)));
    if (!result.ok) return refusalPage(reply, result.error);
    return reply.render('pages/performance/overdue-returns.njk', {
      title: words.performancePages.titles.overdue,
      backLink: paths.performance(),
      overdue: overdueView(result.value),
    });
  });

  app.get(paths.overdueReturnsCsv(), { config: chase }, async (request, reply) => {
    const result = await services.performanceViews.overdueReturns(request.caller(), sortOf(queryOf(request)));
    if (!result.ok) return refusalPage(reply, result.error);
    const { headers, rows } = overdueCsv(result.value);
    return reply
      .header('content-disposition', `attachment; filename="overdue-returns-${result.value.asOf}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(writeCsv(headers, rows));
  });
}
