import { z } from 'zod';
import { isRole, rolePhrase, roleAllows, ROLES, type Role } from '../../../kernel/access/index.ts';
import { optionalText, requiredId, requiredText, stringList } from '../../../kernel/inputs.ts';
import { phrase, phraseText, type Phrase, listPhrase } from '../../../kernel/phrase.ts';
import { domainError, fail, ok, type Result } from '../../../kernel/result.ts';

/**
 * The framework is data: each council names its plan types (with a level in the golden thread,
 * the types they may sit under and the item types they may hold), their template sections and
 * their approval steps. These are the rules every change to it must keep.
 */

export const MAX_LEVEL = 20;
export const STEP_KINDS = ['owner', 'role', 'body'] as const;

/** Roles whose holders may approve plans, so may be named in a role step. */
export const APPROVING_ROLES: readonly Role[] = ROLES.filter((role) => roleAllows(role, 'approve:plans'));
export type StepKind = (typeof STEP_KINDS)[number];

/** What kind of step it is, as the catalogue says it (`frameworkSteps.kind.*`). */
export function stepKindPhrase(kind: StepKind): Phrase {
  return phrase(`frameworkSteps.kind.${kind}`);
}

const key = (label: Phrase) =>
  z
    .string({ message: phraseText('inputs.enter', { label }) })
    .trim()
    .toLowerCase()
    .min(1, phraseText('inputs.enter', { label }))
    .max(50, phraseText('inputs.tooLong', { label, max: 50 }))
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, phraseText('frameworkChecks.keyLetters', { label }));

/** Checkboxes and JSON booleans both mean yes/no; an unticked checkbox sends nothing. */
const flag = z.preprocess(
  (value) => {
    if (value === undefined || value === null || value === '' || value === 'false') return false;
    if (value === 'true' || value === 'yes' || value === 'on') return true;
    return value;
  },
  z.boolean({ message: phraseText('frameworkChecks.active') }),
);

const level = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value),
  z
    .number({ message: phraseText('frameworkChecks.level') })
    .int(phraseText('frameworkChecks.level'))
    .min(1, phraseText('frameworkChecks.levelMin'))
    .max(MAX_LEVEL, phraseText('frameworkChecks.levelMax', { max: MAX_LEVEL })),
);

const uniqueIds = (message: string) => stringList(requiredId(message)).transform((ids) => [...new Set(ids)]);

export const templateSectionInput = z.object({
  key: key(phrase('fieldNames.aSectionKey')),
  title: requiredText(phrase('fieldNames.aSectionTitle')),
  hint: optionalText(phrase('fieldNames.hint'), 500),
});
export type TemplateSectionInput = z.infer<typeof templateSectionInput>;

/**
 * The separation-of-duties rule of a step: a checkbox on the page (the route sends "no" when it is
 * unticked), a boolean over the API, where leaving it out keeps the rule (resolveStepRules).
 */
const distinctPerson = z.preprocess(
  (value) => {
    if (value === undefined || value === null) return undefined;
    if (value === '' || value === 'false' || value === 'no') return false;
    if (value === 'true' || value === 'yes' || value === 'on') return true;
    return value;
  },
  z.boolean({ message: phraseText('frameworkChecks.distinctPerson') }).optional(),
);

/**
 * A new step asks for a different person unless it is the owner's own sign-off, which the person
 * who submits the plan usually takes.
 */
export function defaultDistinctPerson(kind: StepKind): boolean {
  return kind !== 'owner';
}

interface StepIdentity {
  name: string;
  kind: StepKind;
  role: string | null;
  bodyId: string | null;
}

/**
 * Fills in the rule of steps sent without it: the same step in the same place keeps its rule, any
 * other takes the default. So an API write that leaves the field out changes nothing it did not mean to.
 */
export function resolveStepRules<S extends StepIdentity & { distinctPerson?: boolean | undefined }>(
  steps: readonly S[],
  current: readonly (StepIdentity & { distinctPerson: boolean })[],
): (S & { distinctPerson: boolean })[] {
  return steps.map((step, index) => {
    if (step.distinctPerson !== undefined) return { ...step, distinctPerson: step.distinctPerson };
    const same = current[index];
    const kept =
      same &&
      same.name === step.name &&
      same.kind === step.kind &&
      same.role === step.role &&
      same.bodyId === step.bodyId;
    return { ...step, distinctPerson: kept ? same.distinctPerson : defaultDistinctPerson(step.kind) };
  });
}

/** The form that turns the rule on or off for one existing step. */
export const distinctPersonInput = z.object({
  distinctPerson: z
    .enum(['yes', 'no'], { message: phraseText('frameworkChecks.distinctPerson') })
    .transform((value) => value === 'yes'),
});

