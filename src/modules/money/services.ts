import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { createCostCentresService } from './cost-centres.service.ts';
import { createRevenueImportService } from './revenue-import.service.ts';
import { createRevenueService } from './revenue.service.ts';

export function createMoneyServices(deps: ServiceDeps) {
  return {
    costCentres: createCostCentresService(deps),
    revenue: createRevenueService(deps),
    revenueImport: createRevenueImportService(deps),
  };
}

export type MoneyServices = ReturnType<typeof createMoneyServices>;
