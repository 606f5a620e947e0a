import type { OfficialFrom } from '../../kernel/measurement/official.ts';
import type { Db } from '../../platform/db/db.ts';

/**
 * A port this module owns and the performance module fills (the council's settings live there):
 * from which sign-off status a figure is official, so that exports carry the figures the
 * dashboards count. The composition root wires it.
 */
export interface OfficialPosition {
  officialFrom(db: Db, organisationId: string): Promise<OfficialFrom>;
}