export const approvalStepInput = z
  .object({
    name: requiredText(phrase('fieldNames.aStepName')),
    kind: z.enum(STEP_KINDS, { message: phraseText('frameworkChecks.stepKind') }),
    role: z.preprocess(
      (value) => (value === '' || value === undefined ? null : value),
      z.enum(ROLES, { message: phraseText('frameworkChecks.role') }).nullable(),
    ),
    bodyId: z.preprocess(
      (value) => (value === '' || value === undefined ? null : value),
      z.uuid({ message: phraseText('frameworkChecks.body') }).nullable(),
    ),
    /** Unticked (or left out over the API) means anyone allowed may take the step. */
    distinctPerson,
  })
  .superRefine((step, context) => {
    if (step.kind === 'role' && step.role === null) {
      context.addIssue({ code: 'custom', path: ['role'], message: phraseText('frameworkChecks.stepRole') });
    }
    if (step.kind === 'body' && step.bodyId === null) {
      context.addIssue({ code: 'custom', path: ['bodyId'], message: phraseText('frameworkChecks.stepBody') });
    }
  })
  .transform((step) => ({
    name: step.name,
    kind: step.kind,
    role: step.kind === 'role' ? step.role : null,
    bodyId: step.kind === 'body' ? step.bodyId : null,
    distinctPerson: step.distinctPerson,
  }));
export type ApprovalStepInput = z.infer<typeof approvalStepInput>;

/** The plan type itself, as the page form and the API send it. */
export const planTypeInput = z.object({
  key: key(phrase('fieldNames.aKey')),
  name: requiredText(phrase('fieldNames.aName')),
  level,
  description: optionalText(phrase('fieldNames.description'), 2000),
  active: flag,
  parentTypeIds: uniqueIds(phraseText('frameworkChecks.parentTypesExist')),
  itemTypeIds: uniqueIds(phraseText('frameworkChecks.itemTypesExist')).pipe(
    z.array(z.string()).min(1, phraseText('frameworkChecks.itemTypeNeeded')),
  ),
});
export type PlanTypeInput = z.infer<typeof planTypeInput>;

/** Over the API a plan type may be written whole, sections and steps included. */
export const planTypeApiInput = planTypeInput.extend({
  active: z.boolean().default(true),
  templateSections: z.array(templateSectionInput).optional(),
  approvalSteps: z.array(approvalStepInput).optional(),
});
export type PlanTypeApiInput = z.infer<typeof planTypeApiInput>;

export const itemTypeInput = z.object({
  key: key(phrase('fieldNames.aKey')),
  name: requiredText(phrase('fieldNames.aName')),
  description: optionalText(phrase('fieldNames.description'), 2000),
  active: flag,
});
export type ItemTypeInput = z.infer<typeof itemTypeInput>;

export const itemTypeApiInput = itemTypeInput.extend({ active: z.boolean().default(true) });

export const MOVE_DIRECTIONS = ['up', 'down'] as const;
export type MoveDirection = (typeof MOVE_DIRECTIONS)[number];

// ---------------------------------------------------------------------------------------------
// Rules over the whole framework
// ---------------------------------------------------------------------------------------------

export interface PlanTypeNode {
  id: string;
  name: string;
  level: number;
}

export interface Edge {
  planTypeId: string;
  parentPlanTypeId: string;
}

/** "Service plan (level 4)": how a type is named in a refusal. */
const typeAtLevel = (type: Pick<PlanTypeNode, 'name' | 'level'>) =>
  phrase('frameworkChecks.typeAtLevel', { name: type.name, level: type.level });

/**
 * Whether plan type `subject` (id null while it is being created) may sit under `parentIds` at
 * `level`, and whether the types already sitting under it still sit lower. Refuses sitting under
 * itself, a cycle through the types below it, unknown parents, and a parent that is not higher in
 * the thread (a lower level number).
 */
