import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Principal, type Role, type RoleGrant } from '../../../kernel/access/index.ts';
import {
  checkWhoRule,
  headFor,
  mayTakeSomeSignOffStep,
  mayTakeStep,
  rolesFor,
  storedWhoRule,
  whoKindsFor,
  type PersonSignOffFacts,
  type SignOffWho,
  type StepFacts,
  type WhoRule,
} from './sign-off-who.ts';

const ME = 'p-me';
const SERVICE = 'u-service';
const DIRECTORATE = 'u-directorate';
const COUNCIL = 'u-council';
const OTHER_SERVICE = 'u-other';

const person = (grants: RoleGrant[], personId = ME): Principal => ({
  kind: 'person',
  personId,
  organisationId: 'org',
  name: 'Me',
  partnerId: null,
  grants,
});

const facts = (caller: Principal, more: Partial<StepFacts> = {}): StepFacts => ({
  caller,
  unitAncestry: [SERVICE, DIRECTORATE, COUNCIL],
  unitHeads: [null, null, null],
  verifierPersonId: null,
  bodyIds: [],
  ...more,
});

const rule = (who: WhoRule['who'], extra: Partial<WhoRule> = {}): WhoRule => ({
  who,
  role: null,
  bodyId: null,
  ...extra,
});

describe('who may take a sign-off step', () => {
  it('by permission: a grant at the unit or above it (delegation), not a grant elsewhere', () => {
    const director = person([{ role: 'director', unitId: DIRECTORATE }]);
    const elsewhere = person([{ role: 'director', unitId: OTHER_SERVICE }]);
    expect(mayTakeStep('verify', rule('permission'), facts(director))).toBe(true);
    expect(mayTakeStep('approve', rule('permission'), facts(director))).toBe(true);
    expect(mayTakeStep('approve', rule('permission'), facts(elsewhere))).toBe(false);
    // A manager verifies but does not approve.
    const manager = person([{ role: 'manager', unitId: SERVICE }]);
    expect(mayTakeStep('verify', rule('permission'), facts(manager))).toBe(true);
    expect(mayTakeStep('approve', rule('permission'), facts(manager))).toBe(false);
  });

  it('by permission: the measure’s named verifier verifies without the permission, but does not approve', () => {
    const viewer = person([{ role: 'viewer', unitId: null }]);
    const named = facts(viewer, { verifierPersonId: ME });
    expect(mayTakeStep('verify', rule('permission'), named)).toBe(true);
    expect(mayTakeStep('approve', rule('permission'), named)).toBe(false);
    expect(mayTakeStep('verify', rule('permission'), facts(viewer))).toBe(false);
  });

  it('by role: only holders of that role at the unit or above, however much else they may do', () => {
    const manager = person([{ role: 'manager', unitId: SERVICE }]);
    const director = person([{ role: 'director', unitId: DIRECTORATE }]);
    const managers = rule('role', { role: 'manager' });
    expect(mayTakeStep('verify', managers, facts(manager))).toBe(true);
    expect(mayTakeStep('verify', managers, facts(director))).toBe(false);
    expect(mayTakeStep('verify', managers, facts(person([{ role: 'manager', unitId: OTHER_SERVICE }])))).toBe(false);
  });

  it('unit head: the owning unit’s head, else the nearest head above, else the permission holders', () => {
    const head = person([{ role: 'viewer', unitId: null }]);
    const director = person([{ role: 'director', unitId: COUNCIL }], 'p-director');
    expect(mayTakeStep('verify', rule('unit-head'), facts(head, { unitHeads: [ME, 'p-x', null] }))).toBe(true);
    expect(mayTakeStep('verify', rule('unit-head'), facts(head, { unitHeads: ['p-x', ME, null] }))).toBe(false);
    expect(mayTakeStep('verify', rule('unit-head'), facts(head, { unitHeads: [null, ME, 'p-x'] }))).toBe(true);
    // A director is not the head, so may not take the step while a head is named …
    expect(mayTakeStep('approve', rule('unit-head'), facts(director, { unitHeads: [null, ME, null] }))).toBe(false);
    // … but when nobody up the structure is a head, the permission decides.
    expect(mayTakeStep('approve', rule('unit-head'), facts(director))).toBe(true);
    expect(mayTakeStep('approve', rule('unit-head'), facts(head))).toBe(false);
  });

  it('measure verifier: the named verifier only; with none named, the permission holders', () => {
    const manager = person([{ role: 'manager', unitId: SERVICE }]);
    expect(mayTakeStep('verify', rule('measure-verifier'), facts(manager, { verifierPersonId: 'p-other' }))).toBe(
      false,
    );
    expect(mayTakeStep('verify', rule('measure-verifier'), facts(manager, { verifierPersonId: ME }))).toBe(true);
    expect(mayTakeStep('verify', rule('measure-verifier'), facts(manager))).toBe(true);
    expect(mayTakeStep('approve', rule('measure-verifier'), facts(manager, { verifierPersonId: ME }))).toBe(false);
  });

  it('body: its members, whatever their roles', () => {
    const viewer = person([{ role: 'viewer', unitId: null }]);
    const admin = person([{ role: 'administrator', unitId: null }]);
    const audit = rule('body', { bodyId: 'b-audit' });
    expect(mayTakeStep('approve', audit, facts(viewer, { bodyIds: ['b-audit'] }))).toBe(true);
    expect(mayTakeStep('approve', audit, facts(admin, { bodyIds: ['b-other'] }))).toBe(false);
  });

  it('never lets the public take a step', () => {
    const everything = facts({ kind: 'public' }, { unitHeads: [ME], verifierPersonId: ME, bodyIds: ['b'] });
    for (const who of ['permission', 'unit-head', 'measure-verifier', 'body'] as const) {
      expect(mayTakeStep('verify', rule(who, { bodyId: 'b' }), everything)).toBe(false);
    }
  });

  it('property: under a role rule, eligibility is exactly holding that role at the unit or above', () => {
    const unit = fc.constantFrom(SERVICE, DIRECTORATE, COUNCIL, OTHER_SERVICE, null);
    const grant = fc.record({ role: fc.constantFrom(...ROLES), unitId: unit });
    fc.assert(
      fc.property(fc.array(grant, { maxLength: 4 }), fc.constantFrom(...rolesFor('verify')), (grants, role) => {
        const allowed = mayTakeStep('verify', rule('role', { role }), facts(person(grants)));
        const holds = grants.some(
          (g) => g.role === role && (g.unitId === null || [SERVICE, DIRECTORATE, COUNCIL].includes(g.unitId)),
        );
        expect(allowed).toBe(holds);
      }),
    );
  });

  it('property: the head who answers is the first named one up the chain', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }), { maxLength: 6 }), (heads) => {
        const head = headFor(heads);
        const first = heads.findIndex((h) => h !== null);
        expect(head).toBe(first === -1 ? null : heads[first]);
      }),
    );
  });
});

