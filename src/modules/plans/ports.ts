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

/** An open risk that concerns an item, as the item's page lists it. */
export interface ItemRisk {
  id: string;
  reference: string;
  title: string;
  registerName: string;
  score: number;
  band: string;
  /** The band's colour (a GOV.UK tag colour). */
  colour: string;
}

/**
 * A port this module owns and the risks module fills: the open risks that concern an item (an
 * objective), for its page. Empty for a person who may not see the risk registers.
 */
export interface PlanPageRisks {
  risksConcerningItem(caller: Caller, itemId: string): Promise<readonly ItemRisk[]>;
}

/** No risks module wired in: the item page lists none. */
export const NO_ITEM_RISKS: PlanPageRisks = { risksConcerningItem: async () => [] };

/**
 * A port this module owns and the money module fills (the composition root wires it): the cost
 * centres that fund an item and their budget, for its page; money's component draws it. Null for
 * a person who may not see budgets, or when no cost centre funds the item.
 */
export interface PlanPageFunding {
  fundingOfItem(caller: Caller, itemId: string): Promise<unknown>;
}

/** No money module wired in: the item page shows no budget. */
export const NO_ITEM_FUNDING: PlanPageFunding = { fundingOfItem: async () => null };
