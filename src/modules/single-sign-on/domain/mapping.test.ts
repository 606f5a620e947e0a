import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../kernel/access/index.ts';
import { claimValues, grantChanges, grantsFor, profileFrom, type Grant } from './mapping.ts';

const grant = fc.record({
  role: fc.constantFrom<Role>(...ROLES),
  unitId: fc.option(fc.constantFrom('u1', 'u2', 'u3'), { nil: null }),
});

describe('claim mapping', () => {
  it('reads a claim sent as an array or a single string, and nothing else', () => {
    expect(claimValues({ groups: ['a', 'b', 3] }, 'groups')).toEqual(['a', 'b']);
    expect(claimValues({ roles: 'Admin' }, 'roles')).toEqual(['Admin']);
    expect(claimValues({ groups: { a: 1 } }, 'groups')).toEqual([]);
    expect(claimValues({}, 'groups')).toEqual([]);
  });

  it('gives the roles of the mapped values only, each once', () => {
    const mappings = [
      { claimValue: 'g-admins', role: 'administrator' as const, unitId: null },
      { claimValue: 'g-staff', role: 'viewer' as const, unitId: null },
      { claimValue: 'g-viewers', role: 'viewer' as const, unitId: null },
      { claimValue: 'g-housing', role: 'manager' as const, unitId: 'housing' },
    ];
    expect(grantsFor(['g-staff', 'g-viewers', 'g-housing', 'unmapped'], mappings)).toEqual([
      { role: 'viewer', unitId: null },
      { role: 'manager', unitId: 'housing' },
    ]);
    expect(grantsFor(['unmapped'], mappings)).toEqual([]);
  });

  it('changes current grants into exactly the wanted ones', () => {
    fc.assert(
      fc.property(fc.array(grant), fc.array(grant), (current, wanted) => {
        const { end, begin } = grantChanges(current, wanted);
        const key = (g: Grant) => `${g.role}|${g.unitId}`;
        const after = new Set([...current.filter((g) => !end.includes(g)), ...begin].map(key));
        expect(after).toEqual(new Set(wanted.map(key)));
        // Nothing already held and still wanted is ended and begun again.
        for (const g of end) expect(wanted.map(key)).not.toContain(key(g));
      }),
    );
  });

  it('takes the e-mail from email, else the user principal name, and refuses a token with neither', () => {
    expect(profileFrom({ email: 'a@x.gov.uk', name: 'Ann' })).toEqual({ email: 'a@x.gov.uk', name: 'Ann' });
    expect(profileFrom({ preferred_username: 'b@x.gov.uk', given_name: 'Bo', family_name: 'Li' })).toEqual({
      email: 'b@x.gov.uk',
      name: 'Bo Li',
    });
    expect(profileFrom({ sub: '123' })).toBeNull();
  });
});