describe('checking a chosen rule', () => {
  it('keeps the named verifier to the verify step', () => {
    expect(whoKindsFor('approve')).not.toContain('measure-verifier');
    expect(checkWhoRule('approve', { who: 'measure-verifier' })).toEqual({
      ok: false,
      problem: 'kind-not-for-step',
      field: 'who',
    });
    expect(checkWhoRule('verify', { who: 'measure-verifier', role: 'director' })).toEqual({
      ok: true,
      rule: { who: 'measure-verifier', role: null, bodyId: null },
    });
  });

  it('needs a role that holds the step’s permission, and a body', () => {
    expect(checkWhoRule('verify', { who: 'role' })).toMatchObject({ ok: false, problem: 'role-missing' });
    expect(checkWhoRule('approve', { who: 'role', role: 'manager' })).toMatchObject({
      ok: false,
      problem: 'role-cannot',
      field: 'role',
    });
    expect(checkWhoRule('verify', { who: 'role', role: 'manager' })).toMatchObject({ ok: true });
    expect(checkWhoRule('verify', { who: 'role', role: 'not-a-role' })).toMatchObject({ problem: 'role-cannot' });
    expect(checkWhoRule('approve', { who: 'body', bodyId: '' })).toMatchObject({ problem: 'body-missing' });
    expect(checkWhoRule('approve', { who: 'body', bodyId: 'b', role: 'director' })).toEqual({
      ok: true,
      rule: { who: 'body', role: null, bodyId: 'b' },
    });
  });

  it('reads an unusable stored rule as the default', () => {
    expect(storedWhoRule('approve', 'measure-verifier', null, null)).toEqual(rule('permission'));
    expect(storedWhoRule('verify', 'something-else', null, null)).toEqual(rule('permission'));
    expect(storedWhoRule('verify', 'role', 'manager' satisfies Role, null)).toEqual(rule('role', { role: 'manager' }));
  });
});

