import type { Scenario } from '../lib/scenario.ts';
import { foundation } from './foundation.ts';

/** Every scenario `npm run bench` knows; add yours here. */
export const SCENARIOS: Scenario[] = [foundation];
