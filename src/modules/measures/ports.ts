import type { Result } from '../../kernel/result.ts';
import type { Caller } from '../../platform/services/caller.ts';

/**
 * A port this module owns and the performance module fills: the status, SPC chart and forecast
 * shown on a measure's page. The page passes it to the template untouched.
 */
export interface MeasurePagePerformance {
  measurePerformance(caller: Caller, measureId: string): Promise<Result<unknown>>;
}
