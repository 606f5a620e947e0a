import type { FastifyInstance } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import { words } from '../../../platform/words/index.ts';

/**
 * The council's set-up in one place: the navigation keeps one entry for it, so the service
 * navigation fits one line, and this page says what each part is for.
 */
export async function councilRoutes(app: FastifyInstance) {
  app.get(paths.council(), { config: { access: { permission: 'view:organisation' } } }, async (_request, reply) =>
    reply.render('pages/home/council.njk', { title: words.homePages.titles.council }),
  );
}