export function checkPlacement(
  types: readonly PlanTypeNode[],
  edges: readonly Edge[],
  subject: { id: string | null; name: string; level: number },
  parentIds: readonly string[],
): Result<null> {
  const byId = new Map(types.map((type) => [type.id, type]));
  const proposed = { name: subject.name, level: subject.level };
  for (const parentId of parentIds) {
    if (subject.id !== null && parentId === subject.id) {
      return fail(
        domainError('cycle', phraseText('frameworkChecks.underItself', { type: subject.name }), 'parentTypeIds'),
      );
    }
    if (!byId.has(parentId)) {
      return fail(domainError('invalid', phraseText('frameworkChecks.parentTypesExist'), 'parentTypeIds'));
    }
  }
  if (subject.id !== null) {
    const below = typesBelow(edges, subject.id);
    for (const parentId of parentIds) {
      if (below.has(parentId)) {
        const parent = byId.get(parentId)!;
        return fail(
          domainError(
            'cycle',
            phraseText('frameworkChecks.cycle', { type: subject.name, parent: parent.name }),
            'parentTypeIds',
          ),
        );
      }
    }
  }
  for (const parentId of parentIds) {
    const parent = byId.get(parentId)!;
    if (parent.level >= subject.level) {
      return fail(
        domainError(
          'invalid',
          phraseText('frameworkChecks.parentNotHigher', { type: typeAtLevel(proposed), parent: typeAtLevel(parent) }),
          'parentTypeIds',
        ),
      );
    }
  }
  if (subject.id !== null) {
    for (const edge of edges) {
      if (edge.parentPlanTypeId !== subject.id) continue;
      const child = byId.get(edge.planTypeId);
      if (child && child.level <= subject.level) {
        return fail(
          domainError(
            'invalid',
            phraseText('frameworkChecks.childNotLower', {
              child: typeAtLevel(child),
              type: typeAtLevel(proposed),
              childLevel: child.level,
              typeName: subject.name,
              childName: child.name,
            }),
            'level',
          ),
        );
      }
    }
  }
  return ok(null);
}

/** Every type that sits (directly or through others) under `planTypeId`. */
export function typesBelow(edges: readonly Edge[], planTypeId: string): Set<string> {
  const below = new Set<string>();
  const queue = [planTypeId];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const edge of edges) {
      if (edge.parentPlanTypeId === current && !below.has(edge.planTypeId)) {
        below.add(edge.planTypeId);
        queue.push(edge.planTypeId);
      }
    }
  }
  return below;
}

/** Section keys are how plans store their text: unique within a type. */
export function checkSections(sections: readonly TemplateSectionInput[]): Result<null> {
  const seen = new Set<string>();
  for (const section of sections) {
    if (seen.has(section.key)) {
      return fail(domainError('duplicate', phraseText('frameworkChecks.sectionKeyTaken', { key: section.key }), 'key'));
    }
    seen.add(section.key);
  }
  return ok(null);
}

export interface BodyNode {
  id: string;
  name: string;
  frameworkRoles: readonly string[];
}

/** A role step needs a real role; a body step a body of this organisation that approves. */
export function checkStep(step: Omit<ApprovalStepInput, 'distinctPerson'>, bodies: readonly BodyNode[]): Result<null> {
  if (step.kind === 'role') {
    if (step.role === null || !isRole(step.role)) {
      return fail(domainError('invalid', phraseText('frameworkChecks.stepRole'), 'role'));
    }
    if (!roleAllows(step.role, 'approve:plans')) {
      return fail(
        domainError(
          'invalid',
          phraseText('frameworkChecks.roleCannotApprove', {
            role: rolePhrase(step.role),
            roles: listPhrase(APPROVING_ROLES.map((role) => rolePhrase(role))),
          }),
          'role',
        ),
      );
    }
  }
  if (step.kind === 'body') {
    const body = bodies.find((candidate) => candidate.id === step.bodyId);
    if (!body) return fail(domainError('invalid', phraseText('frameworkChecks.bodyExists'), 'bodyId'));
    if (!body.frameworkRoles.includes('approves')) {
      return fail(
        domainError('invalid', phraseText('frameworkChecks.bodyDoesNotApprove', { body: body.name }), 'bodyId'),
      );
    }
  }
  return ok(null);
}

export function checkSteps(steps: readonly ApprovalStepInput[], bodies: readonly BodyNode[]): Result<null> {
  for (const step of steps) {
    const checked = checkStep(step, bodies);
    if (!checked.ok) return checked;
  }
  return ok(null);
}

/** Moves the element at `index` one place up or down; out of range leaves the list as it was. */
export function moved<T>(list: readonly T[], index: number, direction: MoveDirection): T[] {
  const target = direction === 'up' ? index - 1 : index + 1;
  const copy = [...list];
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return copy;
  const [element] = copy.splice(index, 1);
  copy.splice(target, 0, element as T);
  return copy;
}

/** Who approves at a step, as a phrase: the plan owner, the role's name or the body's name. */
export function stepApproverPhrase(step: { kind: string; role: string | null; bodyName: string | null }): Phrase {
  if (step.kind === 'owner') return phrase('frameworkSteps.approver.owner');
  if (step.kind === 'role') {
    return step.role && isRole(step.role)
      ? phrase('frameworkSteps.approver.role', { role: rolePhrase(step.role) })
      : phrase('frameworkSteps.approver.unknownRole');
  }
  return step.bodyName
    ? phrase('frameworkSteps.approver.body', { body: step.bodyName })
    : phrase('frameworkSteps.approver.unknownBody');
}
