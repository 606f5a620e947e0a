import { and, eq } from 'drizzle-orm';
import {
  DEFAULT_BODIES,
  DEFAULT_ITEM_TYPES,
  DEFAULT_PLAN_TYPES,
  type DefaultStep,
  defaultStepNeedsDistinctPerson,
} from '../domain/default-framework.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/db.ts';
import * as frameworkRepo from './framework.repository.ts';
import { governanceBodies } from '../../organisation/index.ts';
import { phraseText } from '../../../kernel/phrase.ts';

/** key -> id of what was installed (or found already there). */
export interface InstalledFramework {
  planTypes: Record<string, string>;
  itemTypes: Record<string, string>;
  bodies: Record<string, string>;
}

const SYSTEM_ACTOR = { personId: null, label: phraseText('auditActors.defaultFramework') };

/**
 * Installs the standard governance bodies and the default framework (docs: DEFAULT_PLAN_TYPES) for
 * a new organisation, inside the caller's transaction. Safe to run again: bodies are matched by
 * name and types by key, and anything already there is left as the administrator made it.
 */
export async function installDefaultFramework(tx: Db, organisationId: string): Promise<InstalledFramework> {
  const installed: InstalledFramework = { planTypes: {}, itemTypes: {}, bodies: {} };

  for (const body of DEFAULT_BODIES) {
    const [existing] = await tx
      .select({ id: governanceBodies.id })
      .from(governanceBodies)
      .where(and(eq(governanceBodies.organisationId, organisationId), eq(governanceBodies.name, body.name)));
    if (existing) {
      installed.bodies[body.key] = existing.id;
      continue;
    }
    const [row] = await tx
      .insert(governanceBodies)
      .values({
        organisationId,
        name: body.name,
        kind: body.kind,
        frameworkRoles: [...body.frameworkRoles],
        description: body.description,
      })
      .returning({ id: governanceBodies.id });
    if (!row) throw new Error('insert into governance_bodies returned no row');
    installed.bodies[body.key] = row.id;
    await recordAudit(tx, {
      organisationId,
      actor: SYSTEM_ACTOR,
      entityType: 'governance_body',
      entityId: row.id,
      action: 'create',
      newValue: { name: body.name, kind: body.kind, frameworkRoles: body.frameworkRoles },
    });
  }

  for (const itemType of DEFAULT_ITEM_TYPES) {
    const existing = await frameworkRepo.findItemTypeByKey(tx, organisationId, itemType.key);
    if (existing) {
      installed.itemTypes[itemType.key] = existing.id;
      continue;
    }
    const row = await frameworkRepo.insertItemType(tx, { organisationId, ...itemType });
    installed.itemTypes[itemType.key] = row.id;
    await recordAudit(tx, {
      organisationId,
      actor: SYSTEM_ACTOR,
      entityType: 'item_type',
      entityId: row.id,
      action: 'create',
      newValue: itemType,
    });
  }

  // Level order, so every parent exists before the types that sit under it.
  const ordered = [...DEFAULT_PLAN_TYPES].sort((a, b) => a.level - b.level);
  for (const planType of ordered) {
    const existing = await frameworkRepo.findPlanTypeByKey(tx, organisationId, planType.key);
    if (existing) {
      installed.planTypes[planType.key] = existing.id;
      continue;
    }
    const row = await frameworkRepo.insertPlanType(tx, {
      organisationId,
      key: planType.key,
      name: planType.name,
      level: planType.level,
      description: planType.description,
      templateSections: planType.sections.map((section) => ({ ...section })),
    });
    installed.planTypes[planType.key] = row.id;
    const parentIds = planType.parents.map((key) => lookup(installed.planTypes, key, 'plan type'));
    const itemTypeIds = planType.itemTypes.map((key) => lookup(installed.itemTypes, key, 'item type'));
    const steps = planType.steps.map((step) => stepValues(step, installed.bodies));
    await frameworkRepo.setPlanTypeParents(tx, organisationId, row.id, parentIds);
    await frameworkRepo.setPlanTypeItemTypes(tx, organisationId, row.id, itemTypeIds);
    await frameworkRepo.saveApprovalSteps(tx, organisationId, row.id, steps);
    await recordAudit(tx, {
      organisationId,
      actor: SYSTEM_ACTOR,
      entityType: 'plan_type',
      entityId: row.id,
      action: 'create',
      newValue: {
        key: planType.key,
        name: planType.name,
        level: planType.level,
        parentTypeIds: parentIds,
        itemTypeIds,
        templateSections: planType.sections,
        approvalSteps: steps,
      },
    });
  }

  return installed;
}

function lookup(map: Record<string, string>, key: string, what: string): string {
  const id = map[key];
  if (!id) throw new Error(`default framework refers to unknown ${what} ${key}`);
  return id;
}

function stepValues(step: DefaultStep, bodies: Record<string, string>): frameworkRepo.StepValues {
  const distinctPerson = defaultStepNeedsDistinctPerson(step);
  switch (step.kind) {
    case 'owner':
      return { name: step.name, kind: 'owner', role: null, bodyId: null, distinctPerson };
    case 'role':
      return { name: step.name, kind: 'role', role: step.role, bodyId: null, distinctPerson };
    case 'body':
      return {
        name: step.name,
        kind: 'body',
        role: null,
        bodyId: lookup(bodies, step.body, 'governance body'),
        distinctPerson,
      };
  }
}
