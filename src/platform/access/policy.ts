/**
 * The one access policy: `can(caller, permission, resource)`. Roles are held over a unit and
 * inherited below it, so a unit-scoped question needs the unit's ancestry; the policy loads each
 * unit's ancestry once and keeps it for its own lifetime, which is one request (the platform
 * builds one per request, `request.policy`) or one service call (bound to its transaction, so the
 * check reads what the transaction sees). The platform knows no module: the ancestry comes through
 * the `UnitAncestry` port, which the organisation module fills in the composition root.
 *
 * Record-level rules (an appraisal seen only by the appraisee, their manager and HR) are written
 * by the module that owns the record, as a `RecordRule`, and asked through the same `can`.
 */
import { allowsAt, holdsPermission, type Permission } from '../../kernel/access/index.ts';
import type { Caller } from '../services/caller.ts';

/** A port: the unit itself first, then each parent up to the root (empty when not the organisation's). */
export type UnitAncestry = (organisationId: string, unitId: string) => Promise<readonly string[]>;

/** A record-level rule, owned by the module whose record it guards. */
export type RecordRule<T> = (caller: Caller, record: T, permission: Permission) => boolean;

/** A record and the rule that guards it, asked as a resource of `can`. */
export interface RecordResource<T> {
  readonly rule: RecordRule<T>;
  readonly record: T;
}

/** Pairs a record with its rule: `can(caller, 'view:appraisals', recordOf(appraisalRule, appraisal))`. */
export function recordOf<T>(rule: RecordRule<T>, record: T): RecordResource<T> {
  return { rule, record };
}

/**
 * What a permission is asked about:
 * - `'organisation'`: a whole-organisation grant is needed (no unit can stand for the council);
 * - `'anywhere'`: the permission held over any unit (enough to reach a list filtered later);
 * - `{ unitId }`: held at the unit or above it; a null unit (council-wide) needs an organisation grant;
 * - `{ unitIds }`: held at every one of the units;
 * - a record resource: the record's rule decides.
 */
export type Resource =
  | 'organisation'
  | 'anywhere'
  | { readonly unitId: string | null }
  | { readonly unitIds: readonly string[] }
  | { readonly rule: RecordRule<never>; readonly record: unknown };

export interface AccessPolicy {
  can(caller: Caller, permission: Permission, resource: Resource): Promise<boolean>;
  /** The unit's ancestry, loaded once for the policy's lifetime. */
  ancestryOf(caller: Caller, unitId: string): Promise<readonly string[]>;
}

/**
 * Whether the caller holds the permission over the whole organisation (a council-wide setting, a
 * period close): the same answer as `can(caller, permission, 'organisation')`, without awaiting,
 * since no unit's ancestry is needed.
 */
export function holdsOverOrganisation(caller: Caller, permission: Permission): boolean {
  return allowsAt(caller, permission, []);
}

/** A policy with its own ancestry cache: build one per request or per service call. */
export function createAccessPolicy(ancestry: UnitAncestry): AccessPolicy {
  const loaded = new Map<string, Promise<readonly string[]>>();

  function ancestryOf(caller: Caller, unitId: string): Promise<readonly string[]> {
    const key = `${caller.organisationId}|${unitId}`;
    let chain = loaded.get(key);
    if (!chain) {
      chain = ancestry(caller.organisationId, unitId);
      loaded.set(key, chain);
      // A failed load is not remembered: the next check asks again.
      chain.catch(() => loaded.delete(key));
    }
    return chain;
  }

  async function allowedAtUnit(caller: Caller, permission: Permission, unitId: string | null): Promise<boolean> {
    if (unitId === null) return allowsAt(caller, permission, []);
    // No need for the tree when no grant of the permission could apply, or one covers the council.
    if (!holdsPermission(caller, permission)) return false;
    if (allowsAt(caller, permission, [])) return true;
    return allowsAt(caller, permission, await ancestryOf(caller, unitId));
  }

  return {
    ancestryOf,
    async can(caller, permission, resource) {
      if (resource === 'organisation') return allowsAt(caller, permission, []);
      if (resource === 'anywhere') return holdsPermission(caller, permission);
      if ('rule' in resource) return (resource.rule as RecordRule<unknown>)(caller, resource.record, permission);
      if ('unitIds' in resource) {
        for (const unitId of resource.unitIds) {
          if (!(await allowedAtUnit(caller, permission, unitId))) return false;
        }
        return true;
      }
      return allowedAtUnit(caller, permission, resource.unitId);
    },
  };
}