describe('whether some sign-off step could be the person’s (the navigation’s Sign-off entry)', () => {
  const who = (verify: WhoRule, approve: WhoRule): SignOffWho => ({ verify, approve });
  const byPermission = who(rule('permission'), rule('permission'));
  const council = (caller: Principal, more: Partial<PersonSignOffFacts> = {}): PersonSignOffFacts => ({
    caller,
    namedVerifier: false,
    unitHead: false,
    bodyIds: [],
    ...more,
  });
  const viewer = person([{ role: 'viewer', unitId: null }]);
  const councillor = person([{ role: 'scrutiny-member', unitId: null }]);
  const manager = person([{ role: 'manager', unitId: SERVICE }]);

  it.each([
    ['a viewer, default rules', 'verify-then-approve', byPermission, council(viewer), false],
    ['a councillor, default rules', 'verify-then-approve', byPermission, council(councillor), false],
    ['a manager over one service, default rules', 'verify-then-approve', byPermission, council(manager), true],
    ['a manager when the council approves directly', 'approve-directly', byPermission, council(manager), false],
    [
      'a viewer named as a measure’s verifier',
      'verify-then-approve',
      byPermission,
      council(viewer, { namedVerifier: true }),
      true,
    ],
    [
      'a named verifier when the council approves directly',
      'approve-directly',
      byPermission,
      council(viewer, { namedVerifier: true }),
      false,
    ],
    [
      'a viewer heading a unit, heads verify',
      'verify-then-approve',
      who(rule('unit-head'), rule('permission')),
      council(viewer, { unitHead: true }),
      true,
    ],
    [
      'a viewer heading a unit, default rules',
      'verify-then-approve',
      byPermission,
      council(viewer, { unitHead: true }),
      false,
    ],
    [
      'a board member, the board approves',
      'verify-then-approve',
      who(rule('permission'), rule('body', { bodyId: 'b1' })),
      council(viewer, { bodyIds: ['b1'] }),
      true,
    ],
    [
      'a member of another body, the board approves',
      'approve-directly',
      who(rule('permission'), rule('body', { bodyId: 'b1' })),
      council(viewer, { bodyIds: ['b2'] }),
      false,
    ],
    [
      'a director when only managers verify and a body approves',
      'verify-then-approve',
      who(rule('role', { role: 'manager' }), rule('body', { bodyId: 'b1' })),
      council(person([{ role: 'director', unitId: null }])),
      false,
    ],
    [
      'a manager when managers verify',
      'verify-then-approve',
      who(rule('role', { role: 'manager' }), rule('body', { bodyId: 'b1' })),
      council(manager),
      true,
    ],
  ] as const)('%s → %s', (_, chain, rules, facts, expected) => {
    expect(mayTakeSomeSignOffStep(chain, rules, facts)).toBe(expected);
  });

  it('never hides the entry from someone who may take a step on some measure', () => {
    const grant = fc.record({
      role: fc.constantFrom(...ROLES),
      unitId: fc.constantFrom(null, SERVICE, DIRECTORATE, COUNCIL, OTHER_SERVICE),
    });
    const whoRule = fc.oneof(
      fc.constantFrom<WhoRule['who']>('permission', 'unit-head', 'measure-verifier').map((kind) => rule(kind)),
      fc.constantFrom(...ROLES).map((role) => rule('role', { role })),
      fc.constantFrom('b1', 'b2').map((bodyId) => rule('body', { bodyId })),
    );
    fc.assert(
      fc.property(
        fc.array(grant, { maxLength: 3 }),
        fc.constantFrom('verify-then-approve', 'approve-directly' as const),
        whoRule,
        whoRule,
        fc.constantFrom(null, ME, 'p-x'),
        fc.constantFrom<(string | null)[]>(
          [null, null, null],
          [ME, null, null],
          ['p-x', null, null],
          [null, 'p-x', ME],
        ),
        fc.subarray(['b1', 'b2']),
        (grants, chain, verify, approve, verifier, unitHeads, bodyIds) => {
          const caller = person(grants);
          const one = facts(caller, { verifierPersonId: verifier, unitHeads, bodyIds });
          const steps = chain === 'verify-then-approve' ? (['verify', 'approve'] as const) : (['approve'] as const);
          const rules = { verify, approve };
          const somewhere = steps.some((step) => mayTakeStep(step, rules[step], one));
          const wide = council(caller, { namedVerifier: verifier === ME, unitHead: unitHeads.includes(ME), bodyIds });
          return !somewhere || mayTakeSomeSignOffStep(chain, rules, wide);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
