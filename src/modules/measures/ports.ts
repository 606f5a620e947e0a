import type { LatestProcessLimits } from '../../kernel/measurement/target-assurance.ts';
import type { Result } from '../../kernel/result.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Caller } from '../../platform/services/caller.ts';

/**
 * A port this module owns and the performance module fills: the status, SPC chart and forecast
 * shown on a measure's page. The page passes it to the template untouched.
 */
export interface MeasurePagePerformance {
  measurePerformance(caller: Caller, measureId: string): Promise<Result<unknown>>;
}

/**
 * A port this module owns and the performance module fills (the composition root wires it): the
 * latest process limits of each measure's official figures, as its SPC chart draws them, for the
 * check of a target as it is set. Why not work them out here with the kernel's plausibility limits:
 * which figures are official is the council's setting, kept by the performance module, and the
 * chart's limits start again at each rebase and screen out unusual moving ranges, so limits of our
 * own would disagree with the chart and the assurance icon shown beside the target. Measures with
 * too few official figures for limits are left out of the map.
 */
export interface ProcessLimitsSource {
  latestProcessLimits(
    db: Db,
    organisationId: string,
    measureIds: readonly string[],
    today: string,
  ): Promise<Map<string, LatestProcessLimits>>;
}

/**
 * A port this module owns and the collection module fills (the composition root wires it): why a
 * target for a period cannot change because the council has closed that period, or null while it
 * is open. Closing periods is collection's work, which comes after this module.
 */
export interface ClosedPeriodsSource {
  refusalFor(db: Db, organisationId: string, periodKey: string): Promise<string | null>;
}

/**
 * A port this module owns and the performance module fills (the composition root wires it): once a
 * measure's own target is set or revised, its stored statuses are recomputed in the same
 * transaction, as an import of targets does, so lists and dashboards never show the RAG of the
 * target it replaced until the next scheduled recalculation.
 */
export interface TargetStatusRecalculation {
  recompute(tx: Db, organisationId: string, measureIds: readonly string[]): Promise<number>;
}

/** What setting or revising a target needs from later modules. */
export interface TargetPorts {
  processLimits: ProcessLimitsSource;
  closedPeriods: ClosedPeriodsSource;
  statuses: TargetStatusRecalculation;
}

/**
 * A port this module owns and the improvement-plans module fills (the composition root wires it):
 * the measure's open improvement plan, shaped for the component that module's views provide
 * (`components/measure-improvement-plan.njk`), or null when there is none. The page passes it on
 * untouched.
 */
export interface MeasurePageImprovementPlan {
  openImprovementPlan(caller: Caller, measureId: string): Promise<unknown>;
}

/**
 * A port this module owns and the risks module fills (the composition root wires it): the open
 * risks that concern a measure, for its page; the risks module's component draws them. Empty for a
 * person who may not see the risk registers.
 */
export interface MeasurePageRisks {
  risksConcerningMeasure(caller: Caller, measureId: string): Promise<readonly unknown[]>;
}

/**
 * A port this module owns and the actions module fills (the composition root wires it): the
 * actions contributing to the measure, shaped for that module's component
 * (`components/measure-actions.njk`), or null when none does. The page passes it on untouched.
 */
export interface MeasurePageActions {
  actionsForMeasure(caller: Caller, measureId: string): Promise<unknown>;
}
