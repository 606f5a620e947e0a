import type { OfficialFrom } from '../../kernel/measurement/official.ts';
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

/**
 * A port this module owns and the performance module fills (the council's settings live there):
 * from which sign-off status a figure is official, so the entry page can mark a figure that is
 * not yet official as such.
 */
export interface FigureOfficialPosition {
  officialFrom(organisationId: string): Promise<OfficialFrom>;
}
