/**
 * What the improvement plans' use cases share: loading a plan within the council, checking the
 * expected effect against the measure, and writing the history and audit rows of a change.
 */
import { isValidPeriodForFrequency, type Frequency } from '../../kernel/measurement/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { refuse } from '../../platform/services/errors.ts';
import * as repo from './data/improvement-plans.repository.ts';
import type { PlanFields } from './domain/inputs.ts';

export const STALE =
  'Someone else changed this improvement plan while you were working on it. Check the plan as it is now and try again';

export const ENTITY = 'improvement-plan';

/** The expected effect's period must be one of the measure's own periods (a quarter of a quarterly measure). */
export function checkExpectedPeriod(periodKey: string | null | undefined, frequency: string): Result<null> {
  if (periodKey === null || periodKey === undefined) return ok(null);
  const valid = isValidPeriodForFrequency(periodKey, frequency as Frequency);
  if (!valid.ok)
    return refuse(
      'invalid',
      `The expected effect’s period "${periodKey}" is not one of this measure’s periods: ${valid.error.message}`,
      'expectedPeriod',
    );
  return ok(null);
}

/** The owner must be someone of this council who has not left. */
export async function checkOwner(tx: Db, organisationId: string, personId: string | null | undefined) {
  if (!personId) return ok(null);
  const person = await repo.personIn(tx, organisationId, personId);
  if (!person) return refuse('invalid', 'The owner was not found in this council', 'ownerPersonId');
  if (person.status !== 'active')
    return refuse('invalid', `${person.name} has left, so cannot own the plan`, 'ownerPersonId');
  return ok(null);
}

/** The plan's fields as stored from what was sent (only what was sent changes). */
export function planChanges(input: Partial<PlanFields>): Partial<repo.PlanInsert> {
  const changes: Partial<repo.PlanInsert> = {};
  if (input.problem !== undefined) changes.problem = input.problem;
  if (input.rootCause !== undefined) changes.rootCause = input.rootCause;
  if (input.expectedValue !== undefined) changes.expectedValue = input.expectedValue;
  if (input.expectedPeriod !== undefined) changes.expectedPeriod = input.expectedPeriod;
  if (input.dueDate !== undefined) changes.dueDate = input.dueDate;
  if (input.ownerPersonId !== undefined) changes.ownerPersonId = input.ownerPersonId;
  return changes;
}

/** A step in the plan's history and its audit row, in the transaction that made the change. */
export async function recordStep(
  tx: Db,
  caller: Caller,
  planId: string,
  kind: string,
  change: { note?: string; old?: unknown; new?: unknown },
): Promise<void> {
  const actor = actorOf(caller);
  await repo.insertEvent(tx, {
    organisationId: caller.organisationId,
    planId,
    kind,
    note: change.note ?? '',
    personId: caller.personId,
    actorLabel: actor.label,
  });
  await recordAudit(tx, {
    organisationId: caller.organisationId,
    actor,
    entityType: ENTITY,
    entityId: planId,
    action: kind,
    oldValue: change.old,
    newValue: change.new,
    reason: change.note ?? '',
  });
}

/** What submitting needs: every part of the plan written. */
export function missingForSubmission(plan: repo.PlanRow): { field: string; message: string } | null {
  if (plan.problem.trim() === '')
    return { field: 'problem', message: 'Write the problem statement before submitting the plan' };
  if (plan.rootCause.trim() === '')
    return { field: 'rootCause', message: 'Write the root cause before submitting the plan' };
  if (plan.expectedValue === null || plan.expectedPeriod === null)
    return {
      field: 'expectedValue',
      message: 'Give the expected effect on the measure (value and period) before submitting the plan',
    };
  if (plan.dueDate === null)
    return { field: 'dueDate', message: 'Give the date the plan should be complete by before submitting it' };
  if (plan.ownerPersonId === null)
    return { field: 'ownerPersonId', message: 'Name the plan’s owner before submitting it' };
  return null;
}
