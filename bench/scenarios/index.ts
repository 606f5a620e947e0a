import type { Scenario } from '../lib/scenario.ts';
import { actionsScenario } from './actions.ts';
import { engine } from './engine.ts';
import { forecastScenario } from './forecast.ts';
import { foundation } from './foundation.ts';
import { importScenario } from './import.ts';
import { loadScenario } from './load.ts';
import { moneyScenario } from './money.ts';
import { risksScenario } from './risks.ts';
import { viewsScenario } from './views.ts';

/** Every scenario `npm run bench` knows; add yours here. */
export const SCENARIOS: Scenario[] = [
  foundation,
  importScenario,
  engine,
  forecastScenario,
  moneyScenario,
  actionsScenario,
  risksScenario,
  viewsScenario,
  loadScenario,
];
