import { createAccessPolicy, type AccessPolicy, type UnitAncestry } from '../../platform/access/policy.ts';
import type { Db } from '../../platform/db/db.ts';
import { unitAncestry } from './data/units.repository.ts';

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
