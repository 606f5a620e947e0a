/**
 * What a person may do with a measure's values (enter, verify, approve, reopen) and the duties they
 * already took on one (entered it, verified it): asked by entry, sign-off and the entry page alike.
 */
import { createAccessPolicy, type AccessPolicy } from '../../platform/access/policy.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { measuresRepository as measuresRepo } from '../measures/index.ts';
import { unitAncestryIn } from '../organisation/index.ts';
import * as valuesRepo from './data/measure-values.repository.ts';
import type { SignOffSettings } from './data/sign-off.repository.ts';
import type { ValueActor } from './domain/workflow.ts';
import { stepRightsFor } from './sign-off-steps.ts';

type MeasureRow = NonNullable<Awaited<ReturnType<typeof measuresRepo.findMeasure>>>;

export async function actorFor(
  tx: Db,
  caller: Caller,
  measure: MeasureRow,
  settings?: Promise<SignOffSettings>,
): Promise<ValueActor> {
  // Who may verify and approve is the council's rule for each step (sign-off-steps.ts).
  const { ancestry, canVerify, canApprove } = await stepRightsFor(tx, caller, measure, settings);
  // The policy asks the measure's unit chain just read for the sign-off rule, not the tree again.
  const readTree = unitAncestryIn(tx);
  const access = createAccessPolicy(async (organisationId, unitId) =>
    unitId === measure.ownerUnitId ? ancestry : readTree(organisationId, unitId),
  );
  return {
    canEnter: await mayEnter(tx, caller, measure, access),
    canVerify,
    canApprove,
    canReopen: await access.can(caller, 'reopen:periods', { unitId: measure.ownerUnitId }),
  };
}

/** The measure's owner, its assignees and holders of enter:values at its unit may enter its values. */
export async function mayEnter(tx: Db, caller: Caller, measure: MeasureRow, access: AccessPolicy): Promise<boolean> {
  if (measure.ownerPersonId === caller.personId) return true;
  // The permission first: the unit's ancestry is usually read already, the assignees would be a query.
  if (await access.can(caller, 'enter:values', { unitId: measure.ownerUnitId })) return true;
  const assignees = await measuresRepo.listAssignees(tx, caller.organisationId, measure.id);
  return assignees.some((assignee) => assignee.personId === caller.personId);
}

/** The person's rights with the duties they already took on this value (entered it, verified it). */
export async function withDuties(tx: Db, caller: Caller, actor: ValueActor, valueId: string | undefined) {
  if (!valueId) return actor;
  return dutiesTaken(caller, actor, await valuesRepo.signOffPeople(tx, caller.organisationId, valueId));
}

export const dutiesTaken = (
  caller: Caller,
  actor: ValueActor,
  done: { enteredBy: string | null; verifiedBy: string | null },
): ValueActor => ({
  ...actor,
  enteredIt: done.enteredBy === caller.personId,
  verifiedIt: done.verifiedBy === caller.personId,
});
