import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { jobsApi } from './api/jobs.api.ts';
import { jobsRoutes } from './web/jobs.routes.ts';

/**
 * The page and JSON status of background jobs (platform/jobs/job-queue.ts): where a person who
 * started a large import or report follows its progress and finds its result.
 */
export function createJobsModule(deps: { queue: JobQueue }) {
  const web: ModuleWeb = {
    views: fileURLToPath(new URL('./web/views', import.meta.url)),
    pages: async (app) => {
      await app.register(jobsRoutes, { queue: deps.queue });
    },
    api: async (api) => {
      await api.register(jobsApi, { queue: deps.queue });
    },
  };
  return { web };
}
