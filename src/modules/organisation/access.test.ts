import { describe, expect, it } from 'vitest';
import type { RoleGrant } from '../../kernel/access/index.ts';
import { createAccessPolicy } from '../../platform/access/policy.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { roleBeyondCaller } from './access.ts';

// council ← adults ← care; housing is beside adults.
const PARENT: Record<string, string | null> = { council: null, adults: 'council', care: 'adults', housing: 'council' };
const policy = () =>
  createAccessPolicy(async (_organisation, unitId) => {
    const chain: string[] = [];
    for (let unit: string | null = unitId; unit; unit = PARENT[unit] ?? null) chain.push(unit);
    return chain;
  });
const caller = (grants: RoleGrant[]): Caller => ({
  kind: 'person',
  personId: 'p',
  organisationId: 'o',
  name: 'Caller',
  partnerId: null,
  grants,
});

describe('change only people below you', () => {
  it('lets HR change people whose rights HR holds, and no one holding more', async () => {
    const hr = caller([{ role: 'hr', unitId: null }]);
    expect(await roleBeyondCaller(policy(), hr, [])).toBeNull();
    expect(await roleBeyondCaller(policy(), hr, [{ role: 'viewer', unitId: 'care' }])).toBeNull();
    expect(await roleBeyondCaller(policy(), hr, [{ role: 'hr', unitId: null }])).toBeNull();
    expect(await roleBeyondCaller(policy(), hr, [{ role: 'data-entry', unitId: 'care' }])).toBe('data-entry');
    expect(
      await roleBeyondCaller(policy(), hr, [
        { role: 'viewer', unitId: null },
        { role: 'administrator', unitId: 'housing' },
      ]),
    ).toBe('administrator');
  });

  it('scopes the comparison by unit: a unit administrator covers only their part of the tree', async () => {
    const adultsAdmin = caller([{ role: 'administrator', unitId: 'adults' }]);
    expect(await roleBeyondCaller(policy(), adultsAdmin, [{ role: 'administrator', unitId: 'care' }])).toBeNull();
    expect(await roleBeyondCaller(policy(), adultsAdmin, [{ role: 'viewer', unitId: 'housing' }])).toBe('viewer');
    expect(await roleBeyondCaller(policy(), adultsAdmin, [{ role: 'viewer', unitId: null }])).toBe('viewer');
  });

  it('stops anyone granting a role allowing more than they may do there', async () => {
    const manager = caller([{ role: 'manager', unitId: 'adults' }]);
    expect(await roleBeyondCaller(policy(), manager, [{ role: 'data-entry', unitId: 'care' }])).toBeNull();
    expect(await roleBeyondCaller(policy(), manager, [{ role: 'director', unitId: 'care' }])).toBe('director');
    const admin = caller([{ role: 'administrator', unitId: null }]);
    expect(await roleBeyondCaller(policy(), admin, [{ role: 'administrator', unitId: null }])).toBeNull();
  });
});
