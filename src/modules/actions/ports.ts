/**
 * Ports this module owns and later modules fill in the composition root: the records an action
 * may answer (a recommendation, an improvement plan) belong to modules built after this one.
 */
import type { Db } from '../../platform/db/db.ts';
import type { Caller } from '../../platform/services/caller.ts';
import type { AnswerKind } from './domain/index.ts';

export interface AnswerTargets {
  /** Whether the council has the recommendation or improvement plan with this id. */
  exists(db: Db, organisationId: string, kind: AnswerKind, id: string): Promise<boolean>;
}

/** Until a module fills it, no target exists, so an action cannot claim to answer one. */
export const NO_ANSWER_TARGETS: AnswerTargets = { exists: async () => false };

/**
 * A port this module owns and the risks module fills (the composition root wires it): the open
 * risks that concern an action, for its page; the risks module's component draws them. Empty for a
 * person who may not see the risk registers.
 */
export interface ActionPageRisks {
  risksConcerningAction(caller: Caller, actionId: string): Promise<readonly unknown[]>;
}

/** No risks module wired in: the action page lists none. */
export const NO_ACTION_RISKS: ActionPageRisks = { risksConcerningAction: async () => [] };
