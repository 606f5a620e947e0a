import { fileURLToPath } from 'node:url';
import type { Clock } from '../../platform/clock.ts';
import type { ModuleWeb } from '../../platform/module.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { committeesApi } from './api/committees.api.ts';
import { timetableApi } from './api/timetable.api.ts';
import type { SubjectFinders } from './committees.service.ts';
import type { TimetableRecords } from './returns.service.ts';
import { createCommitteesServices } from './services.ts';
import { meetingsRoutes } from './web/meetings.routes.ts';
import { papersRoutes } from './web/papers.routes.ts';
import { requestsRoutes } from './web/requests.routes.ts';
import { committeeSettingsRoutes } from './web/settings.routes.ts';
import { timetableRoutes } from './web/timetable.routes.ts';

/**
 * The committee cycle: meetings of each governance body with their agendas and papers, the body's
 * decisions (an item referred on goes onto the next body's agenda, so a report's route from panel
 * to scrutiny to Cabinet is kept), and members' requests to officers tracked to an answer.
 */
export function createCommitteesModule(
  deps: ServiceDeps & { clock: Clock; subjects?: SubjectFinders; records?: TimetableRecords },
) {
  const services = createCommitteesServices(deps);
  const web: ModuleWeb = {
    views: fileURLToPath(new URL('./web/views', import.meta.url)),
    pages: async (app) => {
      await app.register(meetingsRoutes, {
        committees: services.committees,
        papers: services.committeePapers,
        clock: deps.clock,
      });
      await app.register(papersRoutes, { papers: services.committeePapers });
      await app.register(requestsRoutes, { committees: services.committees, clock: deps.clock });
      await app.register(timetableRoutes, { committees: services.committees, returns: services.committeeReturns });
      await app.register(committeeSettingsRoutes, { settings: services.committeeSettings });
    },
    api: async (api) => {
      await api.register(committeesApi, { committees: services.committees });
      await api.register(timetableApi, { returns: services.committeeReturns });
    },
  };
  return { services, web };
}

export { REQUEST_REMINDERS_DAILY_AT, runRequestReminders } from './request-reminders.job.ts';
export { runTimetableReminders, TIMETABLE_REMINDERS_DAILY_AT } from './timetable-reminders.job.ts';
export type { SubjectFinders } from './committees.service.ts';
export type { TimetableRecords } from './returns.service.ts';
export { SUBJECT_PAGE } from './data/subjects.repository.ts';
