import type { Permission } from './roles.ts';
import { holdsPermission, type Principal } from './principal.ts';

/**
 * What every route must declare. 'public' routes are open to the signed-out public; 'signed-in'
 * routes need any session; otherwise a permission held in some unit.
 */
export type RouteAccess = 'public' | 'signed-in' | { permission: Permission };

export type AccessDecision = 'allow' | 'sign-in' | 'deny';

export function decideRouteAccess(access: RouteAccess, principal: Principal): AccessDecision {
  if (access === 'public') return 'allow';
  if (principal.kind === 'public') return 'sign-in';
  if (access === 'signed-in') return 'allow';
  return holdsPermission(principal, access.permission) ? 'allow' : 'deny';
}
