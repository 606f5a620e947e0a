import type { Db } from '../../platform/db/db.ts';

/**
 * An action that implements a recommendation, as the actions module summarises it. Declared here
 * because actions come later in the module order; the actions module fills the port below.
 */
export interface ActionSummary {
  id: string;
  code: string;
  title: string;
  status: string;
  derivedStatus: string;
  percentComplete: number;
  dueDate: string | null;
  overdue: boolean;
  href: string;
}

/** The actions answering recommendations (`answers: { kind: 'recommendation', id }` on an action). */
export interface ImplementingActions {
  actionsAnswering(
    db: Db,
    organisationId: string,
    kind: 'recommendation',
    ids: readonly string[],
  ): Promise<ActionSummary[]>;
}

/** Until the actions module is wired in, no recommendation has any actions. */
export const noImplementingActions: ImplementingActions = {
  actionsAnswering: async () => [],
};

/** An action's own statuses that mean it is no longer being worked on. */
const FINISHED_ACTION_STATUSES = new Set(['complete', 'cancelled', 'terminated']);

export const actionFinished = (action: ActionSummary) => FINISHED_ACTION_STATUSES.has(action.status);
