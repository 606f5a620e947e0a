import type { FastifyInstance } from 'fastify';
import { holdsPermission } from '../../../kernel/access/index.ts';
import { paths } from '../../../kernel/paths.ts';
import { fill, say, words } from '../../../platform/words/index.ts';
import type { HomeServices } from '../services.ts';

/** The home page (what waits for me), the health check for machines and the status page for people. */
export async function homeRoutes(app: FastifyInstance, { services }: { services: HomeServices }) {
  app.get(paths.home(), { config: { access: 'public' } }, async (request, reply) => {
    const principal = request.principal;
    if (principal.kind !== 'person') return reply.render('pages/home/index.njk', {});
    // Values to sign off are staff work: a partner or the public has no queue.
    const staff = holdsPermission(principal, 'view:organisation');
    const [organisationName, awaitingApproval, signOff, improvementPlansNeeded] = await Promise.all([
      services.organisations.nameOf(principal.organisationId),
      services.plans.awaitingMyApproval(principal),
      staff ? services.signOffQueue.queue(principal) : null,
      staff ? services.improvementRequests.countMine(principal) : null,
    ]);
    return reply.render('pages/home/index.njk', {
      organisationName,
      awaitingApproval: awaitingApproval.map((plan) => ({ ...plan, stepLabel: say(plan.stepLabel) })),
      signOff: signOff && {
        counts: signOff.counts,
        waiting: fill(words.signOffQueue.homeWaiting, signOff.counts),
        any: signOff.items.length > 0,
      },
      improvementPlansNeeded: improvementPlansNeeded !== null && {
        count: improvementPlansNeeded,
        waiting: fill(words.improvementPlans.homeWaiting, { count: improvementPlansNeeded }),
      },
    });
  });

  app.get(paths.health(), { config: { access: 'public' } }, async (_request, reply) => {
    const healthy = await services.organisations.ping();
    return reply.code(healthy ? 200 : 503).send({ status: healthy ? 'ok' : 'database unavailable' });
  });

  app.get(paths.status(), { config: { access: 'public' } }, async (_request, reply) => {
    const healthy = await services.organisations.ping();
    return reply.render(
      'pages/home/status.njk',
      { title: words.homePages.titles.status, healthy },
      healthy ? 200 : 503,
    );
  });
}
