import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { JOB_STATES } from '../../../platform/jobs/job-rules.ts';
import type { JobQueue } from '../../../platform/jobs/job-queue.ts';
import { problem } from '../../../platform/http/problem.ts';
import { words } from '../../../platform/words/index.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';
import { jobStatus } from '../web/job.presenter.ts';
import { ownJobs } from '../web/jobs.routes.ts';

const statusSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    state: z.enum(JOB_STATES),
    phase: z.string(),
    done: z.number().int(),
    total: z.number().int().nullable(),
    percent: z.number().int().nullable(),
    summary: z.string().nullable(),
    problemCount: z.number().int(),
    resultPath: z.string().nullable().meta({ description: 'Where the finished work is seen, if anywhere' }),
    error: z.string().nullable(),
    page: z.string().meta({ description: 'The job’s page for people' }),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'BackgroundJob' });

export async function jobsApi(app: FastifyInstance, { queue }: { queue: JobQueue }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/jobs/:id',
    {
      config: ownJobs,
      schema: {
        tags: ['Jobs'],
        summary: 'How far a background job (a large import or report) has got, and its outcome',
        params: idParams,
        response: { 200: statusSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const caller = request.caller();
      const job = await queue.find(caller.organisationId, request.params.id);
      if (!job || job.requestedBy !== caller.personId)
        return reply.code(404).type('application/problem+json').send(problem(404, words.backgroundJobs.notFound));
      return reply.header('Cache-Control', 'no-store').send(jobStatus(job));
    },
  );
}
