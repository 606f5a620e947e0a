import { createAccessPolicy, holdsOverOrganisation } from '../../platform/access/policy.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { unitAncestryIn } from '../organisation/index.ts';
import * as repo from './data/improvement-plans.repository.ts';

/**
 * Who may write a measure's improvement plan: the plan's owner, the measure's owner, or someone
 * who may edit measures for the measure's part of the organisation.
 */
export async function mayWritePlanFor(
  tx: Db,
  caller: Caller,
  measure: repo.MeasureFacts,
  planOwnerPersonId: string | null,
): Promise<boolean> {
  if (caller.personId === planOwnerPersonId || caller.personId === measure.ownerPersonId) return true;
  return createAccessPolicy(unitAncestryIn(tx)).can(caller, 'edit:measures', { unitId: measure.ownerUnitId });
}

/**
 * Who may record the panel's decision: a member of the body the council names as its panel, or
 * someone who manages governance for the whole council (the clerk recording it after the meeting).
 */
export async function mayRecordDecision(tx: Db, caller: Caller, panelBodyId: string | null): Promise<boolean> {
  if (holdsOverOrganisation(caller, 'manage:governance')) return true;
  return panelBodyId !== null && (await repo.isBodyMember(tx, panelBodyId, caller.personId));
}

/** Who may change the council's improvement-plan settings. */
export function mayManageSettings(caller: Caller): boolean {
  return holdsOverOrganisation(caller, 'manage:framework');
}
