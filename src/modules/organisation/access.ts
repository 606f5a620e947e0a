import { type Permission, rolePhrase, ROLE_PERMISSIONS, type Role } from '../../kernel/access/index.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { createAccessPolicy, type AccessPolicy, type UnitAncestry } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { topLevelUnitIds, unitAncestry } from './data/units.repository.ts';
import { sayStored } from '../../platform/words/index.ts';

/** The organisation module fills the platform's ancestry port: read through `db` (or a transaction). */
export function unitAncestryIn(db: Db): UnitAncestry {
  return (organisationId, unitId) => unitAncestry(db, organisationId, unitId);
}

/**
 * A policy for one service call, reading the unit tree through its transaction, so a check sees
 * what the transaction sees and each unit's ancestry is loaded once however many checks follow.
 */
export function accessPolicyIn(db: Db): AccessPolicy {
  return createAccessPolicy(unitAncestryIn(db));
}

/**
 * Whether the caller holds the permission over the whole organisation: council-wide, or over a
 * top-level unit (the council's own unit stands for the council). What belongs to the council as
 * a whole — the framework, the performance settings — asks this rather than a unit's question.
 */
export async function mayForWholeOrganisation(db: Db, caller: Caller, permission: Permission): Promise<boolean> {
  const access = accessPolicyIn(db);
  if (await access.can(caller, permission, 'organisation')) return true;
  // Without the permission anywhere no top-level grant can hold it: no need to read the tree.
  if (!(await access.can(caller, permission, 'anywhere'))) return false;
  for (const unitId of await topLevelUnitIds(db, caller.organisationId)) {
    if (await access.can(caller, permission, { unitId })) return true;
  }
  return false;
}

/**
 * "Change only people below you" (docs/architecture.md, Access): a person's record, leaving and
 * roles may be changed only by someone who holds every permission of every role they hold, over
 * the same unit (or above it). Returns the first role held beyond the caller's rights, or null.
 * The same rule for a role about to be granted: `roleBeyondCaller(policy, caller, [{ role, unitId }])`.
 */
export async function roleBeyondCaller(
  policy: AccessPolicy,
  caller: Caller,
  grants: readonly { role: Role; unitId: string | null }[],
): Promise<Role | null> {
  for (const grant of grants) {
    for (const permission of ROLE_PERMISSIONS[grant.role]) {
      if (!(await policy.can(caller, permission, { unitId: grant.unitId }))) return grant.role;
    }
  }
  return null;
}

export const holdsMoreRights = (name: string, role: Role) =>
  phraseText('organisationRefusals.holdsMoreRights', { name, role: rolePhrase(role) });

/**
 * A refused change to a person's account or roles is itself recorded, outside the refused (rolled
 * back) transaction, so the trail shows who tried to change whom.
 */
export function recordRefusal(
  db: Db,
  caller: Caller,
  personId: string,
  attempted: 'update' | 'leave' | 'grant' | 'end' | 'password-link',
  reason: string,
): Promise<void> {
  return recordAudit(db, {
    organisationId: caller.organisationId,
    actor: actorOf(caller),
    entityType: 'person',
    entityId: personId,
    action: 'refuse',
    newValue: { attempted },
    // The trail keeps words, not a stored phrase: it is read and exported as it was written.
    reason: sayStored(reason),
  });
}
