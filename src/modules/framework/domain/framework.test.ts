import { describe, expect, it } from 'vitest';
import {
  approvalStepInput,
  checkPlacement,
  checkSections,
  checkStep,
  type Edge,
  itemTypeInput,
  moved,
  planTypeInput,
  type PlanTypeNode,
  typesBelow,
} from './framework.ts';
import { DEFAULT_BODIES, DEFAULT_ITEM_TYPES, DEFAULT_PLAN_TYPES } from './default-framework.ts';
import { phrase, readStoredPhrase, type Phrase } from '../../../kernel/phrase.ts';

const at = (name: string, level: number) => phrase('frameworkChecks.typeAtLevel', { name, level });

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// community (1) ← corporate (2) ← directorate (3) ← service (4) ← team (5); service also under corporate.
const types: PlanTypeNode[] = [
  { id: ID(1), name: 'Community strategy', level: 1 },
  { id: ID(2), name: 'Corporate plan', level: 2 },
  { id: ID(3), name: 'Directorate plan', level: 3 },
  { id: ID(4), name: 'Service plan', level: 4 },
  { id: ID(5), name: 'Team plan', level: 5 },
];
const edges: Edge[] = [
  { planTypeId: ID(2), parentPlanTypeId: ID(1) },
  { planTypeId: ID(3), parentPlanTypeId: ID(2) },
  { planTypeId: ID(4), parentPlanTypeId: ID(3) },
  { planTypeId: ID(4), parentPlanTypeId: ID(2) },
  { planTypeId: ID(5), parentPlanTypeId: ID(4) },
];

describe('checkPlacement', () => {
  const cases: {
    name: string;
    subject: { id: string | null; name: string; level: number };
    parents: string[];
    expected: null | { code: string; field: string; message?: Phrase };
  }[] = [
    { name: 'a new top-level type', subject: { id: null, name: 'Vision', level: 1 }, parents: [], expected: null },
    {
      name: 'a new type under a higher one',
      subject: { id: null, name: 'Project plan', level: 5 },
      parents: [ID(4), ID(3)],
      expected: null,
    },
    {
      name: 'an existing type keeping its place',
      subject: { id: ID(4), name: 'Service plan', level: 4 },
      parents: [ID(3), ID(2)],
      expected: null,
    },
    {
      name: 'a type moved higher while its children stay below',
      subject: { id: ID(4), name: 'Service plan', level: 3 },
      parents: [ID(2)],
      expected: null,
    },
    {
      name: 'sitting under itself',
      subject: { id: ID(3), name: 'Directorate plan', level: 3 },
      parents: [ID(3)],
      expected: {
        code: 'cycle',
        field: 'parentTypeIds',
        message: phrase('frameworkChecks.underItself', { type: 'Directorate plan' }),
      },
    },
    {
      name: 'sitting under a type that sits under it (directly)',
      subject: { id: ID(4), name: 'Service plan', level: 6 },
      parents: [ID(5)],
      expected: { code: 'cycle', field: 'parentTypeIds' },
    },
    {
      name: 'sitting under a type that sits under it (transitively)',
      subject: { id: ID(2), name: 'Corporate plan', level: 9 },
      parents: [ID(5)],
      expected: {
        code: 'cycle',
        field: 'parentTypeIds',
        message: phrase('frameworkChecks.cycle', { type: 'Corporate plan', parent: 'Team plan' }),
      },
    },
    {
      name: 'a parent lower in the thread',
      subject: { id: null, name: 'Service plan', level: 4 },
      parents: [ID(5)],
      expected: {
        code: 'invalid',
        field: 'parentTypeIds',
        message: phrase('frameworkChecks.parentNotHigher', { type: at('Service plan', 4), parent: at('Team plan', 5) }),
      },
    },
    {
      name: 'a parent at the same level',
      subject: { id: null, name: 'Locality plan', level: 3 },
      parents: [ID(3)],
      expected: {
        code: 'invalid',
        field: 'parentTypeIds',
        message: phrase('frameworkChecks.parentNotHigher', {
          type: at('Locality plan', 3),
          parent: at('Directorate plan', 3),
        }),
      },
    },
    {
      name: 'a parent that does not exist',
      subject: { id: null, name: 'Odd', level: 3 },
      parents: [ID(99)],
      expected: { code: 'invalid', field: 'parentTypeIds', message: phrase('frameworkChecks.parentTypesExist') },
    },
    {
      name: 'a level that drops it to its children',
      subject: { id: ID(3), name: 'Directorate plan', level: 4 },
      parents: [ID(2)],
      expected: {
        code: 'invalid',
        field: 'level',
        message: phrase('frameworkChecks.childNotLower', {
          child: at('Service plan', 4),
          type: at('Directorate plan', 4),
          childLevel: 4,
          typeName: 'Directorate plan',
          childName: 'Service plan',
        }),
      },
    },
  ];

  it.each(cases)('$name', ({ subject, parents, expected }) => {
    const result = checkPlacement(types, edges, subject, parents);
    if (expected === null) {
      expect(result).toEqual({ ok: true, value: null });
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(expected.code);
    expect(result.error.field).toBe(expected.field);
    // The message is a stored phrase; its words are checked through the pages and API.
    if (expected.message) expect(readStoredPhrase(result.error.message)).toEqual(expected.message);
  });
});

describe('typesBelow', () => {
  it.each([
    [ID(1), [ID(2), ID(3), ID(4), ID(5)]],
    [ID(3), [ID(4), ID(5)]],
    [ID(5), []],
  ])('below %s', (id, expected) => {
    expect([...typesBelow(edges, id)].sort()).toEqual(expected.sort());
  });
});

describe('checkSections', () => {
  it.each([
    { keys: [], ok: true },
    { keys: ['a', 'b', 'c'], ok: true },
    { keys: ['a', 'b', 'a'], ok: false },
  ])('$keys → ok: $ok', ({ keys, ok }) => {
    const result = checkSections(keys.map((key) => ({ key, title: key, hint: '' })));
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'duplicate', field: 'key' });
  });
});

