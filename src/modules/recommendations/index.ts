import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { Db } from '../../platform/db/db.ts';
import { recommendationsApi } from './api/recommendations.api.ts';
import { findRecommendation } from './data/recommendations.repository.ts';
import { noImplementingActions, type ImplementingActions } from './ports.ts';
import { createRecommendationsServices } from './services.ts';
import { recommendationChangeRoutes } from './web/recommendation-changes.routes.ts';
import { recommendationFilesRoutes } from './web/recommendation-files.routes.ts';
import { recommendationsRoutes } from './web/recommendations.routes.ts';
import { recommendationSettingsRoutes } from './web/recommendation-settings.routes.ts';

/**
 * The register of recommendations from audit, inspection, peer review, scrutiny and consultation:
 * reports and their recommendations, the council's responses, due dates and their revisions,
 * status to closure with evidence, ageing for the audit committee, and overdue escalation.
 */
export function createRecommendationsModule(deps: ServiceDeps & { actions?: ImplementingActions }) {
  const services = createRecommendationsServices({ ...deps, actions: deps.actions ?? noImplementingActions });
  const web: ModuleWeb = {
    views: fileURLToPath(new URL('./web/views', import.meta.url)),
    pages: async (app) => {
      await app.register(recommendationsRoutes, { services, clock: deps.clock });
      await app.register(recommendationChangeRoutes, { services });
      await app.register(recommendationFilesRoutes, { services, clock: deps.clock });
      await app.register(recommendationSettingsRoutes, { services });
    },
    api: async (api) => {
      await api.register(recommendationsApi, { services, clock: deps.clock });
    },
  };
  return { services, web };
}

/** Whether a recommendation of this council exists: for the actions module's answer-target port. */
export async function recommendationExists(db: Db, organisationId: string, id: string): Promise<boolean> {
  return (await findRecommendation(db, organisationId, id)) !== undefined;
}

export type { ImplementingActions } from './ports.ts';
export { ESCALATIONS_DAILY_AT, runRecommendationEscalations } from './escalations.job.ts';
export {
  recommendationDueDateRevisions,
  recommendationHistory,
  recommendationReports,
  recommendations,
} from './data/recommendations.schema.ts';
