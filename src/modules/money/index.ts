import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { moneyApi } from './api/money.api.ts';
import { programmeApi } from './api/programme.api.ts';
import { reprofileApi } from './api/reprofile.api.ts';
import { createMoneyServices } from './services.ts';
import { capitalRoutes } from './web/capital.routes.ts';
import { costCentreRoutes } from './web/cost-centre.routes.ts';
import { moneyRoutes } from './web/money.routes.ts';
import { planningRoutes } from './web/planning.routes.ts';
import { reprofileRoutes } from './web/reprofile.routes.ts';
import { reservesRoutes } from './web/reserves.routes.ts';

/**
 * Money: cost centres, revenue budget monitoring by period with the council's variance bands, and
 * the finance system's extract imported by CSV or Excel; the capital programme, reserves and
 * borrowing, the savings tracker and the MTFS; cost centres linked to the plan items they fund.
 * Amounts are whole pence throughout.
 */
export function createMoneyModule(deps: ServiceDeps) {
  const services = createMoneyServices(deps);
  const web: ModuleWeb = {
    views: fileURLToPath(new URL('./web/views', import.meta.url)),
    pages: async (app) => {
      await app.register(moneyRoutes, { services });
      await app.register(capitalRoutes, { services });
      await app.register(reprofileRoutes, { services });
      await app.register(reservesRoutes, { services });
      await app.register(planningRoutes, { services });
      await app.register(costCentreRoutes, { services });
    },
    api: async (api) => {
      await api.register(moneyApi, { services });
      await api.register(programmeApi, { services });
      await api.register(reprofileApi, { services });
    },
  };
  return { services, web };
}

export { budgetLines, costCentres, financialYears } from './data/money.schema.ts';
export {
  borrowingYears,
  capitalSchemes,
  capitalSchemeYears,
  mtfsVersions,
  mtfsYears,
  reserves,
  reserveYears,
  savings,
  savingYears,
} from './data/programme.schema.ts';
export { moneyPosition, type MoneyPosition } from './position.ts';
/** Fills the plans module's port: the cost centres funding an item and their budget (src/container.ts). */
export { planPageFunding } from './item-funding.ts';
