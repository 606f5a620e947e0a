import { rolePhrase } from '../../../kernel/access/index.ts';
import { APPROVING_ROLES, stepApproverPhrase, stepKindPhrase, STEP_KINDS } from '../domain/framework.ts';
import type { GovernanceBodyOption, ItemType, PlanTypeDetail, TemplateSection } from '../framework.service.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { fill, say, words } from '../../../platform/words/index.ts';

/** Shapes the framework for its pages, so templates only loop and call macros. */

interface Named {
  id: string;
  name: string;
}

function namesOf(ids: readonly string[], all: readonly Named[]): string[] {
  return ids.flatMap((id) => {
    const found = all.find((candidate) => candidate.id === id);
    return found ? [found.name] : [];
  });
}

export interface StepRow {
  id: string;
  position: number;
  name: string;
  kindName: string;
  approver: string;
  distinctPerson: boolean;
  first: boolean;
  last: boolean;
}

export function stepRows(planType: PlanTypeDetail): StepRow[] {
  return planType.approvalSteps.map((step, index, steps) => ({
    id: step.id,
    position: step.position,
    name: step.name,
    kindName: say(stepKindPhrase(step.kind)),
    approver: say(stepApproverPhrase(step)),
    distinctPerson: step.distinctPerson,
    first: index === 0,
    last: index === steps.length - 1,
  }));
}

export interface SectionRow extends TemplateSection {
  first: boolean;
  last: boolean;
}

export function sectionRows(planType: PlanTypeDetail): SectionRow[] {
  return planType.templateSections.map((section, index, sections) => ({
    ...section,
    first: index === 0,
    last: index === sections.length - 1,
  }));
}

/** One row per plan type, in level order, for the framework overview. */
export function overviewRows(planTypes: readonly PlanTypeDetail[], itemTypes: readonly ItemType[]) {
  return planTypes.map((planType) => ({
    id: planType.id,
    name: planType.name,
    key: planType.key,
    level: planType.level,
    active: planType.active,
    sitsUnder: namesOf(planType.parentTypeIds, planTypes),
    holds: namesOf(planType.itemTypeIds, itemTypes),
    sections: planType.templateSections.map((section) => section.title),
    steps: planType.approvalSteps.map((step) => `${step.name} (${say(stepApproverPhrase(step))})`),
  }));
}

/** What the plan type page shows about where the type sits. */
export function planTypeSummary(
  planType: PlanTypeDetail,
  planTypes: readonly PlanTypeDetail[],
  itemTypes: readonly ItemType[],
) {
  return {
    sitsUnder: namesOf(planType.parentTypeIds, planTypes),
    sitsAbove: planTypes.filter((other) => other.parentTypeIds.includes(planType.id)).map((other) => other.name),
    holds: namesOf(planType.itemTypeIds, itemTypes),
  };
}

/** Checkbox items for the plan type form: the types it may sit under and the item types it may hold. */
export function planTypeFormItems(
  values: Record<string, unknown>,
  planTypes: readonly PlanTypeDetail[],
  itemTypes: readonly ItemType[],
  editingId: string | undefined,
) {
  const listOf = (value: unknown): string[] =>
    value === undefined || value === null || value === ''
      ? []
      : Array.isArray(value)
        ? value.map(String)
        : [String(value)];
  const parents = listOf(values.parentTypeIds);
  const held = listOf(values.itemTypeIds);
  return {
    parentItems: planTypes
      .filter((planType) => planType.id !== editingId)
      .map((planType) => ({
        value: planType.id,
        text: planType.name,
        hint: {
          text: fill(planType.active ? words.frameworkPages.form.level : words.frameworkPages.form.levelNotInUse, {
            level: planType.level,
          }),
        },
        checked: parents.includes(planType.id),
      })),
    itemTypeItems: itemTypes.map((itemType) => ({
      value: itemType.id,
      text: itemType.name,
      ...(itemType.active ? {} : { hint: { text: words.frameworkPages.form.notInUse } }),
      checked: held.includes(itemType.id),
    })),
    activeItems: [
      {
        value: 'true',
        text: words.frameworkPages.form.planTypeInUse,
        checked: values.active === true || values.active === 'true',
      },
    ],
  };
}

/** Options for the "add an approval step" form. */
export function stepFormItems(values: Record<string, unknown>, bodies: readonly GovernanceBodyOption[]) {
  const approving = bodies.filter((body) => body.frameworkRoles.includes('approves'));
  return {
    // A new step asks for a different person unless the form came back with the box unticked.
    distinctPersonChecked: Object.keys(values).length === 0 || values.distinctPerson !== undefined,
    kindItems: STEP_KINDS.map((kind) => ({
      value: kind,
      text: say(stepKindPhrase(kind)),
      checked: values.kind === kind,
    })),
    roleItems: selectItems(
      APPROVING_ROLES,
      (role) => role,
      (role) => say(rolePhrase(role)),
      values.role as string | undefined,
      words.frameworkPages.form.selectRole,
    ),
    bodyItems: selectItems(
      approving,
      (body) => body.id,
      (body) => body.name,
      values.bodyId as string | undefined,
      approving.length > 0 ? words.frameworkPages.form.selectBody : words.frameworkPages.form.noBodyApproves,
    ),
  };
}