describe('checkStep', () => {
  const bodies = [
    { id: ID(10), name: 'Cabinet', frameworkRoles: ['approves', 'receives'] },
    { id: ID(11), name: 'Scrutiny Committee', frameworkRoles: ['scrutinises'] },
  ];
  const cases = [
    { name: 'owner sign-off', step: { name: 'Owner', kind: 'owner', role: null, bodyId: null }, field: null },
    { name: 'a role that approves', step: { name: 'Dir', kind: 'role', role: 'director', bodyId: null }, field: null },
    {
      name: 'a role that cannot approve',
      step: { name: 'V', kind: 'role', role: 'viewer', bodyId: null },
      field: 'role',
    },
    { name: 'no role', step: { name: 'V', kind: 'role', role: null, bodyId: null }, field: 'role' },
    { name: 'an approving body', step: { name: 'C', kind: 'body', role: null, bodyId: ID(10) }, field: null },
    {
      name: 'a body that does not approve',
      step: { name: 'S', kind: 'body', role: null, bodyId: ID(11) },
      field: 'bodyId',
    },
    { name: 'an unknown body', step: { name: 'U', kind: 'body', role: null, bodyId: ID(12) }, field: 'bodyId' },
  ] as const;
  it.each(cases)('$name', ({ step, field }) => {
    const result = checkStep(step, bodies);
    if (field === null) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, error: { code: 'invalid', field } });
  });

  it('names the body and says what to do when it does not approve', () => {
    const result = checkStep({ name: 'S', kind: 'body', role: null, bodyId: ID(11) }, bodies);
    expect(!result.ok && readStoredPhrase(result.error.message)).toEqual(
      phrase('frameworkChecks.bodyDoesNotApprove', { body: 'Scrutiny Committee' }),
    );
  });
});

