import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../../../kernel/access/index.ts';
import { isPrivatePlanType, managementChain, mayReadAppraisal } from './appraisal.ts';

const person = (personId: string, roles: [Role, string | null][] = [], partnerId: string | null = null): Principal => ({
  kind: 'person',
  personId,
  organisationId: 'org',
  name: personId,
  partnerId,
  grants: roles.map(([role, unitId]) => ({ role, unitId })),
});

const facts = {
  ownerPersonId: 'pat',
  managersOfOwner: ['mo', 'dee'],
  owningUnitAncestry: ['team', 'service', 'council'],
};

describe('who may read an individual plan', () => {
  it('lets the person, their line managers up the chain, HR and administrators over the unit read it', () => {
    expect(mayReadAppraisal(person('pat'), facts)).toBe(true);
    expect(mayReadAppraisal(person('mo'), facts)).toBe(true);
    expect(mayReadAppraisal(person('dee'), facts)).toBe(true);
    expect(mayReadAppraisal(person('hana', [['hr', 'service']]), facts)).toBe(true);
    expect(mayReadAppraisal(person('ada', [['administrator', null]]), facts)).toBe(true);
  });

  it('refuses everyone else, whatever else they may do', () => {
    expect(mayReadAppraisal(person('hana', [['hr', 'elsewhere']]), facts)).toBe(false);
    expect(mayReadAppraisal(person('max', [['manager', 'team']]), facts)).toBe(false);
    expect(mayReadAppraisal(person('pia', [['performance-officer', null]]), facts)).toBe(false);
    for (const role of ['cabinet-member', 'scrutiny-member', 'audit-member', 'viewer'] as const) {
      expect(mayReadAppraisal(person('cllr', [[role, null]]), facts)).toBe(false);
    }
    expect(mayReadAppraisal(person('pat', [], 'nhs'), facts)).toBe(false);
    expect(mayReadAppraisal({ kind: 'public' }, facts)).toBe(false);
  });

  it('leaves an individual plan with no owner to HR and administrators', () => {
    const unowned = { ...facts, ownerPersonId: null, managersOfOwner: [] };
    expect(mayReadAppraisal(person('pat'), unowned)).toBe(false);
    expect(mayReadAppraisal(person('hana', [['hr', null]]), unowned)).toBe(true);
  });

  it('knows the individual plan type by its key', () => {
    expect(isPrivatePlanType('individual-plan')).toBe(true);
    expect(isPrivatePlanType('team-plan')).toBe(false);
  });
});

describe('the management chain', () => {
  it('walks up from the person, nearest manager first, and stops at a loop', () => {
    const managers = new Map<string, string | null>([
      ['pat', 'mo'],
      ['mo', 'dee'],
      ['dee', null],
    ]);
    expect(managementChain('pat', managers)).toEqual(['mo', 'dee']);
    expect(managementChain('dee', managers)).toEqual([]);
    const loop = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
    ]);
    expect(managementChain('a', loop)).toEqual(['b', 'c']);
  });
});
