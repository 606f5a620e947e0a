import type { FastifyInstance, FastifyReply } from 'fastify';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import type { DomainError } from '../../../kernel/result.ts';
import type { PerformanceServices } from '../services.ts';
import { paths } from '../../../kernel/paths.ts';
import { healthView } from './performance.presenter.ts';
import { sayStored, words } from '../../../platform/words/index.ts';

const view = { access: { permission: 'view:plans' } } as const;

/** Framework health: it reads stored statuses, never recomputes (the dashboards are in level-views.routes.ts). */
export async function performanceRoutes(app: FastifyInstance, { services }: { services: PerformanceServices }) {
  function refusalPage(reply: FastifyReply, error: DomainError) {
    if (error.code === 'not_found') return reply.callNotFound();
    if (error.code === 'forbidden') return reply.render('pages/errors/forbidden.njk', {}, 403);
    return reply.render('pages/errors/problem.njk', { detail: sayStored(error.message) }, STATUS_FOR[error.code]);
  }

  app.get(paths.performanceHealth(), { config: view }, async (request, reply) => {
    const result = await services.performanceViews.frameworkHealth(request.caller());
    if (!result.ok) return refusalPage(reply, result.error);
    return reply.render('pages/performance/health.njk', {
      title: words.performancePages.titles.health,
      backLink: paths.performance(),
      health: healthView(result.value),
    });
  });
}
