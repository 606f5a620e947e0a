import { fileURLToPath } from 'node:url';
import { holdsPermission } from '../../kernel/access/index.ts';
import type { Db } from '../../platform/db/db.ts';
import type { ModuleWeb } from '../../platform/module.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { improvementPlansApi } from './api/improvement-plans.api.ts';
import * as repo from './data/improvement-plans.repository.ts';
import { createImprovementPlansServices, type ImprovementPlansDeps } from './services.ts';
import { measurePlanView } from './web/measure-plan.presenter.ts';
import { improvementPlansRoutes } from './web/improvement-plans.routes.ts';
import { improvementSettingsRoutes } from './web/settings.routes.ts';

/**
 * Improvement plans for adverse performance: when a key measure needs one (the daily request
 * job), the plan and its lifecycle, the panel's decisions, and the plan shown beside its measure.
 * Its actions come from the actions module through the `ImplementingActions` port.
 */
export function createImprovementPlansModule(deps: ImprovementPlansDeps) {
  const services = createImprovementPlansServices(deps);
  const web: ModuleWeb = {
    views: fileURLToPath(new URL('./web/views', import.meta.url)),
    pages: async (app) => {
      await app.register(improvementSettingsRoutes, { services });
      await app.register(improvementPlansRoutes, { services });
    },
    api: async (api) => {
      await api.register(improvementPlansApi, { services });
    },
  };
  /** What the measure page shows of the measure's open plan (the measures module's port). */
  const measurePage = {
    openImprovementPlan: async (caller: Caller, measureId: string) => {
      // Staff work: a partner shown a shared measure does not see the council's plan for it.
      if (!holdsPermission(caller, 'view:organisation')) return null;
      const open = await services.improvementPlans.openPlanForMeasure(caller, measureId);
      return open ? measurePlanView(open) : null;
    },
  };
  return { services, web, measurePage };
}

/** Whether the plan is this council's (the actions module's `AnswerTargets` port, wired at merge). */
export async function improvementPlanExists(db: Db, organisationId: string, id: string): Promise<boolean> {
  return (await repo.findPlan(db, organisationId, id)) !== undefined;
}

export { recordPanelDecisionIn } from './panel-decision.ts';
export type { ImprovementPlansServices } from './services.ts';
export type { ActionSummary, ImplementingActions } from './ports.ts';
export { IMPROVEMENT_REQUESTS_DAILY_AT, runImprovementRequests } from './improvement-requests.job.ts';
export {
  improvementPlanDecisions,
  improvementPlanEvents,
  improvementPlanRequests,
  improvementPlans,
  improvementPlanSettings,
} from './data/improvement-plans.schema.ts';
