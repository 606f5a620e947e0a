import { describe, expect, it } from 'vitest';
import type { Permission, Role } from '../../kernel/access/index.ts';
import type { Caller } from '../services/caller.ts';
import { createAccessPolicy, recordOf, type RecordRule, type Resource, type UnitAncestry } from './policy.ts';

/**
 * The council:         council
 *                      /      \
 *               place          people
 *               /    \            \
 *        highways   waste        adults
 */
const PARENT: Record<string, string | null> = {
  council: null,
  place: 'council',
  highways: 'place',
  waste: 'place',
  people: 'council',
  adults: 'people',
};

function countingAncestry() {
  const calls: string[] = [];
  const ancestry: UnitAncestry = async (organisationId, unitId) => {
    calls.push(unitId);
    if (organisationId !== 'org-1' || !(unitId in PARENT)) return [];
    const chain: string[] = [];
    for (let unit: string | null = unitId; unit; unit = PARENT[unit] ?? null) chain.push(unit);
    return chain;
  };
  return { ancestry, calls };
}

function caller(grants: { role: Role; unitId: string | null }[], personId = 'person-1'): Caller {
  return { kind: 'person', personId, organisationId: 'org-1', name: 'Sam', partnerId: null, grants };
}

describe('the access policy: roles × unit tree × permission', () => {
  const cases: [string, Caller, Permission, Resource, boolean][] = [
    // A grant on a unit covers the unit and everything below it, not its parent or siblings.
    [
      'manager of place edits plans in place',
      caller([{ role: 'manager', unitId: 'place' }]),
      'edit:plans',
      { unitId: 'place' },
      true,
    ],
    [
      'manager of place edits plans in highways',
      caller([{ role: 'manager', unitId: 'place' }]),
      'edit:plans',
      { unitId: 'highways' },
      true,
    ],
    [
      'manager of place: not in adults',
      caller([{ role: 'manager', unitId: 'place' }]),
      'edit:plans',
      { unitId: 'adults' },
      false,
    ],
    [
      'manager of highways: not in place above',
      caller([{ role: 'manager', unitId: 'highways' }]),
      'edit:plans',
      { unitId: 'place' },
      false,
    ],
    [
      'manager of highways: not in waste beside',
      caller([{ role: 'manager', unitId: 'highways' }]),
      'edit:plans',
      { unitId: 'waste' },
      false,
    ],
    // The role must allow the permission.
    [
      'viewer of the council edits nothing',
      caller([{ role: 'viewer', unitId: null }]),
      'edit:plans',
      { unitId: 'waste' },
      false,
    ],
    [
      'data entry enters values below',
      caller([{ role: 'data-entry', unitId: 'people' }]),
      'enter:values',
      { unitId: 'adults' },
      true,
    ],
    [
      'data entry does not approve',
      caller([{ role: 'data-entry', unitId: 'people' }]),
      'approve:values',
      { unitId: 'adults' },
      false,
    ],
    // A whole-organisation grant covers every unit, and council-wide things need one.
    [
      'administrator anywhere',
      caller([{ role: 'administrator', unitId: null }]),
      'manage:people',
      { unitId: 'adults' },
      true,
    ],
    [
      'HR of the council manages people without a unit',
      caller([{ role: 'hr', unitId: null }]),
      'manage:people',
      { unitId: null },
      true,
    ],
    [
      'HR of a unit: not people without a unit',
      caller([{ role: 'hr', unitId: 'people' }]),
      'manage:people',
      { unitId: null },
      false,
    ],
    [
      'organisation: unit grant is not enough',
      caller([{ role: 'administrator', unitId: 'council' }]),
      'manage:structure',
      'organisation',
      false,
    ],
    [
      'organisation: council grant',
      caller([{ role: 'administrator', unitId: null }]),
      'manage:structure',
      'organisation',
      true,
    ],
    // Anywhere: held over some unit.
    ['anywhere: a unit grant', caller([{ role: 'manager', unitId: 'waste' }]), 'edit:plans', 'anywhere', true],
    ['anywhere: not held', caller([{ role: 'viewer', unitId: 'waste' }]), 'edit:plans', 'anywhere', false],
    // Every one of several units.
    [
      'unitIds: all covered',
      caller([{ role: 'manager', unitId: 'place' }]),
      'edit:measures',
      { unitIds: ['highways', 'waste'] },
      true,
    ],
    [
      'unitIds: one not covered',
      caller([{ role: 'manager', unitId: 'place' }]),
      'edit:measures',
      { unitIds: ['highways', 'adults'] },
      false,
    ],
    ['unitIds: none asked', caller([]), 'edit:measures', { unitIds: [] }, true],
    // Another organisation's unit has no ancestry here: only a council-wide grant reaches it, as before.
    [
      'unknown unit, unit grant',
      caller([{ role: 'manager', unitId: 'place' }]),
      'edit:plans',
      { unitId: 'elsewhere' },
      false,
    ],
    ['no grants at all', caller([]), 'view:plans', { unitId: 'place' }, false],
  ];

  it.each(cases)('%s', async (_name, who, permission, resource, expected) => {
    const policy = createAccessPolicy(countingAncestry().ancestry);
    expect(await policy.can(who, permission, resource)).toBe(expected);
  });
});

