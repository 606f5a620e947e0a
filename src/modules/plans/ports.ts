import type { Result } from '../../kernel/result.ts';
import type { Caller } from '../../platform/services/caller.ts';

/**
 * A port this module owns and the performance module fills: the roll-up shown on an item's and a
 * plan's page. The pages pass it to the template untouched, so plans never imports performance.
 */
export interface PlanPagePerformance {
  itemRollup(caller: Caller, itemId: string): Promise<Result<unknown>>;
  planRollup(caller: Caller, planId: string): Promise<Result<unknown>>;
}
