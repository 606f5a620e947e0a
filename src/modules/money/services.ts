import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { createCapitalService } from './capital.service.ts';
import { createCostCentresService } from './cost-centres.service.ts';
import { createMtfsService } from './mtfs.service.ts';
import { createReservesService } from './reserves.service.ts';
import { createReprofileService } from './reprofile.service.ts';
import { createSavingsService } from './savings.service.ts';
import { createRevenueImportService } from './revenue-import.service.ts';
import { createRevenueService } from './revenue.service.ts';

export function createMoneyServices(deps: ServiceDeps) {
  return {
    costCentres: createCostCentresService(deps),
    revenue: createRevenueService(deps),
    revenueImport: createRevenueImportService(deps),
    capital: createCapitalService(deps),
    reprofiles: createReprofileService(deps),
    reserves: createReservesService(deps),
    savings: createSavingsService(deps),
    mtfs: createMtfsService(deps),
  };
}

export type MoneyServices = ReturnType<typeof createMoneyServices>;
