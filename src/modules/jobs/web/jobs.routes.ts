import type { FastifyInstance } from 'fastify';
import type { JobQueue } from '../../../platform/jobs/job-queue.ts';
import { paths } from '../../../kernel/paths.ts';
import { presentJob } from './job.presenter.ts';

/**
 * Anyone signed in may ask after a job, but only their own: another person's job, or another
 * council's, is not found (the job's result may hold rows of data the asker cannot see).
 */
export const ownJobs = { access: 'signed-in' } as const;

export async function jobsRoutes(app: FastifyInstance, { queue }: { queue: JobQueue }) {
  app.get<{ Params: { id: string } }>(paths.job(), { config: ownJobs }, async (request, reply) => {
    const caller = request.caller();
    const job = await queue.find(caller.organisationId, request.params.id);
    if (!job || job.requestedBy !== caller.personId) return reply.callNotFound();
    const view = presentJob(job);
    // A page that reloads itself must not be cached by the browser, or it would show old progress.
    return reply.header('Cache-Control', 'no-store').render('pages/jobs/show.njk', view);
  });
}