describe('ancestry is loaded once', () => {
  it('for many checks of the same unit in one policy (one request)', async () => {
    const { ancestry, calls } = countingAncestry();
    const policy = createAccessPolicy(ancestry);
    const manager = caller([{ role: 'manager', unitId: 'place' }]);
    for (const permission of ['edit:plans', 'submit:plans', 'version:plans', 'approve:values'] as const) {
      await policy.can(manager, permission, { unitId: 'highways' });
    }
    await policy.can(manager, 'edit:plans', { unitIds: ['highways', 'waste'] });
    expect(calls).toEqual(['highways', 'waste']);
  });

  it('and again by the next policy (the next request sees a moved unit)', async () => {
    const { ancestry, calls } = countingAncestry();
    const manager = caller([{ role: 'manager', unitId: 'place' }]);
    await createAccessPolicy(ancestry).can(manager, 'edit:plans', { unitId: 'waste' });
    await createAccessPolicy(ancestry).can(manager, 'edit:plans', { unitId: 'waste' });
    expect(calls).toEqual(['waste', 'waste']);
  });

  it('not at all when the answer does not depend on the tree', async () => {
    const { ancestry, calls } = countingAncestry();
    const policy = createAccessPolicy(ancestry);
    expect(await policy.can(caller([{ role: 'viewer', unitId: 'place' }]), 'edit:plans', { unitId: 'waste' })).toBe(
      false,
    );
    expect(await policy.can(caller([{ role: 'administrator', unitId: null }]), 'edit:plans', { unitId: 'waste' })).toBe(
      true,
    );
    expect(calls).toEqual([]);
  });

  it('a failed load is not remembered', async () => {
    let fail = true;
    const policy = createAccessPolicy(async (_org, unitId) => {
      if (fail) throw new Error('database away');
      return [unitId, 'place'];
    });
    const manager = caller([{ role: 'manager', unitId: 'place' }]);
    await expect(policy.can(manager, 'edit:plans', { unitId: 'waste' })).rejects.toThrow('database away');
    fail = false;
    expect(await policy.can(manager, 'edit:plans', { unitId: 'waste' })).toBe(true);
  });
});

describe('record-level rules', () => {
  // The shape appraisals will take: only the appraisee, their manager, and HR over the appraisee's unit.
  interface Appraisal {
    appraiseeId: string;
    managerId: string;
  }
  const appraisalRule: RecordRule<Appraisal> = (who, appraisal, permission) =>
    who.personId === appraisal.appraiseeId ||
    (who.personId === appraisal.managerId && permission === 'view:organisation') ||
    who.grants.some((grant) => grant.role === 'hr' && grant.unitId === null);
  const appraisal: Appraisal = { appraiseeId: 'alex', managerId: 'morgan' };

  it.each([
    ['the appraisee', caller([], 'alex'), 'view:organisation', true],
    ['their manager', caller([], 'morgan'), 'view:organisation', true],
    ['their manager, for another permission', caller([], 'morgan'), 'manage:people', false],
    ['HR', caller([{ role: 'hr', unitId: null }], 'hana'), 'manage:people', true],
    [
      'an administrator who is none of these',
      caller([{ role: 'administrator', unitId: null }], 'ari'),
      'view:organisation',
      false,
    ],
  ] as const)('%s: %s', async (_who, who, permission, expected) => {
    const { ancestry, calls } = countingAncestry();
    const policy = createAccessPolicy(ancestry);
    expect(await policy.can(who, permission, recordOf(appraisalRule, appraisal))).toBe(expected);
    expect(calls).toEqual([]);
  });
});
