import type { FastifyInstance } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import type { HomeServices } from '../services.ts';

/** The home page (what waits for me), the health check for machines and the status page for people. */
export async function homeRoutes(app: FastifyInstance, { services }: { services: HomeServices }) {
  app.get(paths.home(), { config: { access: 'public' } }, async (request, reply) => {
    const principal = request.principal;
    if (principal.kind !== 'person') return reply.render('pages/home/index.njk', {});
    const [organisationName, awaitingApproval] = await Promise.all([
      services.organisations.nameOf(principal.organisationId),
      services.plans.awaitingMyApproval(principal),
    ]);
    return reply.render('pages/home/index.njk', { organisationName, awaitingApproval });
  });

  app.get(paths.health(), { config: { access: 'public' } }, async (_request, reply) => {
    const healthy = await services.organisations.ping();
    return reply.code(healthy ? 200 : 503).send({ status: healthy ? 'ok' : 'database unavailable' });
  });

  app.get(paths.status(), { config: { access: 'public' } }, async (_request, reply) => {
    const healthy = await services.organisations.ping();
    return reply.render('pages/home/status.njk', { title: 'Service status', healthy }, healthy ? 200 : 503);
  });
}