describe('input schemas', () => {
  const valid = {
    key: ' Service-Plan ',
    name: 'Service plan',
    level: '4',
    description: '',
    parentTypeIds: ID(3),
    itemTypeIds: [ID(20), ID(20), ID(21)],
  };

  it('reads a form: trims and lowercases the key, numbers the level, lists and de-duplicates checkboxes', () => {
    const parsed = planTypeInput.parse(valid);
    expect(parsed).toEqual({
      key: 'service-plan',
      name: 'Service plan',
      level: 4,
      description: '',
      active: false,
      parentTypeIds: [ID(3)],
      itemTypeIds: [ID(20), ID(21)],
    });
    expect(planTypeInput.parse({ ...valid, active: 'true' }).active).toBe(true);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['no item types', { itemTypeIds: undefined }, 'itemTypeIds'],
    ['a key with spaces', { key: 'service plan' }, 'key'],
    ['a key with a double hyphen', { key: 'service--plan' }, 'key'],
    ['a level in words', { level: 'four' }, 'level'],
    ['a fractional level', { level: '2.5' }, 'level'],
    ['level 0', { level: '0' }, 'level'],
    ['no name', { name: '  ' }, 'name'],
    ['a parent that is not an id', { parentTypeIds: ['nope'] }, 'parentTypeIds.0'],
  ];
  it.each(bad)('refuses %s', (_name, change, field) => {
    const result = planTypeInput.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(field);
  });

  it.each([
    [
      { name: 'Owner', kind: 'owner', role: 'director', bodyId: ID(1) },
      { role: null, bodyId: null },
    ],
    [
      { name: 'Dir', kind: 'role', role: 'director', bodyId: ID(1) },
      { role: 'director', bodyId: null },
    ],
    [
      { name: 'Body', kind: 'body', role: '', bodyId: ID(1) },
      { role: null, bodyId: ID(1) },
    ],
  ])('keeps only what a %o step needs', (input, expected) => {
    expect(approvalStepInput.parse(input)).toMatchObject(expected);
  });

  it.each([
    [{ name: 'R', kind: 'role', role: '' }, 'role'],
    [{ name: 'R', kind: 'role', role: 'emperor' }, 'role'],
    [{ name: 'B', kind: 'body', bodyId: '' }, 'bodyId'],
    [{ name: 'B', kind: 'council' }, 'kind'],
    [{ name: '', kind: 'owner' }, 'name'],
  ])('refuses step %o naming %s', (input, field) => {
    const result = approvalStepInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(field);
  });

  it('reads an item type', () => {
    expect(itemTypeInput.parse({ key: 'Action-Area', name: ' Action area ' })).toEqual({
      key: 'action-area',
      name: 'Action area',
      description: '',
      active: false,
    });
  });
});

describe('moved', () => {
  it.each([
    [['a', 'b', 'c'], 1, 'up', ['b', 'a', 'c']],
    [['a', 'b', 'c'], 1, 'down', ['a', 'c', 'b']],
    [['a', 'b', 'c'], 0, 'up', ['a', 'b', 'c']],
    [['a', 'b', 'c'], 2, 'down', ['a', 'b', 'c']],
    [['a', 'b', 'c'], 5, 'up', ['a', 'b', 'c']],
  ] as const)('%o: %i %s', (list, index, direction, expected) => {
    expect(moved(list, index, direction)).toEqual(expected);
  });
});

describe('the default framework', () => {
  const ids = new Map(DEFAULT_PLAN_TYPES.map((type, index) => [type.key, ID(100 + index)]));
  const nodes = DEFAULT_PLAN_TYPES.map((type) => ({ id: ids.get(type.key)!, name: type.name, level: type.level }));
  const defaultEdges = DEFAULT_PLAN_TYPES.flatMap((type) =>
    type.parents.map((parent) => ({ planTypeId: ids.get(type.key)!, parentPlanTypeId: ids.get(parent)! })),
  );

  it.each(DEFAULT_PLAN_TYPES.map((type) => [type.key, type] as const))('%s keeps every rule', (_key, type) => {
    for (const parent of type.parents) expect(ids.has(parent)).toBe(true);
    expect(
      checkPlacement(
        nodes,
        defaultEdges,
        { id: ids.get(type.key)!, name: type.name, level: type.level },
        type.parents.map((parent) => ids.get(parent)!),
      ),
    ).toEqual({ ok: true, value: null });
    expect(type.itemTypes.length).toBeGreaterThan(0);
    for (const itemType of type.itemTypes) expect(DEFAULT_ITEM_TYPES.map((known) => known.key)).toContain(itemType);
    expect(checkSections(type.sections).ok).toBe(true);
    for (const section of type.sections) expect(() => planTypeInput.shape.key.parse(section.key)).not.toThrow();
    for (const step of type.steps) {
      if (step.kind !== 'body') continue;
      const body = DEFAULT_BODIES.find((candidate) => candidate.key === step.body);
      expect(body?.frameworkRoles).toContain('approves');
    }
    expect(type.steps[0]?.kind).toBe('owner');
  });
});
