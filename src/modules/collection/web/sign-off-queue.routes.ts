import type { FastifyInstance } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import { words } from '../../../platform/words/index.ts';
import type { CollectionServices } from '../services.ts';
import { queueRows } from './sign-off.presenter.ts';

// Anyone on the staff has a queue; the service lists only what they may sign off.
const staff = { access: { permission: 'view:organisation' } } as const;

/** The sign-off work queue: what waits for me to verify or approve, oldest first. */
export async function signOffQueueRoutes(app: FastifyInstance, { services }: { services: CollectionServices }) {
  app.get(paths.signOffQueue(), { config: staff }, async (request, reply) => {
    const queue = await services.signOffQueue.queue(request.caller());
    return reply.render('pages/collection/sign-off-queue.njk', {
      title: words.signOffQueue.queueTitle,
      counts: queue.counts,
      verifyRows: queueRows(queue.items, 'verify'),
      approveRows: queueRows(queue.items, 'approve'),
    });
  });
}
