import type { Db } from '../../platform/db/db.ts';

/**
 * A port this module owns and the performance module fills: after values change, the stored
 * statuses of the measures are recomputed in the same transaction. The composition root wires it,
 * so collection and imports never import the performance module.
 */
export interface StatusRecalculation {
  recompute(
    tx: Db,
    organisationId: string,
    measureIds: readonly string[] | 'all',
    options?: { fromPeriodKey?: string },
  ): Promise<number>;
}
