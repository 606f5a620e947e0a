import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { OrganisationServices } from '../organisation/index.ts';
import { collectionApi } from './api/collection.api.ts';
import { collectionRulesApi } from './api/collection-rules.api.ts';
import type { FigureOfficialPosition, StatusRecalculation } from './ports.ts';
import { createCollectionServices } from './services.ts';
import { collectionRoutes } from './web/collection.routes.ts';
import { signOffRoutes } from './web/sign-off.routes.ts';
import { signOffQueueRoutes } from './web/sign-off-queue.routes.ts';
import { signOffApi } from './api/sign-off.api.ts';
import { collectionRulesRoutes } from './web/collection-rules.routes.ts';
import { periodCloseRoutes } from './web/period-close.routes.ts';
import { periodCloseApi } from './api/period-close.api.ts';

/** Periodic data collection: my data, entry with commentary and sign-off, unit grids, reminders. */
export function createCollectionModule(
  deps: ServiceDeps & {
    statuses: StatusRecalculation;
    organisation: OrganisationServices;
    official: FigureOfficialPosition;
  },
) {
  const services = createCollectionServices(deps);
  const pageServices = { ...services, structure: deps.organisation.structure, official: deps.official };
  const web: ModuleWeb = {
    views: fileURLToPath(new URL('./web/views', import.meta.url)),
    pages: async (app) => {
      await app.register(collectionRoutes, { services: pageServices });
      await app.register(signOffRoutes, { services });
      await app.register(signOffQueueRoutes, { services });
      await app.register(collectionRulesRoutes, { rules: services.rules });
      await app.register(periodCloseRoutes, { periodClose: services.periodClose });
    },
    api: async (api) => {
      await api.register(collectionApi, { services });
      await api.register(signOffApi, { services });
      await api.register(collectionRulesApi, { rules: services.rules });
      await api.register(periodCloseApi, { periodClose: services.periodClose });
    },
  };
  return { services, web };
}

export type { StatusRecalculation } from './ports.ts';
export type { CollectionServices } from './services.ts';
export { describeImplausible, periodNotEnded } from './entry-checks.ts';
export { REMINDERS_DAILY_AT, runReminders } from './reminders.job.ts';
export { loadClosedPeriods } from './period-closure-check.ts';
export { stepRightsFor } from './sign-off-steps.ts';
