import { describe, expect, it } from 'vitest';
import { allowsAt, decideRouteAccess, PUBLIC, type Principal, type Role } from './index.ts';

const person = (grants: { role: Role; unitId: string | null }[]): Principal => ({
  kind: 'person',
  personId: 'p1',
  organisationId: 'o1',
  name: 'Test',
  partnerId: null,
  grants,
});

describe('access', () => {
  it('denies the public everything but public routes', () => {
    expect(decideRouteAccess('public', PUBLIC)).toBe('allow');
    expect(decideRouteAccess('signed-in', PUBLIC)).toBe('sign-in');
    expect(decideRouteAccess({ permission: 'view:plans' }, PUBLIC)).toBe('sign-in');
  });

  it.each([
    ['viewer', 'view:plans', 'allow'],
    ['viewer', 'edit:plans', 'deny'],
    ['partner', 'view:organisation', 'deny'],
    ['administrator', 'manage:roles', 'allow'],
    ['hr', 'manage:people', 'allow'],
    ['manager', 'manage:framework', 'deny'],
  ] as const)('%s asking for %s: %s', (role, permission, decision) => {
    expect(decideRouteAccess({ permission }, person([{ role, unitId: null }]))).toBe(decision);
  });

  it('inherits a grant downwards but not upwards or sideways', () => {
    const manager = person([{ role: 'manager', unitId: 'service' }]);
    // ancestry lists the unit first, then its parents
    expect(allowsAt(manager, 'edit:plans', ['team', 'service', 'directorate', 'council'])).toBe(true);
    expect(allowsAt(manager, 'edit:plans', ['service', 'directorate', 'council'])).toBe(true);
    expect(allowsAt(manager, 'edit:plans', ['directorate', 'council'])).toBe(false);
    expect(allowsAt(manager, 'edit:plans', ['other-service', 'directorate', 'council'])).toBe(false);
  });

  it('treats a grant without a unit as covering the whole organisation', () => {
    expect(allowsAt(person([{ role: 'director', unitId: null }]), 'approve:plans', ['x'])).toBe(true);
  });
});
