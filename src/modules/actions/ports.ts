/**
 * Ports this module owns and later modules fill in the composition root: the records an action
 * may answer (a recommendation, an improvement plan) belong to modules built after this one.
 */
import type { Db } from '../../platform/db/db.ts';
import type { AnswerKind } from './domain/index.ts';

export interface AnswerTargets {
  /** Whether the council has the recommendation or improvement plan with this id. */
  exists(db: Db, organisationId: string, kind: AnswerKind, id: string): Promise<boolean>;
}

/** Until a module fills it, no target exists, so an action cannot claim to answer one. */
export const NO_ANSWER_TARGETS: AnswerTargets = { exists: async () => false };
