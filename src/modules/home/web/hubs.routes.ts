import type { FastifyInstance } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import { words } from '../../../platform/words/index.ts';

/**
 * Pages that gather several modules' lists under one navigation entry each, so the service
 * navigation stays short as capabilities are added: delivery (actions, projects, improvement
 * plans, recommendations) and risks and money. Each link shows only to those who may open it.
 */
export async function hubRoutes(app: FastifyInstance) {
  app.get(paths.delivery(), { config: { access: { permission: 'view:plans' } } }, async (_request, reply) =>
    reply.render('pages/home/delivery.njk', { title: words.homePages.titles.delivery }),
  );
  app.get(paths.risksAndMoney(), { config: { access: { permission: 'view:organisation' } } }, async (_request, reply) =>
    reply.render('pages/home/risks-and-money.njk', { title: words.homePages.titles.risksAndMoney }),
  );
}
