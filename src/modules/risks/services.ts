import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { createRegistersService } from './registers.service.ts';
import { createRiskChangesService } from './risk-changes.service.ts';
import { createRiskSettingsService } from './risk-settings.service.ts';
import { createRisksService } from './risks.service.ts';

export function createRisksServices(deps: ServiceDeps) {
  return {
    riskRegisters: createRegistersService(deps),
    risks: createRisksService(deps),
    riskChanges: createRiskChangesService(deps),
    riskSettings: createRiskSettingsService(deps),
  };
}

export type RisksServices = ReturnType<typeof createRisksServices>;
