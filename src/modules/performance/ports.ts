/**
 * Ports this module owns and later modules fill (in the composition root), so that roll-ups take
 * contributions from actions and projects without performance importing them.
 */
import type { RagStatus } from '../../kernel/measurement/types.ts';
import type { Db } from '../../platform/db/db.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';

/** What an action or a project tells the roll-up about a plan item it contributes to. */
export interface RollupContribution {
  /** The plan item it contributes to. */
  itemId: string;
  /** The action's or project's id. */
  id: string;
  kind: 'action' | 'project';
  code: string;
  title: string;
  /**
   * Its delivery status as a RAG: off track red, at risk amber, on track or complete green, not
   * started 'no-data'; cancelled and terminated work does not contribute.
   */
  status: RagStatus;
  /** On target to be completed in time (Middlesbrough §42, framework health); null when not judged. */
  onTargetInTime: boolean | null;
  /** A key action or project can dominate its item's roll-up, as a key measure does. */
  key: boolean;
  /** Where a person reads it. */
  href: string;
  /** Why it has its status, in words (e.g. '40% complete; 60% expected by now'), shown beside it. */
  reason?: string;
}

/** A source of contributions: each delivery module (actions, projects) fills one. */
export interface RollupContributions {
  /**
   * Judged today; or, given `on` (a past date: a report's period end), as the actions and projects
   * stood then, from what had been recorded by the end of that date.
   */
  contributionsTo(
    db: Db,
    organisationId: string,
    itemIds: readonly string[],
    on?: string,
  ): Promise<RollupContribution[]>;
}

/** What the performance services are built with: the platform's deps and every contribution source. */
export interface PerformanceDeps extends ServiceDeps {
  contributions?: readonly RollupContributions[];
}
