/**
 * Whose events an audit reader sees. Someone who may read the audit trail over the whole council
 * sees every event; someone whose `view:audit` grants are held over units sees only events about
 * records in those units and the units below them. An event names its subject (entity type and
 * id), not a unit, so the subject's unit is looked up (data/audit-scope.repository.ts); events
 * whose subject has no unit — council-wide settings, imports, API tokens, records since deleted —
 * are for council-wide readers only.
 *
 * A pure rule over the reader's grants and the unit list, kept out of the access policy on
 * purpose: the policy answers "may they, at this unit?" upwards through one unit's ancestry, while
 * a list needs the reach of each grant downwards, every unit below it at once.
 */
import { type Permission, roleAllows, type SignedIn } from '../../../kernel/access/index.ts';

const READ: Permission = 'view:audit';

/** null: the whole council; otherwise the units whose records' events the reader may see. */
export function auditUnitsOf(
  caller: SignedIn,
  units: readonly { id: string; parentId: string | null }[],
): ReadonlySet<string> | null {
  const reading = caller.grants.filter((grant) => roleAllows(grant.role, READ));
  if (reading.some((grant) => grant.unitId === null)) return null;
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    const list = children.get(unit.parentId) ?? [];
    list.push(unit.id);
    children.set(unit.parentId, list);
  }
  const known = new Set(units.map((unit) => unit.id));
  const reached = new Set<string>();
  const queue = reading
    .filter((grant) => grant.unitId !== null && known.has(grant.unitId))
    .map((grant) => grant.unitId!);
  while (queue.length > 0) {
    const unitId = queue.pop()!;
    if (reached.has(unitId)) continue;
    reached.add(unitId);
    queue.push(...(children.get(unitId) ?? []));
  }
  return reached;
}
