import type { Db } from '../../platform/db/db.ts';

/** An action as the actions module summarises it for whatever it answers. */
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

/**
 * A port this module owns and the actions module fills at merge (the composition root wires it):
 * the actions that answer improvement plans. The actions module comes after this one, so this
 * module never imports it.
 */
export interface ImplementingActions {
  actionsAnswering(
    db: Db,
    organisationId: string,
    kind: 'improvement-plan',
    ids: readonly string[],
  ): Promise<ActionSummary[]>;
}

/** Until the actions module is wired in, no plan has actions (the app runs before the merge). */
export const noImplementingActions: ImplementingActions = { actionsAnswering: async () => [] };

/** An action still to be finished: anything but complete, cancelled or terminated. */
export function isOpenAction(action: ActionSummary): boolean {
  return !['complete', 'cancelled', 'terminated'].includes(action.status);
}
