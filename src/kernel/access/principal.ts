import { type Permission, type Role, roleAllows } from './roles.ts';

export interface RoleGrant {
  role: Role;
  /** null: the whole organisation. */
  unitId: string | null;
}

export type Principal =
  | { kind: 'public' }
  | {
      kind: 'person';
      personId: string;
      organisationId: string;
      name: string;
      partnerId: string | null;
      grants: readonly RoleGrant[];
    };

export const PUBLIC: Principal = { kind: 'public' };

export type SignedIn = Extract<Principal, { kind: 'person' }>;

/** Held anywhere: enough to reach a route; what it may touch is checked against the unit. */
export function holdsPermission(principal: Principal, permission: Permission): boolean {
  if (principal.kind === 'public') return false;
  return principal.grants.some((grant) => roleAllows(grant.role, permission));
}

/**
 * Whether the principal holds the permission over a unit, given the unit's ancestry (the unit
 * itself first, then its parent, up to the root). A grant on an ancestor covers its descendants.
 */
export function allowsAt(principal: Principal, permission: Permission, unitAncestry: readonly string[]): boolean {
  if (principal.kind === 'public') return false;
  return principal.grants.some(
    (grant) => roleAllows(grant.role, permission) && (grant.unitId === null || unitAncestry.includes(grant.unitId)),
  );
}

export function holdsRole(principal: Principal, role: Role, unitAncestry: readonly string[]): boolean {
  if (principal.kind === 'public') return false;
  return principal.grants.some(
    (grant) => grant.role === role && (grant.unitId === null || unitAncestry.includes(grant.unitId)),
  );
}
