import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { moneyApi } from './api/money.api.ts';
import { createMoneyServices } from './services.ts';
import { moneyRoutes } from './web/money.routes.ts';

/**
 * Money: cost centres, revenue budget monitoring by period with the council's variance bands, and
 * the finance system's extract imported by CSV or Excel. Amounts are whole pence throughout.
 */
export function createMoneyModule(deps: ServiceDeps) {
  const services = createMoneyServices(deps);
  const web: ModuleWeb = {
    views: fileURLToPath(new URL('./web/views', import.meta.url)),
    pages: async (app) => {
      await app.register(moneyRoutes, { services });
    },
    api: async (api) => {
      await api.register(moneyApi, { services });
    },
  };
  return { services, web };
}

export { budgetLines, costCentres, financialYears } from './data/money.schema.ts';
export { costCentresFunding, moneyPosition, type KeyVariation, type MoneyPosition } from './position.ts';
