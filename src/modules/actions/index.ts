import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import { systemClock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import { actionsApi } from './api/actions.api.ts';
import { actionRollupContributionsWith, actionsAnswering as answering } from './contributions.ts';
import type { AnswerKind } from './domain/index.ts';
import { NO_ACTION_RISKS, NO_ANSWER_TARGETS, type ActionPageRisks } from './ports.ts';
import { type ActionsDeps, createActionsServices } from './services.ts';
import { actionsRoutes } from './web/actions.routes.ts';
import { deliverySettingsRoutes } from './web/delivery-settings.routes.ts';
import { ACTION_TABLE_HEAD, actionRows } from './web/action.presenter.ts';
import type { Caller } from '../../platform/services/caller.ts';

/**
 * Actions (activity trackers): belong to a plan, contribute to plan items and measures, tracked by
 * append-only progress updates, with a derived status the owner may override, milestones, revised
 * dates and escalation to the escalation owner. Feeds the performance roll-ups through its port.
 */
export function createActionsModule(
  deps: Omit<ActionsDeps, 'answers'> & Partial<Pick<ActionsDeps, 'answers'>> & { risks?: ActionPageRisks },
) {
  const services = createActionsServices({ ...deps, answers: deps.answers ?? NO_ANSWER_TARGETS });
  const web: ModuleWeb = {
    views: fileURLToPath(new URL('./web/views', import.meta.url)),
    pages: async (app) => {
      await app.register(actionsRoutes, {
        services,
        today: () => deps.clock.today(),
        risks: deps.risks ?? NO_ACTION_RISKS,
      });
      await app.register(deliverySettingsRoutes, { services });
    },
    api: async (api) => {
      await api.register(actionsApi, { services, today: () => deps.clock.today() });
    },
  };
  /** The measures module's port: the actions contributing to a measure, for its page (null when none). */
  const measurePage = {
    actionsForMeasure: async (caller: Caller, measureId: string) => {
      const list = await services.actions.list(caller, { measureId });
      if (!list.ok || list.value.length === 0) return null;
      return { count: list.value.length, head: ACTION_TABLE_HEAD, rows: actionRows(list.value) };
    },
  };
  return { services, web, measurePage };
}

/** Actions' contributions to plan items' roll-ups, judged on the given clock's date (the container's). */
export { actionRollupContributionsWith };

/** Summaries of the actions answering recommendations or improvement plans, for those later modules. */
export function actionsAnswering(
  db: Db,
  organisationId: string,
  kind: AnswerKind,
  ids: readonly string[],
  today?: string,
) {
  return answering(db, organisationId, kind, ids, today ?? systemClock.today());
}

export type { ActionPageRisks } from './ports.ts';
export {
  actionEscalations,
  actionEvents,
  actionItemLinks,
  actionMeasureLinks,
  actionMilestones,
  actions,
  actionUpdates,
} from './data/actions.schema.ts';
