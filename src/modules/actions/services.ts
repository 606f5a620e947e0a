import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { createActionChangesService } from './action-changes.service.ts';
import { createActionsService } from './actions.service.ts';
import { createDeliverySettingsService } from './delivery-settings.service.ts';
import { createActionsImportExportService } from './import-export.service.ts';
import type { Notifier } from './escalation.ts';
import type { AnswerTargets } from './ports.ts';

export interface ActionsDeps extends ServiceDeps {
  answers: AnswerTargets;
  notifier: Notifier;
}

export function createActionsServices(deps: ActionsDeps) {
  return {
    actions: createActionsService(deps),
    actionChanges: createActionChangesService(deps),
    deliverySettings: createDeliverySettingsService(deps),
    actionFiles: createActionsImportExportService(deps),
  };
}

export type ActionsServices = ReturnType<typeof createActionsServices>;
