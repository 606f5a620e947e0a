import { describe, expect, it } from 'vitest';
import type { RoleGrant, SignedIn } from '../../../kernel/access/index.ts';
import { auditUnitsOf } from './reader-scope.ts';

const units = [
  { id: 'root', parentId: null },
  { id: 'dir-a', parentId: 'root' },
  { id: 'team-a1', parentId: 'dir-a' },
  { id: 'team-a2', parentId: 'dir-a' },
  { id: 'dir-b', parentId: 'root' },
];
const reader = (...grants: RoleGrant[]): SignedIn => ({
  kind: 'person',
  personId: 'p',
  organisationId: 'o',
  name: 'P',
  partnerId: null,
  grants,
});
const unitsOf = (...grants: RoleGrant[]) => {
  const found = auditUnitsOf(reader(...grants), units);
  return found === null ? null : [...found].sort();
};

describe('whose audit events a reader sees', () => {
  it('gives a council-wide reader everything', () => {
    expect(unitsOf({ role: 'internal-auditor', unitId: null })).toBeNull();
    expect(unitsOf({ role: 'viewer', unitId: 'dir-a' }, { role: 'director', unitId: null })).toBeNull();
  });

  it('gives a unit-scoped reader their units and everything below them', () => {
    expect(unitsOf({ role: 'director', unitId: 'dir-a' })).toEqual(['dir-a', 'team-a1', 'team-a2']);
    expect(unitsOf({ role: 'audit-member', unitId: 'team-a1' }, { role: 'director', unitId: 'dir-b' })).toEqual([
      'dir-b',
      'team-a1',
    ]);
    expect(unitsOf({ role: 'director', unitId: 'root' })).toHaveLength(5);
  });

  it('counts only the grants that may read the audit trail, and no unknown unit', () => {
    expect(unitsOf({ role: 'director', unitId: 'dir-a' }, { role: 'viewer', unitId: 'dir-b' })).toEqual([
      'dir-a',
      'team-a1',
      'team-a2',
    ]);
    expect(unitsOf({ role: 'director', unitId: 'elsewhere' })).toEqual([]);
  });
});
