import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { risksApi } from './api/risks.api.ts';
import { createRisksServices } from './services.ts';
import { registersRoutes } from './web/registers.routes.ts';
import { riskLinksRoutes } from './web/risk-links.routes.ts';
import { riskSettingsRoutes } from './web/risk-settings.routes.ts';
import { risksRoutes } from './web/risks.routes.ts';

/**
 * Risk registers on the council's own versioned matrix: registers at every level, risks with
 * inherent, current and target scores, controls, reassessment history, appetite, heat maps,
 * escalation and overdue review reminders.
 */
export function createRisksModule(deps: ServiceDeps) {
  const services = createRisksServices(deps);
  const web: ModuleWeb = {
    views: fileURLToPath(new URL('./web/views', import.meta.url)),
    pages: async (app) => {
      await app.register(registersRoutes, { services });
      await app.register(risksRoutes, { services });
      await app.register(riskSettingsRoutes, { services });
      await app.register(riskLinksRoutes, { services });
    },
    api: async (api) => {
      await api.register(risksApi, { services });
    },
  };
  return { services, web };
}

export { RISK_REMINDERS_DAILY_AT, runRiskReviewReminders } from './review-reminders.job.ts';
/** Fill the plans', measures' and actions' ports: the open risks an item's, measure's or action's page lists (src/container.ts). */
export { actionPageRisks, measurePageRisks, planPageRisks } from './item-risks.ts';
/** For the quarterly report to Executive and Scrutiny: the strategic register, its heat maps and risks that rose. */
// Its types (StrategicRiskReport, ReportedRisk, ReportedHeatMap, ReportPeriod) are in
// quarterly-report.ts; export them here when the report's module first names them.
export { strategicRiskReport } from './quarterly-report.ts';
/** For the demo council's loader (src/demo/demo-risks.loader.ts): the defaults and the tables it writes. */
export { DEFAULT_CATEGORIES, DEFAULT_MATRIX } from './domain/index.ts';
/** For the quarterly report (src/modules/reports): the matrix's rules, the heat map and its drawing. */
export { bandOf, heatMapOf, scoreOf, type HeatMap, type Matrix, type MatrixSize } from './domain/index.ts';
export { heatMapSvg } from './web/heat-map.svg.ts';
export {
  riskAssessments,
  riskCategories,
  riskControls,
  riskMatrices,
  riskRegisters,
  risks,
} from './data/risks.schema.ts';
